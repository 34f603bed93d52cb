#include "server/document_store.hpp"

#include <algorithm>

#include "server/json_members.hpp"

namespace appflow_lint::server {

void DocumentStore::open(std::string uri, std::string language, std::int64_t version, std::string text) {
  OpenDocument document{uri, std::move(language), version, std::move(text), next_revision_++, true};
  documents_.insert_or_assign(std::move(uri), std::move(document));
}

bool DocumentStore::change(const std::string& uri, std::int64_t version, const nlohmann::json& changes,
                           PositionEncoding encoding) {
  OpenDocument* document = find(uri);
  if (document == nullptr || !changes.is_array()) return false;
  std::string text = document->text;
  for (const auto& change : changes) {
    const auto& new_text = member(change, "text");
    if (!new_text.is_string()) return false;
    const auto& replacement = new_text.get_ref<const std::string&>();
    if (!change.contains("range")) {
      text = replacement;  // the whole document
      continue;
    }
    const auto& range = member(change, "range");
    const auto start = PositionMap::parse(member(range, "start"));
    const auto end = PositionMap::parse(member(range, "end"));
    if (!start || !end) return false;
    const PositionMap map(text, encoding);
    const std::size_t begin = map.to_offset(*start);
    const std::size_t finish = std::max(begin, map.to_offset(*end));
    text.replace(begin, finish - begin, replacement);
  }
  document->text = std::move(text);
  document->version = version;
  document->revision = next_revision_++;
  document->dirty = true;
  return true;
}

void DocumentStore::close(const std::string& uri) { documents_.erase(uri); }

OpenDocument* DocumentStore::find(const std::string& uri) {
  const auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

}  // namespace appflow_lint::server
