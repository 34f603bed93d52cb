// Hover text and completion items from a request schema: what the member at the cursor
// is, and which members or values may go there. Positions are byte offsets; the server
// converts them to the client's position encoding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "appflow_lint/lint_types.hpp"
#include "server/cursor_context.hpp"

namespace appflow_lint::server {

struct HoverHelp {
  std::string markdown;
  ByteRange range;  // the key or value hovered
};

// LSP CompletionItemKind numbers.
enum class CompletionKind : int { Property = 10, Value = 12, EnumMember = 20 };

struct CompletionHelp {
  std::string label;
  CompletionKind kind = CompletionKind::Property;
  std::string detail;         // the type in words
  std::string documentation;  // markdown
  std::string insert_text;
  // What clients match against the typed text in `replace`: the insert text without
  // what follows the name (`"accessToken"` when a quote was typed, else the label).
  std::string filter_text;
  ByteRange replace;  // the token being typed (empty: insert at the cursor)
};

// Built once per operation from its schema with descriptions; immutable, so one
// instance may serve every thread. Nothing it returns holds text of the document's
// values (or of keys of a map, which may be secret): only the schema's own words.
class SchemaHelp {
 public:
  explicit SchemaHelp(nlohmann::json schema);

  // The request schema embedded for the server (editor_schema_bundle.hpp), parsed on
  // first use.
  static const SchemaHelp& for_operation(Operation operation);

  // The member whose name or value is at `offset`; nullopt outside any known member or
  // where nothing is typed.
  std::optional<HoverHelp> hover(std::string_view text, std::size_t offset) const;

  // At a member name: the object's members not present yet. At a value: the member's
  // enum values, or true and false. Empty elsewhere.
  std::vector<CompletionHelp> complete(std::string_view text, std::size_t offset) const;

 private:
  nlohmann::json schema_;
};

}  // namespace appflow_lint::server
