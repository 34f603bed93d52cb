// The secret rule: valid requests (the fixtures' and examples') with a marker planted
// in sensitive members, then damaged the ways people damage files: the member's name
// misspelled (case, one edit, snake_case), moved to another parent or connector, its
// parent given as an array, the value an object, the text truncated or its syntax
// broken, linted as JSON or as JSON Lines. The input only chooses the damage.
// Check: the marker appears in no format's output and in no note (stderr).
#include <fuzzer/FuzzedDataProvider.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>

#include <nlohmann/json.hpp>

#include "common.hpp"
#include "lint_inputs.hpp"
#include "model_names.inc"
#include "seed_requests.inc"

using namespace appflow_lint;
using nlohmann::json;

namespace {

template <class Table>
const auto& pick(FuzzedDataProvider& in, const Table& table) {
  return table[in.ConsumeIntegralInRange<std::size_t>(0, table.size() - 1)];
}

constexpr std::string_view kMarker = "FUZZMARK7";

struct Seed {
  Operation operation;
  json request;
};

const std::vector<Seed>& seeds() {
  static const std::vector<Seed> parsed = [] {
    std::vector<Seed> out;
    for (const auto& seed : kSeedRequests) {
      json request = json::parse(seed.text, nullptr, false);
      if (request.is_object()) {
        out.push_back(
            {seed.create ? Operation::CreateConnectorProfile : Operation::UpdateConnectorProfile, std::move(request)});
      }
    }
    return out;
  }();
  return parsed;
}

const std::set<std::string, std::less<>>& known_names() {
  static const std::set<std::string, std::less<>> names(kMemberNames.begin(), kMemberNames.end());
  return names;
}

std::string snake_case(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (std::isupper(static_cast<unsigned char>(c)) != 0) {
      out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

// The sensitive member's name as a person might have typed it. Never a name the model
// knows (that could be a non-sensitive member, whose value may be shown).
std::string misspell(FuzzedDataProvider& in, std::string name) {
  if (name.empty()) return name;
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 0:
      return name;
    case 1: {  // case
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, name.size() - 1);
      name[at] = static_cast<char>(std::isupper(static_cast<unsigned char>(name[at])) != 0
                                       ? std::tolower(static_cast<unsigned char>(name[at]))
                                       : std::toupper(static_cast<unsigned char>(name[at])));
      return name;
    }
    case 2: {
      std::string upper;
      for (const char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return upper;
    }
    case 3:
      return snake_case(name);
    default: {  // one edit
      std::string edited = name;
      const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, name.size() - 1);
      const char letter = static_cast<char>('a' + in.ConsumeIntegralInRange(0, 25));
      switch (in.ConsumeIntegralInRange(0, 2)) {
        case 0:
          edited.insert(at, 1, letter);
          break;
        case 1:
          edited.erase(at, 1);
          break;
        default:
          edited[at] = letter;
          break;
      }
      return known_names().contains(edited) ? name : edited;
    }
  }
}

json marker_value(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 4)) {
    case 0:
      return json{{"k", std::string(kMarker)}};  // object-valued secret
    case 1:
      return json{{std::string(kMarker), "${SECRET}"}};  // its key quoted?
    case 2:
      return json::array({std::string(kMarker)});
    case 3:
      return std::string(kMarker) + " ${X} https://u:" + std::string(kMarker) + "@h";
    default:
      return std::string(kMarker);
  }
}

