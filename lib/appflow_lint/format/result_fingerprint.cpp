#include "appflow_lint/format/result_fingerprint.hpp"

#include <fmt/format.h>

namespace appflow_lint::format {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
  return hash;
}

std::string result_fingerprint(std::string_view rule, std::string_view pointer, std::string_view path,
                               std::optional<std::size_t> document) {
  // A NUL between the parts, so that ("ab", "c") and ("a", "bc") hash apart.
  std::uint64_t hash = fnv1a64(rule);
  hash = fnv1a64(std::string_view("\0", 1), hash);
  hash = fnv1a64(pointer, hash);
  hash = fnv1a64(std::string_view("\0", 1), hash);
  hash = fnv1a64(path, hash);
  hash = fnv1a64(std::string_view("\0", 1), hash);
  hash = fnv1a64(document ? fmt::format("{}", *document) : std::string("-"), hash);
  return fmt::format("{:016x}", hash);
}

}  // namespace appflow_lint::format
