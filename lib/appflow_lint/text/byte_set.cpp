// ByteSet's search sixteen bytes at a time. Written with SSSE3 intrinsics because no
// packaged library among the project's dependencies classifies bytes (simdjson keeps
// its classification internal). Two table lookups (PSHUFB) on each byte's low and high
// nibble decide its membership: 18 instructions for sixteen bytes, where the
// eight-lookup loop takes about 26 for eight. On the 1 KB JWT request, whose 704-byte
// token the schema's pattern scans and whose signature the JWT checks scan again,
// that is 1,700 instructions fewer (docs/benchmarks.md).
#include "appflow_lint/text/byte_set.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define APPFLOW_LINT_BYTE_SET_SSSE3 1
#include <tmmintrin.h>
#endif

namespace appflow_lint::text {

#ifdef APPFLOW_LINT_BYTE_SET_SSSE3
namespace {

// Debian's x86-64 baseline has only SSE2: the CPU is asked once.
bool has_ssse3() noexcept {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3") != 0;
  }();
  return has;
}

__attribute__((target("ssse3"))) std::size_t scan_ssse3(const unsigned char* nibbles, const char* text,
                                                        std::size_t size, std::size_t from, bool member) noexcept {
  const __m128i by_low = _mm_loadu_si128(reinterpret_cast<const __m128i*>(nibbles));
  // The bit each high nibble stands for; 8 to 15 (bytes past 0x7F) stand for none.
  const __m128i by_high = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i low_nibble = _mm_set1_epi8(0x0F);
  std::size_t at = from;
  for (; at + 16 <= size; at += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + at));
    const __m128i low = _mm_shuffle_epi8(by_low, _mm_and_si128(bytes, low_nibble));
    const __m128i high = _mm_shuffle_epi8(by_high, _mm_and_si128(_mm_srli_epi16(bytes, 4), low_nibble));
    const __m128i outside = _mm_cmpeq_epi8(_mm_and_si128(low, high), _mm_setzero_si128());
    auto hits = static_cast<unsigned>(_mm_movemask_epi8(outside));  // a bit per byte not in the set
    if (member) hits = ~hits & 0xFFFFU;
    if (hits != 0) return at + static_cast<std::size_t>(__builtin_ctz(hits));
  }
  return at;
}

}  // namespace

std::size_t ByteSet::scan_blocks(std::string_view text, std::size_t from, bool member) const noexcept {
  if (!has_ssse3()) return from;
  return scan_ssse3(nibbles_.data(), text.data(), text.size(), from, member);
}
#else
std::size_t ByteSet::scan_blocks(std::string_view /*text*/, std::size_t from, bool /*member*/) const noexcept {
  return from;
}
#endif

}  // namespace appflow_lint::text