void plant(FuzzedDataProvider& in, json& request) {
  const auto& path = pick(in, kSensitivePaths);
  std::vector<std::string> keys(path.begin(), path.end());
  // keys: connectorProfileConfig, connectorProfileCredentials, <Connector>, ..., member
  switch (in.ConsumeIntegralInRange(0, 5)) {
    case 1:
      if (keys.size() > 2) keys[1] = "connectorProfileProperties";
      break;  // wrong parent
    case 2:   // wrong connector
      if (keys.size() > 3) keys[2] = std::string(pick(in, kSensitivePaths)[2]);
      break;
    case 3:
      if (keys.size() > 3) keys.erase(keys.begin() + 2, keys.end() - 1);
      break;  // moved up
    case 4:
      keys = {keys.back()};
      break;  // at the root
    default:
      break;
  }
  const bool parent_as_array = in.ConsumeIntegralInRange(0, 7) == 0;
  // A secret-keyed map's key is a secret where such a map belongs (the credentials); at
  // the root, which holds no secrets, it is an ordinary unknown member: its key is
  // named, so only its value carries the marker.
  if (keys.back() == "*")
    keys.back() = keys.size() > 1 ? std::string(kMarker) + "_key" : std::string("moved_key");
  else
    keys.back() = misspell(in, keys.back());
  json* node = &request;
  for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
    if (!node->is_object()) *node = json::object();
    node = &(*node)[keys[i]];
  }
  if (parent_as_array) {
    *node = json::array({json::object()});
    node = &(*node)[0];
  }
  if (!node->is_object()) *node = json::object();
  (*node)[keys.back()] = marker_value(in);
}

// Damage at the text level, after the request is written out.
void break_text(FuzzedDataProvider& in, std::string& text) {
  const std::string quoted = "\"" + std::string(kMarker);
  const std::size_t at = text.find(quoted);
  switch (in.ConsumeIntegralInRange(0, 9)) {
    case 0:
      text.resize(in.ConsumeIntegralInRange<std::size_t>(0, text.size()));
      break;  // truncated
    case 1:
      if (at != std::string::npos) text.erase(at, 1);
      break;  // bare word
    case 2:
      if (at != std::string::npos) text.insert(at + 1, "\n");
      break;  // raw newline
    case 3:
      if (at != std::string::npos) text.insert(at + 1, "\x01");
      break;  // control char
    case 4:
      if (at != std::string::npos) text.insert(at, "\"dup\", \"x\": ");
      break;  // syntax
    case 5:
      text.insert(text.size() > 1 ? 1 : 0, "\"q\": \"\x92\x92\x92\", ");
      break;   // cp1252 bytes
    case 6: {  // a trailing comma before the closing brace after the marker
      const std::size_t close = at == std::string::npos ? std::string::npos : text.find('}', at);
      if (close != std::string::npos) text.insert(close, ",");
      break;
    }
    case 7: {  // a duplicate of the member holding the marker
      const std::size_t key_end = at == std::string::npos ? std::string::npos : text.rfind('"', at - 1);
      const std::size_t key_begin =
          key_end == std::string::npos || key_end == 0 ? std::string::npos : text.rfind('"', key_end - 1);
      if (key_begin != std::string::npos) {
        text.insert(key_begin, text.substr(key_begin, at - key_begin) + "12345, ");
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const auto& all = seeds();
  const Seed& seed = all[in.ConsumeIntegralInRange<std::size_t>(0, all.size() - 1)];
  json request = seed.request;
  const int markers = in.ConsumeIntegralInRange(1, 3);
  for (int i = 0; i < markers; ++i) plant(in, request);
  const bool jsonl = in.ConsumeIntegralInRange(0, 3) == 0;
  std::string text = request.dump(jsonl || in.ConsumeBool() ? -1 : 2);
  break_text(in, text);
  if (jsonl) text = "{}\n" + text + "\n" + text + "\n";

  const cli::Input input{jsonl ? "fuzz.jsonl" : "fuzz.json", jsonl ? cli::InputKind::JsonLines : cli::InputKind::Json,
                         false};
  std::vector<format::FileReport> files;
  files.push_back(cli::lint_input(appflow_fuzz::linter(seed.operation), input, text));
  const auto outputs = appflow_fuzz::render_all(files);
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i].find(kMarker) != std::string::npos) {
      std::fprintf(stderr, "secret marker in --format %s output; the input was:\n%s\n", appflow_fuzz::kFormatNames[i],
                   text.c_str());
      appflow_fuzz::fail("secret shown", outputs[i]);
    }
  }
  for (const auto& document : files[0].documents) {
    for (const auto& note : document.result.notes) {
      if (note.find(kMarker) != std::string::npos) appflow_fuzz::fail("secret in a note (stderr)", note);
    }
  }
  return 0;
}
