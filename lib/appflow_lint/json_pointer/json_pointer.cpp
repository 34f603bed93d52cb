#include "appflow_lint/json_pointer/json_pointer.hpp"

#include <string>

namespace appflow_lint::json_pointer {
namespace {

// Decodes in one left-to-right pass, so "~01" becomes "~1" (not "/"), as RFC 6901
// section 4 requires. A '~' not followed by '0' or '1' is kept as it is.
std::string unescape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

namespace {
void append_escaped(std::string& out, std::string_view token) {
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
}
}  // namespace

std::string escape_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  append_escaped(out, token);
  return out;
}

void append_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  append_escaped(pointer, token);
}

void append_index(std::string& pointer, std::size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
}

std::string child(std::string_view parent, std::string_view name) {
  std::string out;
  out.reserve(parent.size() + 1 + name.size());
  out += parent;
  append_token(out, name);
  return out;
}

std::string child(std::string_view parent, std::size_t index) {
  std::string out(parent);
  append_index(out, index);
  return out;
}

// A pointer that does not start with '/' is malformed; its text up to the first '/'
// is then taken as a first token rather than dropped, so nothing is silently lost.
std::vector<std::string> split(std::string_view pointer) {
  std::vector<std::string> tokens;
  TokenReader reader(pointer);
  while (const std::optional<std::string_view> token = reader.next()) tokens.emplace_back(*token);
  return tokens;
}

// As split(): the text before a first '/' of a malformed pointer is its first token.
TokenReader::TokenReader(std::string_view pointer)
    : pointer_(pointer), next_begin_(!pointer.empty() && pointer.front() == '/' ? 1 : 0), done_(pointer.empty()) {}

std::optional<std::string_view> TokenReader::next() {
  if (done_) return std::nullopt;
  token_begin_ = next_begin_;
  const std::size_t slash = pointer_.find('/', token_begin_);
  done_ = slash == std::string_view::npos;
  token_end_ = done_ ? pointer_.size() : slash;
  next_begin_ = token_end_ + 1;
  const std::string_view token = escaped();
  if (token.find('~') == std::string_view::npos) return token;
  unescaped_ = unescape_token(token);
  return std::string_view(unescaped_);
}

// Escaped tokens never contain '/', so the last '/' always starts the last token.
std::string last_token(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return unescape_token(slash == std::string_view::npos ? pointer : pointer.substr(slash + 1));
}

std::string_view parent(std::string_view pointer) {
  const std::size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : pointer.substr(0, slash);
}

}  // namespace appflow_lint::json_pointer
