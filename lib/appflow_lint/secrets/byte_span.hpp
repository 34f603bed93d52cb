#pragma once

#include <cstddef>
#include <utility>

namespace appflow_lint::secrets {

using ByteSpan = std::pair<std::size_t, std::size_t>;  // [begin, end) byte offsets into a document's text

}  // namespace appflow_lint::secrets
