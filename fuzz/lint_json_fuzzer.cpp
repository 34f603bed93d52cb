// lint_json on nlohmann values built from the input: objects keyed mostly by the
// model's member names, strings mostly from its enum values, every JSON type.
// Checks: no crash, leak, UB or timeout; no diagnostic carries a range (a parsed
// value has no source text); every format renders.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "appflow_lint/nlohmann.hpp"
#include "common.hpp"
#include "model_names.inc"

using namespace appflow_lint;

namespace {

template <class Table>
const auto& pick(FuzzedDataProvider& in, const Table& table) {
  return table[in.ConsumeIntegralInRange<std::size_t>(0, table.size() - 1)];
}

std::string pick_string(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return std::string(pick(in, kMemberNames));
    case 1:
      return std::string(pick(in, kEnumValues));
    default:
      return in.ConsumeRandomLengthString(64);
  }
}

nlohmann::json build(FuzzedDataProvider& in, int depth) {
  const int kind = depth == 0 ? 0 : in.ConsumeIntegralInRange(0, 9);
  switch (depth > 14 ? 9 : kind) {
    case 0:
    case 1:
    case 2: {
      nlohmann::json object = nlohmann::json::object();
      const int members = in.ConsumeIntegralInRange(0, 8);
      for (int i = 0; i < members && in.remaining_bytes() > 0; ++i) {
        object[pick_string(in)] = build(in, depth + 1);
      }
      return object;
    }
    case 3: {
      nlohmann::json array = nlohmann::json::array();
      const int items = in.ConsumeIntegralInRange(0, 4);
      for (int i = 0; i < items && in.remaining_bytes() > 0; ++i) array.push_back(build(in, depth + 1));
      return array;
    }
    case 4:
      return in.ConsumeIntegral<std::int64_t>();
    case 5:
      return in.ConsumeIntegral<std::uint64_t>();
    case 6:
      return in.ConsumeFloatingPoint<double>();
    case 7:
      return in.ConsumeBool();
    case 8:
      return nullptr;
    default:
      return pick_string(in);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const Operation operation = in.ConsumeBool() ? Operation::CreateConnectorProfile : Operation::UpdateConnectorProfile;
  const nlohmann::json request = build(in, 0);
  LintResult result = lint_json(appflow_fuzz::linter(operation), request);
  for (const auto& diagnostic : result.diagnostics) {
    if (diagnostic.range) appflow_fuzz::fail("lint_json gave a range", diagnostic.message);
  }
  std::vector<format::FileReport> files(1);
  files[0].path = "value.json";
  files[0].operation = operation;
  files[0].documents.push_back({std::nullopt, std::move(result), 0, 0, 0});
  (void)appflow_fuzz::render_all(files);
  return 0;
}
