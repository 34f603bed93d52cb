#include "server/text_edits.hpp"

#include <dtl/dtl.hpp>

#include "appflow_lint/source_map/line_index.hpp"

namespace appflow_lint::server {
namespace {

// The text cut into characters: code points as the library counts them, "\r\n" one.
std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t next = source_map::code_point_end(text, at);
    if (text[at] == '\r' && next < text.size() && text[next] == '\n') ++next;
    out.push_back(text.substr(at, next - at));
    at = next;
  }
  return out;
}

}  // namespace

std::optional<std::vector<ByteEdit>> minimal_edits(std::string_view before, std::string_view after) {
  std::vector<ByteEdit> edits;
  if (before == after) return edits;
  const std::vector<std::string_view> old_chars = characters(before);
  const std::vector<std::string_view> new_chars = characters(after);
  // The common ends cost nothing to skip and keep the diff small.
  std::size_t head = 0;
  while (head < old_chars.size() && head < new_chars.size() && old_chars[head] == new_chars[head]) ++head;
  std::size_t tail = 0;
  while (tail < old_chars.size() - head && tail < new_chars.size() - head &&
         old_chars[old_chars.size() - 1 - tail] == new_chars[new_chars.size() - 1 - tail])
    ++tail;
  const std::vector<std::string_view> old_middle(old_chars.begin() + static_cast<std::ptrdiff_t>(head),
                                                 old_chars.end() - static_cast<std::ptrdiff_t>(tail));
  const std::vector<std::string_view> new_middle(new_chars.begin() + static_cast<std::ptrdiff_t>(head),
                                                 new_chars.end() - static_cast<std::ptrdiff_t>(tail));
  std::size_t offset = 0;  // byte offset of the old character at `head`
  for (std::size_t i = 0; i < head; ++i) offset += old_chars[i].size();
  std::size_t old_bytes = 0;
  for (const auto c : old_middle) old_bytes += c.size();
  std::size_t new_bytes = 0;
  for (const auto c : new_middle) new_bytes += c.size();
  if (old_bytes > kMaxDiffBytes || new_bytes > kMaxDiffBytes) return std::nullopt;

  dtl::Diff<std::string_view> diff(old_middle, new_middle);
  diff.compose();
  std::optional<ByteEdit> pending;
  const auto flush = [&] {
    if (pending) edits.push_back(std::move(*pending));
    pending.reset();
  };
  for (const auto& [character, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      flush();
      offset += character.size();
      continue;
    }
    if (!pending) pending = ByteEdit{offset, offset, {}};
    if (info.type == dtl::SES_DELETE) {
      offset += character.size();
      pending->end = offset;
    } else {
      pending->text.append(character);
    }
  }
  flush();
  return edits;
}

}  // namespace appflow_lint::server
