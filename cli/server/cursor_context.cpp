#include "server/cursor_context.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

// A small tolerant tokenizer rather than a JSON library: while the user types, the text
// is usually broken (an unclosed string, a missing value, comma or bracket), and a parser
// stops at the first error without saying where in the tree the cursor was. This reader
// never stops: it keeps a stack of the open containers with a little state for each, reads
// past every error, and touches each byte once.

namespace appflow_lint::server {

namespace {

// Deeper containers are counted, not kept: a cursor inside one gets CursorRole::Other.
// The request schemas nest six levels; this only bounds memory on hostile input.
constexpr std::size_t kMaxDepth = 256;

enum class TokenKind : std::uint8_t { BeginObject, EndObject, BeginArray, EndArray, Colon, Comma, String, Word, End };

struct Token {
  TokenKind kind = TokenKind::End;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool closed = false;  // String: it has its closing quote
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_line_break(char c) { return c == '\n' || c == '\r'; }

bool ends_word(char c) {
  switch (c) {
    case '{':
    case '}':
    case '[':
    case ']':
    case ':':
    case ',':
    case '"':
      return true;
    default:
      return is_space(c);
  }
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  Token next() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    const std::size_t begin = pos_;
    if (pos_ == text_.size()) return {TokenKind::End, begin, begin};
    switch (text_[pos_]) {
      case '{':
        return punctuation(TokenKind::BeginObject);
      case '}':
        return punctuation(TokenKind::EndObject);
      case '[':
        return punctuation(TokenKind::BeginArray);
      case ']':
        return punctuation(TokenKind::EndArray);
      case ':':
        return punctuation(TokenKind::Colon);
      case ',':
        return punctuation(TokenKind::Comma);
      case '"':
        return string();
      default:
        // Numbers, true/false/null, and anything else typed without quotes.
        while (pos_ < text_.size() && !ends_word(text_[pos_])) ++pos_;
        return {TokenKind::Word, begin, pos_};
    }
  }

 private:
  Token punctuation(TokenKind kind) {
    ++pos_;
    return {kind, pos_ - 1, pos_};
  }

  // An unclosed string ends at the line break: JSON strings cannot span lines, so the
  // next line (often the member after the one being typed) is read as what it is.
  Token string() {
    const std::size_t begin = pos_++;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') return {TokenKind::String, begin, ++pos_, true};
      if (is_line_break(c)) break;
      const bool escapes_next = c == '\\' && pos_ + 1 < text_.size() && !is_line_break(text_[pos_ + 1]);
      pos_ += escapes_next ? 2 : 1;
    }
    return {TokenKind::String, begin, pos_, false};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::optional<std::uint32_t> hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const char c = text[i];
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return value;
}

// A key's text with its escapes decoded, so that it compares with schema member names.
// A malformed escape is kept as written; a lone surrogate becomes U+FFFD.
std::string decode_key(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\' || i + 1 == body.size()) {
      out += c;
      continue;
    }
    const char escaped = body[i + 1];
    const std::string_view simple_from = "\"\\/bfnrt";
    const std::string_view simple_to = "\"\\/\b\f\n\r\t";
    if (const std::size_t at = simple_from.find(escaped); at != std::string_view::npos) {
      out += simple_to[at];
      ++i;
      continue;
    }
    const std::optional<std::uint32_t> unit = escaped == 'u' ? hex4(body, i + 2) : std::nullopt;
    if (!unit) {
      out += c;
      continue;
    }
    i += 5;
    std::uint32_t code_point = *unit;
    if (code_point >= 0xD800 && code_point <= 0xDBFF && i + 2 < body.size() && body[i + 1] == '\\' &&
        body[i + 2] == 'u') {
      const std::optional<std::uint32_t> low = hex4(body, i + 3);
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
        i += 6;
      }
    }
    if (code_point >= 0xD800 && code_point <= 0xDFFF) code_point = 0xFFFD;
    append_utf8(out, code_point);
  }
  return out;
}

