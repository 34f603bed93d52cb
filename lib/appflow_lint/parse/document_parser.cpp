#include "appflow_lint/parse/document_parser.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/parse/encoding_checks.hpp"
#include "appflow_lint/parse/syntax_faults.hpp"

namespace appflow_lint::parse {
namespace {

using nlohmann::json;

// Builds the value like nlohmann's own DOM parser (a repeated key keeps its last
// value) while counting depth and noting repeated keys. nlohmann's SAX driver is
// iterative, so aborting here is all it takes to survive hostile nesting.
class DocumentBuilder final : public nlohmann::json_sax<json> {
 public:
  DocumentBuilder(ParsedDocument& document, std::size_t max_depth, std::size_t max_entries)
      : document_(document), max_depth_(max_depth), max_entries_(max_entries) {}

  bool null() override { return add(json(nullptr)); }
  bool boolean(bool value) override { return add(json(value)); }
  bool number_integer(number_integer_t value) override { return add(json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return add(json(value)); }
  // A number written with a fraction or exponent stays a float even when its value is
  // integral (443.0, 1e3): JSON Schema would count it as an integer, but the AWS CLI and
  // boto3 reject a float for an integer parameter, and that is how requests are sent.
  // An integer literal too large for 64 bits arrives here too, as a float.
  bool number_float(number_float_t value, const string_t& /*text*/) override { return add(json(value)); }
  bool string(string_t& value) override { return add(json(std::move(value))); }
  bool binary(binary_t& value) override { return add(json::binary(std::move(value))); }

  bool start_object(std::size_t /*size*/) override { return open(json::object()); }
  bool start_array(std::size_t /*size*/) override { return open(json::array()); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    if (skipped_depth_ > 0) return true;
    auto& members = open_.back().container->get_ref<json::object_t&>();
    // try_emplace leaves an existing member in place: its value is replaced when the
    // new value arrives, as json::parse does.
    const auto [member, inserted] = members.try_emplace(std::move(name));
    if (!inserted) {
      document_.duplicate_keys.push_back(pointer_to_member(member->first));
    }
    open_.back().current_key = &member->first;
    member_slot_ = &member->second;
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) override;

 private:
  struct OpenContainer {
    json* container;                           // stable: nothing is added to a parent while a child is open
    const std::string* current_key = nullptr;  // objects: the member being read
  };

  // Where the next value goes: the root, the end of the open array, or the member
  // whose key was just read.
  json* place(json&& value) {
    if (open_.empty()) {
      document_.value = std::move(value);
      return &document_.value;
    }
    json& container = *open_.back().container;
    if (container.is_array()) {
      container.get_ref<json::array_t&>().push_back(std::move(value));
      return &container.back();
    }
    *member_slot_ = std::move(value);
    return member_slot_;
  }

  bool add(json&& value) {
    if (skipped_depth_ == 0) place(std::move(value));
    return counted();
  }

  // One more entry in the innermost open container (kept or skipped); false (which
  // stops the parse) past max_entries.
  bool counted() {
    if (entries_.empty()) return true;
    if (++entries_.back() <= max_entries_) return true;
    document_.too_many_entries = true;
    return false;
  }

  // Past the depth limit the document is still read to its end (so that everything above
  // the limit is checked and later syntax errors are found), but not kept: the container
  // that crosses the limit stays, empty, and nothing below it is stored.
  bool open(json&& container) {
    if (!counted()) return false;
    entries_.push_back(0);
    if (skipped_depth_ > 0) {
      ++skipped_depth_;
      return true;
    }
    if (open_.size() >= max_depth_) {
      document_.too_deep = true;
      place(std::move(container));
      skipped_depth_ = 1;
      return true;
    }
    open_.push_back(OpenContainer{place(std::move(container))});
    return true;
  }

  bool close() {
    entries_.pop_back();
    if (skipped_depth_ > 0) {
      --skipped_depth_;
      return true;
    }
    open_.pop_back();
    return true;
  }

  // Built only when a duplicate turns up, from the keys and indices already on the stack.
  std::string pointer_to_member(const std::string& name) const {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
      const json& container = *open_[i].container;
      pointer = container.is_array() ? json_pointer::child(pointer, container.size() - 1)
                                     : json_pointer::child(pointer, *open_[i].current_key);
    }
    return json_pointer::child(pointer, name);
  }

