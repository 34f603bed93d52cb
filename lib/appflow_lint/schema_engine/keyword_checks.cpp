#include "appflow_lint/schema_engine/keyword_checks.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "appflow_lint/document/json_builder.hpp"
#include "appflow_lint/json_pointer/json_pointer.hpp"
#include "appflow_lint/rules/placeholder/placeholder_patterns.hpp"
#include "appflow_lint/schema_engine/keyword.hpp"
#include "appflow_lint/schema_engine/name_suggestions.hpp"
#include "appflow_lint/schema_engine/number_kinds.hpp"
#include "appflow_lint/schema_engine/pattern_messages.hpp"
#include "appflow_lint/source_map/line_index.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::schema_engine {
namespace {

using document::Node;
using nlohmann::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Subject {
  std::string name;
  bool key_hidden = false;  // a key on the way is secret
};

// The name people know a node by: its member name, or "name[3]" for an element.
// A member whose key is secret (an entry of credentialsMap) is "an entry of <map>".
Subject subject_of(const CheckContext& context, const std::string& pointer) {
  if (pointer.empty()) return {"the request"};
  secrets::NodeExposure exposure = context.secrets.root();
  std::string name;
  json_pointer::TokenReader tokens(pointer);
  while (const std::optional<std::string_view> token = tokens.next()) {
    const bool index = !token->empty() && std::all_of(token->begin(), token->end(), is_digit);
    const bool element = index && exposure.schema != nullptr && exposure.schema->items != nullptr;
    const secrets::NodeExposure child =
        element ? context.secrets.element(exposure) : context.secrets.member(exposure, *token);
    if (child.key_hidden) return {"an entry of " + name, true};
    name = element && !name.empty() ? fmt::format("{}[{}]", name, *token) : std::string(*token);
    exposure = child;
  }
  return {name};
}

std::string subject(const CheckContext& context, const std::string& pointer) {
  return subject_of(context, pointer).name;
}

std::string characters(std::size_t count) { return fmt::format("{} character{}", count, count == 1 ? "" : "s"); }

bool is_integral_float(const Node& value) { return value.is_number_float() && is_integral(value.number()); }

bool beyond_64_bits(const Node& value) {
  return value.is_number_float() && schema_engine::beyond_64_bits(value.number());
}

// The integer a float with an integral value stands for, written as one.
std::string integer_text(const Node& value) {
  const double number = value.number();
  return number == 0 ? std::string("0") : fmt::format("{:.0f}", number);
}

// The value as JSON text, as a message quotes it (a container with its members' values
// left out: only scalars are quoted whole).
std::string dump(const Node& value) { return document::to_json(value, document::Depth::MembersOnly).dump(); }

std::string_view json_type_name(const Node& value) {
  switch (value.kind()) {
    case document::Kind::Null:
      return "null";
    case document::Kind::Boolean:
      return "a boolean";
    case document::Kind::Integer:
    case document::Kind::Unsigned:
      return "an integer";
    case document::Kind::Float:
      return is_integral_float(value) ? "a number written with a decimal point or an exponent"
                                      : "a number with a fraction";
    case document::Kind::String:
      return "a string";
    case document::Kind::Array:
      return "an array";
    case document::Kind::Object:
      return "an object";
  }
  return "an unsupported value";
}

std::string_view article_type(std::string_view type) {
  if (type == "string") return "a string";
  if (type == "object") return "an object";
  if (type == "array") return "an array";
  if (type == "boolean") return "a boolean";
  if (type == "integer") return "an integer";
  if (type == "number") return "a number";
  return type;
}

// Returns false when the type is wrong: the other keywords do not apply then.
bool check_type(const CheckContext& context, const Node& node, const json& schema, bool may_quote,
                const std::string& pointer, Reporter& out) {
  auto type = schema.find("type");
  if (type == schema.end() || !type->is_string()) return true;
  const auto& expected = type->get_ref<const std::string&>();
  const std::optional<JsonType> expected_type = type_named(expected);
  if (expected_type && has_type(node, *expected_type)) return true;

  const bool float_for_integer = expected == "integer" && is_integral_float(node);
  auto& reported =
      out.report(rule_for(Keyword::Type), pointer, Anchor::Value, "{} must be {}, not {}{}", subject(context, pointer),
                 article_type(expected), json_type_name(node),
                 node.is_null()      ? " (AWS SDKs reject null: leave the member out)"
                 : float_for_integer ? " (the AWS CLI and boto3 read it as a float and reject it for an integer "
                                       "parameter before sending)"
                                     : "");
  if (float_for_integer) {
    reported.suggest("write it as an integer", integer_text(node), Applicability::Safe);
  } else if (node.is_null()) {
    reported.suggest("remove the member");
  } else if (expected == "boolean" && node.is_string() && (node.string() == "true" || node.string() == "false")) {
    reported.suggest("drop the quotes", std::string(node.string()), Applicability::Safe);
  } else if (expected == "integer" && node.is_string() && may_quote) {
    const std::string_view text = node.string();
    if (!text.empty() && text.size() < 10 && std::all_of(text.begin(), text.end(), is_digit)) {
      reported.suggest("drop the quotes", std::string(text), Applicability::Safe);
    }
  }
  return false;
}

void check_string(const Node& node, const json& schema, bool may_quote, const std::string& pointer,
                  const CheckContext& context, Reporter& out) {
  const std::string_view text = node.string();
  const bool sensitive = !may_quote;
  const std::size_t length = source_map::code_point_count(text);
  if (auto min = schema.find("minLength"); min != schema.end() && length < min->get<std::size_t>()) {
    out.report(rule_for(Keyword::MinLength), pointer, Anchor::Value, "{} must be at least {} long; it has {}",
               subject(context, pointer), characters(min->get<std::size_t>()), length);
  }
  if (auto max = schema.find("maxLength"); max != schema.end() && length > max->get<std::size_t>()) {
    out.report(rule_for(Keyword::MaxLength), pointer, Anchor::Value, "{} must be at most {} long; it has {}",
               subject(context, pointer), characters(max->get<std::size_t>()), length);
  }
  if (auto pattern = schema.find("pattern"); pattern != schema.end()) {
    const StringMatcher& matcher = context.schema.matcher(pattern->get_ref<const std::string&>());
    if (!matcher.matches(text)) {
      const std::string aws_pattern = schema.value("x-aws-pattern", pattern->get<std::string>());
      const PatternFault fault = explain_pattern_fault(aws_pattern, matcher, text, sensitive);
      auto& reported =
          out.report(rule_for(Keyword::Pattern), pointer, Anchor::Value, "{} must match {}{}{}",
                     subject(context, pointer), aws_pattern, fault.explanation.empty() ? "" : " ", fault.explanation);
      // A placeholder made valid by '_' (<connection_name> -> _connection_name_) is still
      // no real value: the advice is to replace it, value.placeholder says why.
      if (rules::placeholder::find_placeholder(text, sensitive)) {
        reported.suggest("replace the placeholder with the real value");
      } else if (fault.fixed_value) {
        reported.suggest("replace the disallowed characters with '_'", json(*fault.fixed_value).dump());
      }
    }
  }
}

// A suggestion that only changes letter case (the model's spelling of the same name)
// cannot change what the request means; any other nearest name might.
Applicability case_only(std::string_view written, std::string_view suggested) {
  return ascii::equal_ignoring_case(written, suggested) ? Applicability::Safe : Applicability::Unsafe;
}

void check_enum(const CheckContext& context, const Node& node, const json& schema, const std::string& pointer,
                Reporter& out) {
  auto allowed = schema.find("enum");
  if (allowed == schema.end() || std::any_of(allowed->begin(), allowed->end(), [&](const json& value) {
        return document::same_json_value(node, value);
      })) {
    return;
  }
  std::vector<std::string_view> names;
  for (const auto& value : *allowed) {
    if (value.is_string()) names.push_back(value.get_ref<const std::string&>());
  }
  auto& reported = out.report(rule_for(Keyword::Enum), pointer, Anchor::Value, "{} must be one of {}; found {}",
                              subject(context, pointer), fmt::join(names, ", "), dump(node));
  if (node.is_string()) {
    if (auto closest = closest_name(node.string(), names)) {
      reported.suggest(fmt::format("did you mean '{}'?", *closest), json(*closest).dump(),
                       case_only(node.string(), *closest));
    }
  }
}

void check_number(const CheckContext& context, const Node& node, const json& schema, const std::string& pointer,
                  Reporter& out) {
  const double value = node.number();
  // Past 64 bits the parsed value is a float's approximation: say what it is, not a rounding of it.
  const std::string found = beyond_64_bits(node) ? std::string("a number beyond the 64-bit integer range") : dump(node);
  if (auto min = schema.find("minimum"); min != schema.end() && value < min->get<double>()) {
    out.report(rule_for(Keyword::Minimum), pointer, Anchor::Value, "{} must be at least {}; found {}",
               subject(context, pointer), min->dump(), found);
  }
  if (auto max = schema.find("maximum"); max != schema.end() && value > max->get<double>()) {
    out.report(rule_for(Keyword::Maximum), pointer, Anchor::Value, "{} must be at most {}; found {}",
               subject(context, pointer), max->dump(), found);
  }
}

std::vector<std::string_view> property_names(const json& schema) {
  std::vector<std::string_view> names;
  if (auto properties = schema.find("properties"); properties != schema.end()) {
    for (const auto& [name, unused] : properties->items()) names.push_back(name);
  }
  return names;
}

void report_unknown_member(const Node& node, const json& schema, const std::string& pointer, std::string_view name,
                           const CheckContext& context, Reporter& out) {
  const std::string member_pointer = json_pointer::child(pointer, name);
  const auto& other = context.other_root_members;
  if (pointer.empty() && std::binary_search(other.begin(), other.end(), name)) {
    out.report(rule_for(Keyword::UnknownProperty), member_pointer, Anchor::Key, "{} is a member of {}, not of {}", name,
               context.other_operation_name, context.operation_name)
        .suggest_removal(fmt::format("remove {} from the {} request", name, context.operation_name),
                         Applicability::Safe);
    return;
  }
  const std::string where = pointer.empty() ? "the request" : subject(context, pointer);
  if (subject_of(context, member_pointer).key_hidden) {
    out.report(rule_for(Keyword::UnknownProperty), member_pointer, Anchor::Key,
               "{} has a member that is no name of the model; its name is not shown, as a key among credentials may "
               "be a secret",
               where);
    return;
  }
  const auto names = property_names(schema);
  const auto closest = closest_name(name, names);
  if (!closest) {
    out.report(rule_for(Keyword::UnknownProperty), member_pointer, Anchor::Key, "{} has no member '{}'", where, name);
  } else if (node.find(*closest) != nullptr) {
    // Renaming would repeat a member the object has; the range is the key, so a
    // removal of the whole member is advice, not an edit.
    out.report(rule_for(Keyword::UnknownProperty), member_pointer, Anchor::Key,
               "{} has no member '{}'; '{}' is already there, so this one is a stray", where, name, *closest)
        .suggest(fmt::format("remove '{}' and keep '{}'", name, *closest));
  } else {
    out.report(rule_for(Keyword::UnknownProperty), member_pointer, Anchor::Key,
               "{} has no member '{}'; did you mean '{}'?{}", where, name, *closest,
               ascii::equal_ignoring_case(name, *closest) ? " (names are case-sensitive)" : "")
        .suggest(fmt::format("rename to '{}'", *closest), json(*closest).dump(), case_only(name, *closest));
  }
}

void check_map_key(std::string_view key, const json& key_schema, const std::string& pointer,
                   const CheckContext& context, Reporter& out) {
  const bool sensitive = is_sensitive(key_schema);
  const std::string shown = sensitive ? "a key" : fmt::format("key '{}'", key);
  const std::size_t length = source_map::code_point_count(key);
  std::vector<std::string> faults;
  if (auto min = key_schema.find("minLength"); min != key_schema.end() && length < min->get<std::size_t>()) {
    faults.push_back(fmt::format("be at least {} long", characters(min->get<std::size_t>())));
  }
  if (auto max = key_schema.find("maxLength"); max != key_schema.end() && length > max->get<std::size_t>()) {
    faults.push_back(fmt::format("be at most {} long (it has {})", characters(max->get<std::size_t>()), length));
  }
  if (auto pattern = key_schema.find("pattern"); pattern != key_schema.end()) {
    const StringMatcher& matcher = context.schema.matcher(pattern->get_ref<const std::string&>());
    if (!matcher.matches(key)) {
      const std::string aws_pattern = key_schema.value("x-aws-pattern", pattern->get<std::string>());
      const PatternFault fault = explain_pattern_fault(aws_pattern, matcher, key, sensitive);
      faults.push_back(
          fmt::format("match {}{}{}", aws_pattern, fault.explanation.empty() ? "" : " ", fault.explanation));
    }
  }
  if (faults.empty()) return;
  out.report(rule_for(Keyword::PropertyName), json_pointer::child(pointer, key), Anchor::Key, "{} of {} must {}", shown,
             subject(context, pointer), fmt::join(faults, " and "));
}

void check_object(const Node& node, const json& schema, const std::string& pointer, const CheckContext& context,
                  Reporter& out) {
  if (auto required = schema.find("required"); required != schema.end()) {
    for (const auto& name : *required) {
      const auto& member = name.get_ref<const std::string&>();
      if (node.find(member) == nullptr) {
        out.report(rule_for(Keyword::Required), pointer, Anchor::Value, "{} is missing the required member '{}'",
                   pointer.empty() ? "the request" : subject(context, pointer), member);
      }
    }
  }
  auto additional = schema.find("additionalProperties");
  const bool closed = additional != schema.end() && additional->is_boolean() && !additional->get<bool>();
  auto properties = schema.find("properties");
  auto key_schema = schema.find("propertyNames");
  for (const document::Member& member : node.members()) {
    const std::string_view name = member.key;
    const bool declared = properties != schema.end() && properties->contains(name);
    if (closed && !declared) report_unknown_member(node, schema, pointer, name, context, out);
    if (key_schema != schema.end() && !declared) check_map_key(name, *key_schema, pointer, context, out);
  }
  const std::size_t size = node.size();
  if (auto min = schema.find("minProperties"); min != schema.end() && size < min->get<std::size_t>()) {
    out.report(rule_for(Keyword::MinProperties), pointer, Anchor::Value, "{} must have at least {} entries; it has {}",
               subject(context, pointer), min->get<std::size_t>(), size);
  }
  if (auto max = schema.find("maxProperties"); max != schema.end() && size > max->get<std::size_t>()) {
    out.report(rule_for(Keyword::MaxProperties), pointer, Anchor::Value, "{} must have at most {} entries; it has {}",
               subject(context, pointer), max->get<std::size_t>(), size);
  }
}

}  // namespace

bool is_sensitive(const nlohmann::json& subschema) {
  auto flag = subschema.find("x-appflow-sensitive");
  return flag != subschema.end() && flag->is_boolean() && flag->get<bool>();
}

bool check_node(const CheckContext& context, const document::Node& node, const nlohmann::json& subschema,
                bool may_quote, const std::string& pointer, Reporter& out) {
  if (!check_type(context, node, subschema, may_quote, pointer, out)) return false;
  check_enum(context, node, subschema, pointer, out);
  if (node.is_string()) {
    check_string(node, subschema, may_quote, pointer, context, out);
  } else if (node.is_number()) {
    check_number(context, node, subschema, pointer, out);
  } else if (node.is_object()) {
    check_object(node, subschema, pointer, context, out);
  }
  return true;
}

}  // namespace appflow_lint::schema_engine
