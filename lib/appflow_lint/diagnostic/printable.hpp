// Text that is safe to print on one line of a terminal or a CI log: every character
// that would break the line or act on the terminal is written as a JSON-style escape.
#pragma once

#include <string>
#include <string_view>

namespace appflow_lint {

// "\n", "\r", "\t", "\b", "\f", other C0 controls, DEL and C1 controls as \u00XX, the
// line and paragraph separators and the bidi embedding, override and isolate controls
// (which reorder what a terminal shows) as \u20XX, and bytes that are not UTF-8 as
// \xNN. Everything else is kept as it is.
std::string printable(std::string_view text);
// The same, keeping the string itself when nothing needs an escape (almost every
// message): a faulty request's diagnostics are not copied once more on the way out.
std::string printable(std::string&& text);
inline std::string printable(const char* text) { return printable(std::string_view(text)); }

}  // namespace appflow_lint
