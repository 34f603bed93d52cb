// Where the walk is: the member names and indexes from the root to the current node.
// The JSON Pointer is written only when something reports.
#pragma once

#include <cstddef>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

#include "appflow_lint/json_pointer/json_pointer.hpp"

namespace appflow_lint::engine {

class Path {
 public:
  struct Step {
    std::string_view name;  // a member's key; empty for an element
    std::size_t index = 0;  // an element's index
    bool element = false;
  };

  // Requests are rarely more than a few levels deep: the first steps live in the Path
  // itself, so a walk allocates nothing unless it goes deeper.
  Path() { steps_.reserve(kInlineSteps); }
  Path(const Path&) = delete;
  Path& operator=(const Path&) = delete;

  void push_member(std::string_view name) { steps_.push_back({name, 0, false}); }
  void push_element(std::size_t index) { steps_.push_back({{}, index, true}); }
  void pop() { steps_.pop_back(); }
  std::size_t depth() const noexcept { return steps_.size(); }
  const Step& step(std::size_t i) const noexcept { return steps_[i]; }

  std::string pointer() const {
    std::string out;
    for (const Step& step : steps_) {
      if (step.element) {
        json_pointer::append_index(out, step.index);
      } else {
        json_pointer::append_token(out, step.name);
      }
    }
    return out;
  }

 private:
  static constexpr std::size_t kInlineSteps = 16;
  alignas(Step) std::byte inline_steps_[kInlineSteps * sizeof(Step)];
  std::pmr::monotonic_buffer_resource arena_{inline_steps_, sizeof(inline_steps_)};
  std::pmr::vector<Step> steps_{&arena_};
};

}  // namespace appflow_lint::engine
