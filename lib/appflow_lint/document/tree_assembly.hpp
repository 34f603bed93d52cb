// What both text readers (dom_reader, on_demand_reader) share: the scratch stacks a
// container's members and elements gather on, and the step that moves them into the
// tree's arena once the container is closed.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string_view>
#include <vector>

#include "appflow_lint/document/tree.hpp"

namespace appflow_lint::document {

class TreeAssembly {
 public:
  // Scratch stacks reused across containers and documents, so a document allocates
  // only in the arena.
  struct Stacks {
    std::vector<Member> members;
    std::vector<Node> elements;
    std::vector<std::string_view> keys;
  };

  TreeAssembly(Tree& tree, Stacks& stacks, std::size_t max_depth, std::size_t max_entries)
      : tree_(tree), stacks_(stacks), max_depth_(max_depth), max_entries_(max_entries) {
    stacks_.members.clear();
    stacks_.elements.clear();
  }

  bool too_deep(std::size_t depth) const { return depth >= max_depth_; }

  std::size_t open_object() const { return stacks_.members.size(); }
  std::size_t open_array() const { return stacks_.elements.size(); }

  // For a reader that fills each member where it lies (an entry written field by field
  // and then copied costs the processor a stall per entry): room for every member a
  // text with `structurals` structural characters can hold (a member takes three: key,
  // colon and value), so that the stack does not move while a member is filled.
  void reserve_members_for(std::size_t structurals) { stacks_.members.reserve(structurals / 3 + 1); }

  // A new member on top of the stack, to be filled in place; nullptr past max_entries
  // members in one container, and when the stack is full (it never moves under a member
  // being filled: the reader then fails and the text goes the exact way).
  Member* new_member(std::size_t first) {
    auto& members = stacks_.members;
    if (members.size() - first >= max_entries_ || members.size() == members.capacity()) return nullptr;
    return &members.emplace_back();
  }

  // False past max_entries members or elements in one container.
  bool add_member(std::size_t first, const Member& member) {
    stacks_.members.push_back(member);
    return stacks_.members.size() - first <= max_entries_;
  }
  bool add_element(std::size_t first, const Node& element) {
    stacks_.elements.push_back(element);
    return stacks_.elements.size() - first <= max_entries_;
  }

  // False for a repeated key: the exact path reports it.
  bool close_object(std::size_t first, std::uint32_t begin, std::uint32_t end, Node& out) {
    auto& members = stacks_.members;
    const std::size_t count = members.size() - first;
    if (has_repeated_key(first)) return false;
    auto* placed = static_cast<Member*>(tree_.arena()->allocate(sizeof(Member) * count, alignof(Member)));
    for (std::size_t i = 0; i < count; ++i) new (placed + i) Member(members[first + i]);
    members.resize(first);
    out = Node::of_object(placed, static_cast<std::uint32_t>(count));
    out.locate(begin, end);
    return true;
  }

  void close_array(std::size_t first, std::uint32_t begin, std::uint32_t end, Node& out) {
    auto& elements = stacks_.elements;
    const std::size_t count = elements.size() - first;
    auto* placed = static_cast<Node*>(tree_.arena()->allocate(sizeof(Node) * count, alignof(Node)));
    for (std::size_t i = 0; i < count; ++i) new (placed + i) Node(elements[first + i]);
    elements.resize(first);
    out = Node::of_array(placed, static_cast<std::uint32_t>(count));
    out.locate(begin, end);
  }

 private:
  bool has_repeated_key(std::size_t first) {
    const auto& members = stacks_.members;
    if (members.size() - first <= 32) {
      for (std::size_t i = first + 1; i < members.size(); ++i) {
        for (std::size_t j = first; j < i; ++j) {
          if (members[j].key == members[i].key) return true;
        }
      }
      return false;
    }
    auto& keys = stacks_.keys;
    keys.clear();
    for (std::size_t i = first; i < members.size(); ++i) keys.push_back(members[i].key);
    std::sort(keys.begin(), keys.end());
    return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
  }

  Tree& tree_;
  Stacks& stacks_;
  std::size_t max_depth_;
  std::size_t max_entries_;
};

}  // namespace appflow_lint::document
