// The documents the client has open: their text as the client last sent it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "server/position_encoding.hpp"

namespace appflow_lint::server {

struct OpenDocument {
  std::string uri;
  std::string language;  // the client's languageId
  std::int64_t version = 0;
  std::string text;
  std::uint64_t revision = 0;  // bumped by every open and change: what a cached lint is of
  bool dirty = true;           // changed since diagnostics were last published
};

class DocumentStore {
 public:
  void open(std::string uri, std::string language, std::int64_t version, std::string text);
  // Applies textDocument/didChange's contentChanges in order (ranges in `encoding`);
  // false when the document is not open or a change is malformed (then nothing changes).
  bool change(const std::string& uri, std::int64_t version, const nlohmann::json& changes, PositionEncoding encoding);
  void close(const std::string& uri);

  OpenDocument* find(const std::string& uri);
  std::map<std::string, OpenDocument>& all() noexcept { return documents_; }
  const std::map<std::string, OpenDocument>& all() const noexcept { return documents_; }

 private:
  std::map<std::string, OpenDocument> documents_;
  std::uint64_t next_revision_ = 1;
};

}  // namespace appflow_lint::server
