#include "appflow_lint/schema_engine/string_matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "appflow_lint/text/ascii.hpp"
#include "appflow_lint/text/word.hpp"

namespace appflow_lint::schema_engine {
namespace {

using Table = std::array<bool, 128>;

void add_range(Table& table, unsigned char from, unsigned char to) {
  for (unsigned c = from; c <= to && c < 128; ++c) table[c] = true;
}

// RE2's Perl classes are ASCII: \w [0-9A-Za-z_], \s [\t\n\f\r ], \d [0-9].
bool add_perl_class(Table& table, char letter) {
  switch (letter) {
    case 'w':
      add_range(table, '0', '9');
      add_range(table, 'A', 'Z');
      add_range(table, 'a', 'z');
      table['_'] = true;
      return true;
    case 's':
      for (char c : {'\t', '\n', '\f', '\r', ' '}) table[static_cast<unsigned char>(c)] = true;
      return true;
    case 'd':
      add_range(table, '0', '9');
      return true;
    default:
      return false;
  }
}

bool is_escapable_literal(char c) {
  return std::string_view("\\/-.+*?()[]{}|^$!@#=~&%:,;").find(c) != std::string_view::npos;
}

// The members of a bracket expression without negation: literals, ranges, \w \s \d
// and escaped punctuation. Anything else is left to RE2.
bool parse_bracket(std::string_view body, Table& table) {
  std::size_t i = 0;
  auto next_literal = [&](char& out) {
    if (body[i] == '\\') {
      if (i + 1 >= body.size() || !is_escapable_literal(body[i + 1])) return false;
      out = body[i + 1];
      i += 2;
      return true;
    }
    out = body[i++];
    return static_cast<unsigned char>(out) < 128;
  };
  if (body.empty() || body.front() == '^') return false;
  while (i < body.size()) {
    if (body[i] == '\\' && i + 1 < body.size() && add_perl_class(table, body[i + 1])) {
      i += 2;
      continue;
    }
    char from = 0;
    if (!next_literal(from)) return false;
    if (i + 1 < body.size() && body[i] == '-') {  // a range, unless '-' ends the class
      ++i;
      char to = 0;
      if (!next_literal(to) || to < from) return false;
      add_range(table, static_cast<unsigned char>(from), static_cast<unsigned char>(to));
    } else {
      table[static_cast<unsigned char>(from)] = true;
    }
  }
  return true;
}

// The generator wraps every model pattern as ^(?:...)$. Gives what is inside, less a
// further '^' at its start or '$' at its end, which change nothing there.
bool anchored_body(std::string_view pattern, std::string_view& body) {
  constexpr std::string_view kOpen = "^(?:", kClose = ")$";
  if (!pattern.starts_with(kOpen) || !pattern.ends_with(kClose)) return false;
  body = pattern.substr(kOpen.size(), pattern.size() - kOpen.size() - kClose.size());
  if (body.starts_with('^')) body.remove_prefix(1);
  if (body.ends_with('$') && !body.ends_with("\\$")) body.remove_suffix(1);
  return true;
}

// One item of a sequence at the front of `text`: a bracket class, \w \s \d \S, `.`, an
// escaped punctuation mark or a letter, digit, ':', '/', '-', '_', ',' or '@' standing
// for itself. Returns the characters it took, 0 for anything else.
std::size_t parse_item(std::string_view text, Table& table, bool& non_ascii) {
  non_ascii = false;
  if (text.empty()) return 0;
  if (text.front() == '[') {
    const std::size_t close = text.find(']', 1);
    if (close == std::string_view::npos || text.find('[', 1) < close) return 0;
    // An escaped ']' inside the class would end it early here: left to RE2.
    if (text[close - 1] == '\\') return 0;
    return parse_bracket(text.substr(1, close - 1), table) ? close + 1 : 0;
  }
  if (text.front() == '.') {
    table.fill(true);
    table['\n'] = false;
    non_ascii = true;
    return 1;
  }
  if (text.front() == '\\') {
    if (text.size() < 2) return 0;
    if (text[1] == 'S') {
      add_perl_class(table, 's');
      for (bool& admitted : table) admitted = !admitted;
      non_ascii = true;
      return 2;
    }
    if (add_perl_class(table, text[1])) return 2;
    if (!is_escapable_literal(text[1])) return 0;
    table[static_cast<unsigned char>(text[1])] = true;
    return 2;
  }
  const char c = text.front();
  if (ascii::is_alnum(c) || std::string_view(":/-_,@").find(c) != std::string_view::npos) {
    table[static_cast<unsigned char>(c)] = true;
    return 1;
  }
  return 0;
}

}  // namespace

StringMatcher::StringMatcher(const std::string& pattern)
    : regex_(std::make_unique<re2::RE2>(pattern, re2::RE2::Quiet)) {
  if (!regex_->ok()) throw std::runtime_error("schema pattern does not compile: " + pattern);
  table_ = try_class_table(pattern);
  if (!table_ && !try_sequence(pattern)) sequence_.clear();
}

bool StringMatcher::try_sequence(std::string_view pattern) {
  std::string_view body;
  if (!anchored_body(pattern, body)) return false;
  // Groups without a quantifier of their own change nothing about what matches:
  // (https?), (?:[a-z]+), ([a-z]+)-(x). Only their balance is kept.
  std::size_t open_groups = 0;
  while (!body.empty()) {
    if (body.starts_with("(?:")) {
      body.remove_prefix(3);
      ++open_groups;
      continue;
    }
    if (body.front() == '(') {
      body.remove_prefix(1);
      ++open_groups;
      continue;
    }
    if (body.front() == ')') {
      if (open_groups == 0) return false;
      --open_groups;
      body.remove_prefix(1);
      // A quantified group repeats a sequence: left to RE2.
      if (!body.empty() && std::string_view("+*?{").find(body.front()) != std::string_view::npos) return false;
      continue;
    }
    Table table{};
    bool non_ascii = false;
    const std::size_t taken = parse_item(body, table, non_ascii);
    if (taken == 0) return false;
    body.remove_prefix(taken);
    std::array<bool, 256> admitted{};
    for (std::size_t b = 0; b < admitted.size(); ++b) admitted[b] = b < table.size() ? table[b] : non_ascii;
    SequenceItem item;
    item.bytes = text::ByteSet(admitted);
    if (!body.empty() && (body.front() == '+' || body.front() == '*' || body.front() == '?')) {
      item.repeated = body.front() != '?';
      item.optional = body.front() != '+';
      body.remove_prefix(1);
    }
    // One code point of a class that admits multi-byte ones is more than one byte: left to RE2.
    if (non_ascii && !item.repeated) return false;
    sequence_.push_back(item);
  }
  if (open_groups != 0 || sequence_.empty()) return false;
  // A last item that is one required byte takes the value's last byte, whatever comes
  // before it (the URL pattern's `[...]*[...]`, where the two classes overlap): the
  // items before it are matched against the rest.
  const SequenceItem& last = sequence_.back();
  final_byte_ = !last.repeated && !last.optional;
  const std::size_t leading = sequence_.size() - (final_byte_ ? 1 : 0);
  // Greedy matching decides as a backtracking engine would only when what an item that
  // may take a byte or not (repeated or optional) could take cannot begin what follows
  // it: the next item, required, with no byte in common; or the end.
  for (std::size_t i = 0; i + 1 < leading; ++i) {
    if (!sequence_[i].repeated && !sequence_[i].optional) continue;
    const SequenceItem& next = sequence_[i + 1];
    if (next.optional) return false;
    for (int b = 0; b < 256; ++b) {
      const char c = static_cast<char>(b);
      if (next.bytes.contains(c) && sequence_[i].bytes.contains(c)) return false;
    }
  }
  return true;
}

bool StringMatcher::sequence_matches(std::string_view value) const noexcept {
  std::size_t leading = sequence_.size();
  if (final_byte_) {
    if (value.empty() || !sequence_.back().bytes.contains(value.back())) return false;
    value.remove_suffix(1);
    --leading;
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < leading; ++i) {
    const SequenceItem& item = sequence_[i];
    const std::size_t start = at;
    if (item.repeated) {
      at = std::min(item.bytes.find_first_not_in(value, at), value.size());
    } else if (at < value.size() && item.bytes.contains(value[at])) {
      ++at;
    }
    if (at == start && !item.optional) return false;
  }
  return at == value.size();
}

bool StringMatcher::try_class_table(std::string_view pattern) {
  std::string_view body;
  if (!anchored_body(pattern, body)) return false;
  if (body.size() < 2 || (body.back() != '+' && body.back() != '*')) return false;
  allow_empty_ = body.back() == '*';
  const std::string_view item = body.substr(0, body.size() - 1);
  Table table{};
  if (item == "\\S") {
    add_perl_class(table, 's');
    for (bool& admitted : table) admitted = !admitted;
    non_ascii_ = true;
  } else if (item == ".") {
    table.fill(true);
    table['\n'] = false;
    non_ascii_ = true;
  } else if (item.size() >= 3 && item.front() == '[' && item.back() == ']' &&
             item.find('[', 1) == std::string_view::npos) {
    if (!parse_bracket(item.substr(1, item.size() - 2), table)) return false;
    non_ascii_ = false;
  } else {
    return false;
  }
  for (std::size_t b = 0; b < bytes_.size(); ++b) bytes_[b] = b < table.size() ? table[b] : non_ascii_;
  std::size_t from = bytes_.size();
  while (from > 0 && bytes_[from - 1]) --from;
  admitted_from_ = from > 0 && from <= 0x80 ? static_cast<unsigned char>(from) : 0;
  return true;
}

bool StringMatcher::matches(std::string_view value) const noexcept {
  if (!table_) return sequence_.empty() ? re2::RE2::FullMatch(value, *regex_) : sequence_matches(value);
  if (value.empty()) return allow_empty_;
  // The value is valid UTF-8, so every byte past 0x7F belongs to a code point past
  // U+007F: one lookup per byte decides (bytes_ holds non_ascii_ for all of them).
  const auto table_admits = [this](std::string_view bytes) {
    for (const char c : bytes) {
      if (!bytes_[static_cast<unsigned char>(c)]) return false;
    }
    return true;
  };
  std::size_t at = 0;
  if (admitted_from_ != 0) {
    // Most patterns are \S+, and most values are long runs of admitted bytes: eight at
    // a time, a word with no byte below admitted_from_ (the classic "has a byte less
    // than n" test, exact for n <= 0x80) needs no lookup; any other word is looked up.
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    const std::uint64_t below = kOnes * admitted_from_;
    for (; at + text::kWordBytes <= value.size(); at += text::kWordBytes) {
      const std::uint64_t word = text::load_word(value.data() + at);
      if (((word - below) & ~word & kHighs) != 0 && !table_admits(value.substr(at, text::kWordBytes))) return false;
    }
  }
  return table_admits(value.substr(at));
}

}  // namespace appflow_lint::schema_engine
