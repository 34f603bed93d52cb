// A schema `pattern`, compiled once. Most of the model's patterns are one repeated
// character class (`\S+` is 95 of 123 in the Update schema, then `.*`, `[\w/!@#+=.-]+`,
// `[ -~]+`): those become a 128-entry table plus a rule for non-ASCII code points,
// a loop with no regex machinery. A pattern that is a sequence of such classes and
// literal characters (`+`, `*` or `?` on each; groups with no quantifier of their own),
// each item that may or may not take a byte unable to start what follows it, is
// matched greedily item by item: the JWT's
// `[a-zA-Z0-9_=]+\.[a-zA-Z0-9_=]+\.[a-zA-Z0-9_\-\+\/=]*`, where RE2 cost some 17
// instructions a byte of a 700-byte token. A last item of one required byte takes the
// value's last byte, so it may overlap what comes before it: the URL pattern
// `(https?)://[...]*[...]`, where RE2 cost some 1,600 instructions a call.
// Every other pattern is RE2 (linear time, no recursion).
// tests/unit/string_matcher_test.cpp checks that all three agree with RE2.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "appflow_lint/text/byte_set.hpp"

namespace appflow_lint::schema_engine {

class StringMatcher {
 public:
  // `pattern` is the schema keyword's text (anchored: "^(?:...)$"). Throws
  // std::runtime_error when RE2 cannot compile it (a build defect).
  explicit StringMatcher(const std::string& pattern);

  // Whether the whole of `value` (valid UTF-8) matches.
  bool matches(std::string_view value) const noexcept;

  // The RE2 form, for explaining a mismatch; always compiled.
  const re2::RE2& regex() const noexcept { return *regex_; }
  bool uses_class_table() const noexcept { return table_; }
  bool uses_sequence() const noexcept { return !sequence_.empty(); }

 private:
  // One class or literal of a sequence: the bytes it admits (past 0x7F: all or none, as
  // the value is valid UTF-8), once or repeated, and whether it may be absent (`*`, `?`).
  struct SequenceItem {
    text::ByteSet bytes{std::string_view{}};
    bool repeated = false;
    bool optional = false;
  };

  bool try_class_table(std::string_view pattern);
  bool try_sequence(std::string_view pattern);
  bool sequence_matches(std::string_view value) const noexcept;

  std::unique_ptr<re2::RE2> regex_;
  bool table_ = false;
  bool non_ascii_ = false;         // whether it admits code points past U+007F
  std::array<bool, 256> bytes_{};  // which bytes may appear: the class's ASCII, then non_ascii_
  bool allow_empty_ = false;       // `*` rather than `+`
  // The least byte from which every byte is admitted (0x21 for \S, 0x0B for `.`), so
  // that eight bytes at a time can be checked for one below it; 0 when no such tail
  // of the byte range is admitted, or it starts past 0x80 (where the check is not exact).
  unsigned char admitted_from_ = 0;
  std::vector<SequenceItem> sequence_;  // empty unless the pattern is a sequence (and no table)
  bool final_byte_ = false;             // the sequence's last item is one required byte
};

}  // namespace appflow_lint::schema_engine