std::string token_text(std::string_view text, const Token& token) {
  if (token.kind == TokenKind::Word) return std::string(text.substr(token.begin, token.end - token.begin));
  const std::size_t body_end = token.closed ? token.end - 1 : token.end;
  return decode_key(text.substr(token.begin + 1, body_end - token.begin - 1));
}

enum class Expect : std::uint8_t { Key, Colon, Value, CommaOrEnd };

struct Container {
  bool is_object = true;
  // Opened where no value belongs (`{ {`): its path means nothing, so neither does
  // anything inside it.
  bool lost = false;
  PathStep step;  // from the parent; unused for the outermost container
  Expect expect = Expect::Value;
  std::optional<std::string> pending_key;  // object: the member whose value comes next
  std::size_t index = 0;                   // array: the element being read
  std::vector<std::string> keys;           // object: every key read so far
};

// What a string or bare word is where it stands.
enum class Meaning : std::uint8_t { Key, Value, Stray };

Meaning meaning_of(const Container& top, TokenKind kind) {
  switch (top.expect) {
    case Expect::Key:
      return top.is_object ? Meaning::Key : Meaning::Stray;  // a bare word too: a key typed without quotes
    case Expect::Value:
      return Meaning::Value;
    case Expect::Colon:
    case Expect::CommaOrEnd:
      // A string where ':' or ',' was due starts the next member: the line above it is
      // the one being typed.
      return top.is_object && kind == TokenKind::String ? Meaning::Key : Meaning::Stray;
  }
  return Meaning::Stray;
}

class CursorLocator {
 public:
  CursorLocator(std::string_view text, std::size_t offset) : text_(text), offset_(std::min(offset, text.size())) {}

  CursorContext run() {
    Tokenizer tokenizer(text_);
    for (;;) {
      const Token token = tokenizer.next();
      if (std::exchange(awaiting_colon_, false)) result_.colon_follows = token.kind == TokenKind::Colon;
      if (!located_) {
        locate_before(token);
        if (located_ && result_.role == CursorRole::Other) break;
      }
      if (token.kind == TokenKind::End) {
        // The cursor's object is still open at the end: its keys are all there are.
        if (target_depth_ > 0) result_.present_members = std::move(stack_[target_depth_ - 1].keys);
        break;
      }
      apply(token);
      if (target_closed_) break;
    }
    return std::move(result_);
  }

 private:
  Container* top() { return stack_.empty() ? nullptr : &stack_.back(); }

  bool on_scalar(const Token& token) const { return token.kind == TokenKind::String || token.kind == TokenKind::Word; }

  // Is the cursor in this token (or just after it, still typing), or in the gap before it?
  void locate_before(const Token& token) {
    const bool in_token = on_scalar(token) && token.begin <= offset_ && offset_ <= token.end;
    if (in_token) {
      locate_on(token);
    } else if (token.begin >= offset_) {
      locate_in_gap(token);
    }
  }

  void locate_on(const Token& token) {
    Container* container = usable_container();
    located_ = true;
    result_.token = {token.begin, token.end};
    result_.token_is_string = token.kind == TokenKind::String;
    if (container == nullptr) return;
    switch (meaning_of(*container, token.kind)) {
      case Meaning::Key:
        result_.role = CursorRole::MemberName;
        result_.member = token_text(text_, token);
        skip_cursor_key_ = true;
        awaiting_colon_ = true;
        break;
      case Meaning::Value:
        describe_value_position(*container);
        break;
      case Meaning::Stray:
        break;
    }
    finish_locating();
  }

  void locate_in_gap(const Token& next) {
    Container* container = usable_container();
    located_ = true;
    result_.token = {offset_, offset_};
    if (container == nullptr) return;
    if (container->expect == Expect::Key && container->is_object) {
      result_.role = CursorRole::MemberName;
      result_.colon_follows = next.kind == TokenKind::Colon;
    } else if (container->expect == Expect::Value) {
      describe_value_position(*container);
    }
    finish_locating();
  }

  // The container holding the cursor, when it is one whose path is known.
  Container* usable_container() {
    Container* container = top();
    if (overflow_depth_ > 0 || container == nullptr || container->lost) return nullptr;
    return container;
  }

