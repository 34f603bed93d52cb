#include "server/schema_help.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "server/editor_schema_bundle.hpp"

namespace appflow_lint::server {

namespace {

using Json = nlohmann::json;

// Schema nodes are objects; anything else (a `false` subschema, a missing keyword) is no
// node. Every keyword below is read through these, so an odd schema gives less help, not
// an exception.
const Json* keyword(const Json* schema, std::string_view name) {
  if (schema == nullptr || !schema->is_object()) return nullptr;
  const auto found = schema->find(name);
  return found == schema->end() ? nullptr : &*found;
}

const Json* subschema(const Json* schema, std::string_view name) {
  const Json* sub = keyword(schema, name);
  return sub != nullptr && sub->is_object() ? sub : nullptr;
}

std::string_view string_keyword(const Json* schema, std::string_view name) {
  const Json* value = keyword(schema, name);
  return value != nullptr && value->is_string() ? std::string_view(value->get_ref<const std::string&>())
                                                : std::string_view();
}

std::optional<long long> number_keyword(const Json* schema, std::string_view name) {
  const Json* value = keyword(schema, name);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<long long>();
}

bool flag_keyword(const Json* schema, std::string_view name) {
  const Json* value = keyword(schema, name);
  return value != nullptr && value->is_boolean() && value->get<bool>();
}

// A schema node and how it was reached: `name` is set when a schema member (not a map
// key or an array index, which are the document's own text) leads to it.
struct Node {
  const Json* schema = nullptr;
  std::optional<std::string> name;
  bool is_root = false;
};

// The member `name` of an object node, when the schema declares it.
std::optional<std::pair<std::string, const Json*>> declared_member(const Json* object, std::string_view name) {
  const Json* properties = subschema(object, "properties");
  if (properties == nullptr) return std::nullopt;
  const auto found = properties->find(name);
  if (found == properties->end() || !found->is_object()) return std::nullopt;
  return std::make_pair(found.key(), &*found);
}

Node child(const Node& parent, const PathStep& step) {
  if (const std::string* name = std::get_if<std::string>(&step)) {
    if (auto member = declared_member(parent.schema, *name)) return {member->second, std::move(member->first)};
    return {subschema(parent.schema, "additionalProperties"), std::nullopt};  // an entry of a map
  }
  return {subschema(parent.schema, "items"), std::nullopt};
}

std::string code_span(std::string_view text) {
  std::size_t longest_run = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest_run = std::max(longest_run, run);
  }
  const std::string fence(longest_run + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fmt::format("{0}{1}{2}{1}{0}", fence, pad ? " " : "", text);
}

std::string type_words(const Json* schema) {
  const std::string_view type = string_keyword(schema, "type");
  if (type == "array") {
    const Json* items = subschema(schema, "items");
    return items != nullptr ? "list of " + type_words(items) : "list";
  }
  const Json* values = subschema(schema, "additionalProperties");
  if (type == "object" && values != nullptr && keyword(schema, "properties") == nullptr) {
    const Json* keys = subschema(schema, "propertyNames");
    return fmt::format("map of {} to {}", keys != nullptr ? type_words(keys) : "string", type_words(values));
  }
  return type.empty() ? "value" : std::string(type);
}

// "3 to 8 characters", "at most 8 items", "from 1 to 65535" (no unit: a number's bounds).
std::string range_words(std::optional<long long> low, std::optional<long long> high, std::string_view unit) {
  std::string range;
  if (low && high) {
    range = fmt::format("{}{} to {}", unit.empty() ? "from " : "", *low, *high);
  } else if (high) {
    range = fmt::format("at most {}", *high);
  } else if (low) {
    range = fmt::format("at least {}", *low);
  } else {
    return {};
  }
  return unit.empty() ? range : fmt::format("{} {}", range, unit);
}

std::string upper_first(std::string text) {
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z') text.front() = static_cast<char>(text.front() - 32);
  return text;
}

// Length, pattern, enum and bounds, each in words (lower case; the caller frames them).
std::vector<std::string> constraint_words(const Json* schema) {
  std::vector<std::string> words;
  const auto add_range = [&](std::string_view low, std::string_view high, std::string_view unit) {
    std::string text = range_words(number_keyword(schema, low), number_keyword(schema, high), unit);
    if (!text.empty()) words.push_back(std::move(text));
  };
  add_range("minLength", "maxLength", "characters");
  add_range("minimum", "maximum", "");
  add_range("minItems", "maxItems", "items");
  add_range("minProperties", "maxProperties", "entries");
  std::string_view pattern = string_keyword(schema, "x-aws-pattern");
  if (pattern.empty()) pattern = string_keyword(schema, "pattern");
  if (!pattern.empty()) words.push_back("pattern " + code_span(pattern));
  if (const Json* values = keyword(schema, "enum"); values != nullptr && values->is_array()) {
    std::string listed;
    for (const Json& value : *values) {
      if (!listed.empty()) listed += ", ";
      listed += code_span(value.is_string() ? value.get_ref<const std::string&>() : value.dump());
    }
    words.push_back("one of " + listed);
  }
  return words;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

bool is_required(const Json* object, std::string_view name) {
  const Json* required = keyword(object, "required");
  if (required == nullptr || !required->is_array()) return false;
  return std::any_of(required->begin(), required->end(), [name](const Json& entry) {
    return entry.is_string() && entry.get_ref<const std::string&>() == name;
  });
}

// What a hover or a completion item describes.
struct Subject {
  const Json* schema = nullptr;
  std::string heading;           // markdown: the member's name, or which map it is an entry of
  std::optional<bool> required;  // in its object; unset for map entries and array items
  std::string container;         // markdown: the object it is a member of
  bool is_map_key = false;       // the subject is the key of a map entry, not a value
};

std::string container_words(const Node& container) {
  if (container.is_root) return "the request";
  return container.name ? code_span(*container.name) : std::string("its object");
}

std::optional<Subject> member_subject(const Node& container, std::string_view member, bool on_name) {
  if (auto declared = declared_member(container.schema, member)) {
    const bool required = is_required(container.schema, declared->first);
    return Subject{declared->second, "**" + declared->first + "**", required, container_words(container)};
  }
  const Json* values = subschema(container.schema, "additionalProperties");
  if (values == nullptr) return std::nullopt;
  // The key itself is the document's text (and may be secret): name only the map.
  const std::string map = container.name ? "**" + *container.name + "**" : std::string("a map");
  if (on_name) {
    static const Json any_key = Json::object({{"type", "string"}});
    const Json* keys = subschema(container.schema, "propertyNames");
    return Subject{keys != nullptr ? keys : &any_key, "A key of " + map, std::nullopt, {}, true};
  }
  return Subject{values, "A value of " + map, std::nullopt, {}};
}

std::string markdown(const Subject& subject) {
  std::string out = fmt::format("{} ({})", subject.heading, type_words(subject.schema));
  if (const std::string_view description = string_keyword(subject.schema, "description"); !description.empty()) {
    out += fmt::format("\n\n{}", description);
  }
  std::vector<std::string> facts;
  for (std::string& words : constraint_words(subject.schema)) facts.push_back(upper_first(std::move(words)));
  const Json* keys = subschema(subject.schema, "propertyNames");
  const Json* values = subschema(subject.schema, "additionalProperties");
  if (const std::vector<std::string> words = constraint_words(keys); !words.empty()) {
    facts.push_back("Keys: " + joined(words, "; "));
  }
  if (const std::vector<std::string> words = constraint_words(values); !words.empty()) {
    facts.push_back("Values: " + joined(words, "; "));
  }
  if (subject.required) {
    facts.push_back(*subject.required ? "Required in " + subject.container : "Optional in " + subject.container);
  }
  if (flag_keyword(subject.schema, "x-appflow-sensitive")) {
    facts.emplace_back(subject.is_map_key ? "Sensitive: the key is never shown"
                                          : "Sensitive: its value is never shown");
  }
  if (flag_keyword(keys, "x-appflow-sensitive")) facts.emplace_back("Sensitive keys: they are never shown");
  if (flag_keyword(values, "x-appflow-sensitive")) facts.emplace_back("Sensitive values: they are never shown");
  if (!facts.empty()) out += "\n\n- " + joined(facts, "\n- ");
  return out;
}

std::string detail(const Subject& subject) {
  const std::string type = type_words(subject.schema);
  return subject.required.value_or(false) ? type + ", required" : type;
}

// Where the path no longer fits the schema, there is nothing to say.
std::optional<Node> resolve(const Json& root, const std::vector<PathStep>& path) {
  Node node{&root, std::nullopt, true};
  for (const PathStep& step : path) {
    node = child(node, step);
    if (node.schema == nullptr) return std::nullopt;
  }
  return node;
}

std::optional<Subject> subject_at(const Json& root, const CursorContext& context) {
  switch (context.role) {
    case CursorRole::MemberName:
    case CursorRole::MemberValue: {
      const std::optional<Node> container = resolve(root, context.container_path);
      if (!container) return std::nullopt;
      return member_subject(*container, context.member, context.role == CursorRole::MemberName);
    }
    case CursorRole::ArrayElement: {
      // An element is described by its list's member.
      if (context.container_path.empty()) return std::nullopt;
      const std::string* list = std::get_if<std::string>(&context.container_path.back());
      const std::vector<PathStep> parent_path(context.container_path.begin(), context.container_path.end() - 1);
      const std::optional<Node> parent = resolve(root, parent_path);
      if (list == nullptr || !parent) return std::nullopt;
      return member_subject(*parent, *list, false);
    }
    case CursorRole::Other:
      break;
  }
  return std::nullopt;
}

std::string json_string(std::string_view text) { return Json(std::string(text)).dump(); }

std::vector<CompletionHelp> member_items(const Node& container, const CursorContext& context) {
  std::vector<CompletionHelp> items;
  const Json* properties = subschema(container.schema, "properties");
  if (properties == nullptr) return items;
  for (const auto& [name, schema] : properties->items()) {
    const auto& present = context.present_members;
    if (!schema.is_object() || std::find(present.begin(), present.end(), name) != present.end()) continue;
    const std::optional<Subject> subject = member_subject(container, name, true);
    if (!subject) continue;
    CompletionHelp item;
    item.label = name;
    item.kind = CompletionKind::Property;
    item.detail = detail(*subject);
    item.documentation = markdown(*subject);
    item.insert_text = context.colon_follows ? json_string(name) : json_string(name) + ": ";
    item.filter_text = context.token_is_string ? json_string(name) : name;
    item.replace = context.token;
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<CompletionHelp> value_items(const Subject& subject, const CursorContext& context) {
  std::vector<CompletionHelp> items;
  const auto add = [&](std::string label, CompletionKind kind, std::string insert_text) {
    CompletionHelp item;
    item.label = std::move(label);
    item.kind = kind;
    item.detail = type_words(subject.schema);
    item.documentation = markdown(subject);
    item.filter_text = context.token_is_string ? json_string(item.label) : item.label;
    item.insert_text = std::move(insert_text);
    item.replace = context.token;
    items.push_back(std::move(item));
  };
  if (const Json* values = keyword(subject.schema, "enum"); values != nullptr && values->is_array()) {
    for (const Json& value : *values) {
      const std::string label = value.is_string() ? value.get_ref<const std::string&>() : value.dump();
      add(label, CompletionKind::EnumMember, value.dump());
    }
  } else if (string_keyword(subject.schema, "type") == "boolean") {
    add("true", CompletionKind::Value, "true");
    add("false", CompletionKind::Value, "false");
  }
  return items;
}

}  // namespace

SchemaHelp::SchemaHelp(nlohmann::json schema) : schema_(std::move(schema)) {}

const SchemaHelp& SchemaHelp::for_operation(Operation operation) {
  if (operation == Operation::CreateConnectorProfile) {
    static const SchemaHelp create(Json::parse(editor_schema_bundle::kCreateConnectorProfileRequest));
    return create;
  }
  static const SchemaHelp update(Json::parse(editor_schema_bundle::kUpdateConnectorProfileRequest));
  return update;
}

std::optional<HoverHelp> SchemaHelp::hover(std::string_view text, std::size_t offset) const {
  const CursorContext context = locate_cursor(text, offset);
  if (context.token.empty()) return std::nullopt;
  const std::optional<Subject> subject = subject_at(schema_, context);
  if (!subject) return std::nullopt;
  return HoverHelp{markdown(*subject), context.token};
}

std::vector<CompletionHelp> SchemaHelp::complete(std::string_view text, std::size_t offset) const {
  const CursorContext context = locate_cursor(text, offset);
  if (context.role == CursorRole::MemberName) {
    const std::optional<Node> container = resolve(schema_, context.container_path);
    return container ? member_items(*container, context) : std::vector<CompletionHelp>{};
  }
  const std::optional<Subject> subject = subject_at(schema_, context);
  if (!subject) return {};
  if (context.role == CursorRole::ArrayElement) {
    // The elements' own values: the list's `items`.
    const Subject element{subschema(subject->schema, "items"), subject->heading, std::nullopt, {}};
    return element.schema != nullptr ? value_items(element, context) : std::vector<CompletionHelp>{};
  }
  return value_items(*subject, context);
}

}  // namespace appflow_lint::server
