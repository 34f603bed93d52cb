#include "appflow_lint/schema_engine/string_matcher.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

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

}  // namespace

StringMatcher::StringMatcher(const std::string& pattern)
    : regex_(std::make_unique<re2::RE2>(pattern, re2::RE2::Quiet)) {
  if (!regex_->ok()) throw std::runtime_error("schema pattern does not compile: " + pattern);
  table_ = try_class_table(pattern);
}

bool StringMatcher::try_class_table(std::string_view pattern) {
  constexpr std::string_view kOpen = "^(?:", kClose = ")$";
  if (!pattern.starts_with(kOpen) || !pattern.ends_with(kClose)) return false;
  std::string_view body = pattern.substr(kOpen.size(), pattern.size() - kOpen.size() - kClose.size());
  if (body.size() > 2 && body.front() == '^' && body.back() == '$') body = body.substr(1, body.size() - 2);
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
  if (!table_) return re2::RE2::FullMatch(value, *regex_);
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
    for (; at + 8 <= value.size(); at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, value.data() + at, sizeof word);
      if (((word - below) & ~word & kHighs) != 0 && !table_admits(value.substr(at, 8))) return false;
    }
  }
  return table_admits(value.substr(at));
}

}  // namespace appflow_lint::schema_engine