  void describe_value_position(const Container& container) {
    if (!container.is_object) {
      result_.role = CursorRole::ArrayElement;
      result_.element_index = container.index;
    } else if (container.pending_key) {
      result_.role = CursorRole::MemberValue;
      result_.member = *container.pending_key;
    }
  }

  void finish_locating() {
    if (result_.role == CursorRole::Other) return;
    for (std::size_t i = 1; i < stack_.size(); ++i) result_.container_path.push_back(stack_[i].step);
    target_depth_ = stack_.size();
  }

  void apply(const Token& token) {
    switch (token.kind) {
      case TokenKind::BeginObject:
      case TokenKind::BeginArray:
        open(token.kind == TokenKind::BeginObject);
        break;
      case TokenKind::EndObject:
      case TokenKind::EndArray:
        close(token.kind == TokenKind::EndObject);
        break;
      case TokenKind::Colon:
        if (Container* container = top(); overflow_depth_ == 0 && container != nullptr && container->is_object &&
                                          (container->expect == Expect::Colon || container->expect == Expect::Key)) {
          container->expect = Expect::Value;
        }
        break;
      case TokenKind::Comma:
        if (Container* container = top(); overflow_depth_ == 0 && container != nullptr) {
          if (container->is_object) {
            container->expect = Expect::Key;
            container->pending_key.reset();
          } else {
            ++container->index;
            container->expect = Expect::Value;
          }
        }
        break;
      case TokenKind::String:
      case TokenKind::Word:
        if (Container* container = top(); overflow_depth_ == 0 && container != nullptr) scalar(*container, token);
        break;
      case TokenKind::End:
        break;
    }
  }

  void scalar(Container& container, const Token& token) {
    switch (meaning_of(container, token.kind)) {
      case Meaning::Key: {
        std::string key = token_text(text_, token);
        if (std::exchange(skip_cursor_key_, false)) {
          container.pending_key = std::move(key);
        } else {
          container.keys.push_back(key);
          container.pending_key = std::move(key);
        }
        container.expect = Expect::Colon;
        break;
      }
      case Meaning::Value:
        container.expect = Expect::CommaOrEnd;
        break;
      case Meaning::Stray:
        break;
    }
  }

  void open(bool is_object) {
    if (overflow_depth_ > 0 || stack_.size() == kMaxDepth) {
      ++overflow_depth_;
      return;
    }
    Container child;
    child.is_object = is_object;
    child.expect = is_object ? Expect::Key : Expect::Value;
    if (Container* parent = top(); parent != nullptr) {
      child.lost = parent->lost || parent->expect != Expect::Value || (parent->is_object && !parent->pending_key);
      if (!child.lost) {
        child.step = parent->is_object ? PathStep(*parent->pending_key) : PathStep(parent->index);
      }
      parent->expect = Expect::CommaOrEnd;
    }
    stack_.push_back(std::move(child));
  }

  // A closing bracket closes the nearest open container of its kind (and any left open
  // inside it); one that matches nothing open is ignored.
  void close(bool is_object) {
    if (overflow_depth_ > 0) {
      --overflow_depth_;
      return;
    }
    const auto match = std::find_if(stack_.rbegin(), stack_.rend(),
                                    [is_object](const Container& c) { return c.is_object == is_object; });
    if (match == stack_.rend()) return;
    const std::size_t new_size = static_cast<std::size_t>(stack_.rend() - match) - 1;
    if (target_depth_ > new_size) {
      result_.present_members = std::move(stack_[target_depth_ - 1].keys);
      target_closed_ = true;
    }
    stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(new_size), stack_.end());
  }

  std::string_view text_;
  std::size_t offset_;
  std::vector<Container> stack_;
  std::size_t overflow_depth_ = 0;
  CursorContext result_;
  bool located_ = false;
  bool target_closed_ = false;  // the cursor's container has closed: nothing after it matters
  bool awaiting_colon_ = false;
  bool skip_cursor_key_ = false;
  std::size_t target_depth_ = 0;  // stack size when located; 0: not located in a container
};

}  // namespace

CursorContext locate_cursor(std::string_view text, std::size_t offset) { return CursorLocator(text, offset).run(); }

}  // namespace appflow_lint::server