  ParsedDocument& document_;
  std::size_t max_depth_;
  std::vector<OpenContainer> open_;
  json* member_slot_ = nullptr;
  std::size_t skipped_depth_ = 0;  // containers open below the depth limit
  std::size_t max_entries_;
  std::vector<std::size_t> entries_;  // per open container (skipped ones too): entries so far
};

// Removes the first occurrence of `part`; true when there was one.
bool erase_first(std::string& text, std::string_view part) {
  const std::size_t at = text.find(part);
  if (at == std::string::npos) {
    return false;
  }
  text.erase(at, part.size());
  return true;
}

// nlohmann's parse_error.101 text is
//   "[json.exception.parse_error.101] parse error at line L, column C: <what>"
// where <what> may contain "; last read: '<input>'". Only <what> is kept, without
// the echo of the input (which could be a secret), e.g.
//   "syntax error while parsing object key - unexpected ','; expected string literal".
std::string syntax_message(const nlohmann::detail::exception& error, const std::string& last_token) {
  std::string message = error.what();
  constexpr std::string_view kPositionEnd = ": ";
  const std::size_t what_begin = message.find(kPositionEnd);
  message.erase(0, what_begin == std::string::npos ? 0 : what_begin + kPositionEnd.size());
  if (!erase_first(message, "; last read: '" + last_token + "'")) {
    // Not the expected shape: drop everything from the echo on rather than risk it.
    const std::size_t echo = message.find("; last read:");
    if (echo != std::string::npos) {
      message.erase(echo);
    }
  }
  return message;
}

// nlohmann's message format (documented for parse_error.101) tells the two kinds of
// fault apart: "... - unexpected <token>; expected ..." when a whole, well-formed token
// is out of place, anything else when the lexer stopped inside a token. `position`
// is just past the last byte read, so position - 1 is the out-of-place token's last
// byte (parse_document moves it to the token's first) or the byte the lexer stopped on.
// An ill-formed UTF-8 sequence is noticed at the byte after its lead byte; the lead
// byte is what is wrong.
std::size_t fault_offset(std::size_t position, const std::string& last_token, const std::string& message) {
  if (position == 0) return 0;
  const std::size_t stopped = position - 1;
  if (message.find("ill-formed UTF-8") != std::string::npos) {
    for (std::size_t back = 1; back <= 3 && back < last_token.size(); ++back) {
      const auto byte = static_cast<unsigned char>(last_token[last_token.size() - 1 - back]);
      if (byte >= 0xC0) return stopped - back;
      if (byte < 0x80) break;
    }
  }
  return stopped;
}

bool is_whole_token_fault(const std::string& message) { return message.find(" - unexpected ") != std::string::npos; }

// The first byte of the well-formed token whose last byte is at `last`: a string
// (back to its opening quote), a number or literal (back over its characters), or a
// one-character token.
std::size_t token_start(std::string_view text, std::size_t last) {
  if (last >= text.size()) return text.size();
  if (text[last] == '"') {
    for (std::size_t i = last; i-- > 0;) {
      if (text[i] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return last;
  }
  const auto in_scalar = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
           c == '-';
  };
  if (!in_scalar(text[last])) return last;
  std::size_t first = last;
  while (first > 0 && in_scalar(text[first - 1])) --first;
  return first;
}

bool DocumentBuilder::parse_error(std::size_t position, const std::string& last_token,
                                  const nlohmann::detail::exception& error) {
  // `position` counts the bytes read, the offending one included (the lexer also
  // "reads" the end of input), so the offending byte is at position - 1; at the end
  // of input that is the text size. A number too large for a double (out_of_range.406,
  // "number overflow parsing '<input>'") is reported after its last digit, so it is
  // pointed at by its first byte and described without the echo.
  SyntaxError syntax;
  if (dynamic_cast<const nlohmann::detail::out_of_range*>(&error) != nullptr) {
    syntax.byte_offset = position - std::min(position, last_token.size());
    syntax.message = "number out of range: too large to represent";
  } else {
    syntax.message = syntax_message(error, last_token);
    syntax.byte_offset = fault_offset(position, last_token, syntax.message);
    syntax.whole_token = is_whole_token_fault(syntax.message);
  }
  document_.syntax_error = std::move(syntax);
  return false;
}

// Offset of the bracket that first opens nesting level `depth` (1 = the root), or the
// text size when there is none. Used after the builder aborted: the SAX interface gives
// no positions, and the text up to that bracket was valid JSON, so a string-aware bracket
// count is exact. Linear, and only run once per too-deep document.
std::size_t opening_bracket_at_depth(std::string_view text, std::size_t depth) {
  std::size_t level = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++level == depth) {
        return i;
      }
    } else if (c == ']' || c == '}') {
      --level;
    }
  }
  return text.size();
}

