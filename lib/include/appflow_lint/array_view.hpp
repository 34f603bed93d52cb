// ArrayView<T>: a pointer and a length, what the public API hands out and takes
// for a run of elements it does not own. Written here because std::span is C++20
// and the public headers compile as C++17 too; in C++20 a std::span<T> converts to
// and from it (std::span's range constructor; ArrayView is a borrowed range).
#pragma once

#include <cstddef>
#include <string_view>  // std::data and std::size, without all of <iterator>
#include <type_traits>
#include <utility>
#if __has_include(<version>)
#include <version>  // __cpp_lib_ranges
#endif

namespace appflow_lint {

template <typename T>
class ArrayView {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;
  using size_type = std::size_t;
  using iterator = T*;
  using reference = T&;
  using pointer = T*;

  constexpr ArrayView() noexcept = default;
  constexpr ArrayView(T* data, std::size_t size) noexcept : data_(data), size_(size) {}

  // Any contiguous container of T held by the caller: std::vector, std::array, a C
  // array, std::span. Not a temporary one, which would be gone before the view.
  template <
      typename Container,
      typename = std::enable_if_t<!std::is_same_v<std::remove_cv_t<Container>, ArrayView> &&
                                  std::is_convertible_v<decltype(std::data(std::declval<Container&>())), T*> &&
                                  std::is_convertible_v<decltype(std::size(std::declval<Container&>())), std::size_t>>>
  constexpr ArrayView(Container& container) noexcept  // implicit, as std::span
      : data_(std::data(container)), size_(std::size(container)) {}

  constexpr T* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T* begin() const noexcept { return data_; }
  constexpr T* end() const noexcept { return data_ + size_; }
  constexpr T& operator[](std::size_t index) const noexcept { return data_[index]; }
  constexpr T& front() const noexcept { return data_[0]; }
  constexpr T& back() const noexcept { return data_[size_ - 1]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace appflow_lint

#if defined(__cpp_lib_ranges)
// The elements outlive the view, as with std::span: a std::span may be made from a
// temporary ArrayView. NOLINTBEGIN(readability-identifier-naming): std's name
template <typename T>
inline constexpr bool std::ranges::enable_borrowed_range<appflow_lint::ArrayView<T>> = true;
#endif  // NOLINTEND(readability-identifier-naming)
