#include "appflow_lint/document/json_builder.hpp"

#include <string>
#include <vector>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::document {
namespace {

Node scalar(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::boolean:
      return Node::of_bool(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Node::of_integer(value.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return Node::of_unsigned(value.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float:
      return Node::of_float(value.get<double>());
    case nlohmann::json::value_t::string:
      return Node::of_string(value.get_ref<const std::string&>());
    default:
      return Node::null();
  }
}

}  // namespace

void build_from_json(const nlohmann::json& value, Tree& tree, const source_map::StructureIndex* spans) {
  // Containers are filled after their slot exists: each pending step names a value and
  // the node to fill (and, with spans, the value's pointer).
  struct Step {
    const nlohmann::json* from;
    Node* to;
    std::string pointer;
  };
  const auto span_of = [&](const std::string& pointer) -> const source_map::NodeSpan* {
    return spans == nullptr ? nullptr : spans->find(pointer);
  };
  const auto set_offsets = [](Node& node, const source_map::NodeSpan* span) {
    if (span != nullptr)
      node.locate(static_cast<std::uint32_t>(span->value_begin), static_cast<std::uint32_t>(span->value_end));
  };
  Node root = Node::null();
  std::vector<Step> pending;
  pending.push_back({&value, &root, ""});
  std::pmr::memory_resource* arena = tree.arena();
  // The root lives on this frame until the end: its children are in the arena.
  while (!pending.empty()) {
    Step step = std::move(pending.back());
    pending.pop_back();
    const nlohmann::json& from = *step.from;
    if (from.is_object()) {
      const auto count = static_cast<std::uint32_t>(from.size());
      auto* members = static_cast<Member*>(arena->allocate(sizeof(Member) * count, alignof(Member)));
      std::uint32_t i = 0;
      for (const auto& [key, child] : from.items()) {
        new (members + i) Member{};
        members[i].key = key;
        members[i].value = scalar(child);
        std::string pointer = spans == nullptr ? std::string() : json_pointer::child(step.pointer, key);
        if (const source_map::NodeSpan* span = span_of(pointer); span != nullptr && span->has_key()) {
          members[i].key_begin = static_cast<std::uint32_t>(span->key_begin);
          members[i].key_end = static_cast<std::uint32_t>(span->key_end);
        }
        if (child.is_structured()) {
          pending.push_back({&child, &members[i].value, std::move(pointer)});
        } else {
          set_offsets(members[i].value, span_of(pointer));
        }
        ++i;
      }
      *step.to = Node::of_object(members, count);
    } else if (from.is_array()) {
      const auto count = static_cast<std::uint32_t>(from.size());
      auto* elements = static_cast<Node*>(arena->allocate(sizeof(Node) * count, alignof(Node)));
      for (std::uint32_t i = 0; i < count; ++i) {
        new (elements + i) Node(scalar(from[i]));
        std::string pointer = spans == nullptr ? std::string() : json_pointer::child(step.pointer, i);
        if (from[i].is_structured()) {
          pending.push_back({&from[i], elements + i, std::move(pointer)});
        } else {
          set_offsets(elements[i], span_of(pointer));
        }
      }
      *step.to = Node::of_array(elements, count);
    } else {
      *step.to = scalar(from);
    }
    set_offsets(*step.to, span_of(step.pointer));
  }
  tree.set_root(root);
}

nlohmann::json to_json(const Node& node, Depth depth) {
  switch (node.kind()) {
    case Kind::Null:
      return nullptr;
    case Kind::Boolean:
      return node.boolean();
    case Kind::Integer:
      return node.integer();
    case Kind::Unsigned:
      return node.unsigned_integer();
    case Kind::Float:
      return node.number();
    case Kind::String:
      return std::string(node.string());
    case Kind::Array: {
      nlohmann::json out = nlohmann::json::array();
      for (const Node& element : node.elements()) {
        out.push_back(depth == Depth::Whole ? to_json(element) : nlohmann::json());
      }
      return out;
    }
    case Kind::Object: {
      nlohmann::json out = nlohmann::json::object();
      for (const Member& member : node.members()) {
        out[std::string(member.key)] = depth == Depth::Whole ? to_json(member.value) : nlohmann::json();
      }
      return out;
    }
  }
  return nullptr;
}

bool same_json_value(const Node& node, const nlohmann::json& value) {
  if (node.is_string() || value.is_string()) {
    return node.is_string() && value.is_string() && value.get_ref<const std::string&>() == node.string();
  }
  return to_json(node) == value;
}

}  // namespace appflow_lint::document