// The backslash of the \u escape that nlohmann rejected after reading up to `stopped`:
// the last escape there, or for a high surrogate the last high one.
std::size_t surrogate_escape_start(std::string_view text, std::size_t stopped, bool high) {
  for (std::size_t at = text.rfind("\\u", stopped); at != std::string_view::npos && at > 0;
       at = text.rfind("\\u", at - 1)) {
    if (!high) return at;
    const char first = at + 2 < text.size() ? static_cast<char>(text[at + 2] | 0x20) : '\0';
    const char second = at + 3 < text.size() ? static_cast<char>(text[at + 3] | 0x20) : '\0';
    if (first == 'd' && second >= '8' && second <= 'b') return at;
  }
  return stopped;
}

}  // namespace

ParsedDocument parse_document(std::string_view text, std::size_t max_depth, std::size_t max_entries) {
  ParsedDocument document;
  if (auto wide = find_wide_encoding(text)) {
    document.syntax_error = SyntaxError{wide->byte_offset, std::move(wide->message)};
    return document;
  }
  // nlohmann ends its input at a NUL byte: parse what comes before it, and unless that
  // has a fault of its own, the NUL is the fault.
  const auto nul = find_nul_byte(text);
  if (nul) text = text.substr(0, nul->byte_offset);
  try {
    DocumentBuilder builder(document, max_depth, max_entries);
    json::sax_parse(text, &builder, json::input_format_t::json, /*strict=*/true);
  } catch (const std::exception&) {
    // Only resource exhaustion is expected here (nlohmann reports bad input through
    // parse_error); the exception text is not used as it might quote the input.
    document.syntax_error = SyntaxError{0, "the document could not be parsed"};
  }
  if (auto& syntax = document.syntax_error) {
    syntax->byte_offset = std::min(syntax->byte_offset, text.size());
    if (syntax->whole_token) syntax->byte_offset = token_start(text, syntax->byte_offset);
    if (syntax->message.find("ill-formed UTF-8") != std::string::npos) {
      syntax->message = describe_utf8_fault(text, syntax->byte_offset);
    } else if (syntax->message.find("surrogate U+DC00..U+DFFF must follow") != std::string::npos) {
      syntax->byte_offset = surrogate_escape_start(text, syntax->byte_offset, false);
      syntax->message =
          "invalid string: a \\u escape of a low surrogate (DC00..DFFF) without the high one before it; "
          "the service rejects unpaired surrogates";
    } else if (syntax->message.find("surrogate U+D800..U+DBFF must be followed") != std::string::npos) {
      syntax->byte_offset = surrogate_escape_start(text, syntax->byte_offset, true);
      syntax->message =
          "invalid string: a \\u escape of a high surrogate (D800..DBFF) not followed by a low one; "
          "the service rejects unpaired surrogates";
    } else if (auto fault = describe_syntax_fault(text, syntax->byte_offset, syntax->message)) {
      syntax->byte_offset = fault->byte_offset;
      syntax->message = std::move(fault->message);
      syntax->remove_byte = fault->remove_byte;
    }
  }
  if (nul && (!document.syntax_error || document.syntax_error->byte_offset >= nul->byte_offset)) {
    document = ParsedDocument{};
    document.syntax_error = SyntaxError{nul->byte_offset, std::move(nul->message)};
    return document;
  }
  if (document.too_deep) {
    document.too_deep_offset = opening_bracket_at_depth(text, max_depth + 1);
  }
  return document;
}

}  // namespace appflow_lint::parse
