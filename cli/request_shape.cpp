#include "request_shape.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/schema_engine/root_members.hpp"
#include "appflow_lint/schema_engine/schema_bundle.hpp"
#include "appflow_lint/text/ascii.hpp"

namespace appflow_lint::cli {
namespace {

constexpr std::string_view kMember = "connectorProfileConfig";  // what the language server looks for

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii::lower);
  return out;
}

// The root members of both request schemas, in lower case: read from the model, so a
// member a later model adds counts without a change here.
const std::set<std::string, std::less<>>& request_member_names() {
  static const std::set<std::string, std::less<>> names = [] {
    std::set<std::string, std::less<>> all;
    for (const std::string_view schema :
         {schema_bundle::kUpdateConnectorProfileRequest, schema_bundle::kCreateConnectorProfileRequest}) {
      for (const auto& name : schema_engine::root_member_names(schema)) all.insert(lower(name));
    }
    return all;
  }();
  return names;
}

// Reads a document up to its first top-level key that `wanted` accepts and builds
// nothing: it runs on every change of an open document, and on every JSON file a
// walk finds.
class TopLevelKeyFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit TopLevelKeyFinder(bool (*wanted)(const std::string& key)) : wanted_(wanted) {}

  bool found = false;
  bool broken = false;  // the text does not parse (or not yet, mid-edit)

  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*size*/) override {
    if (depth_ == 0) root_is_object_ = true;
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t /*size*/) override {
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool key(string_t& name) override {
    found = root_is_object_ && depth_ == 1 && wanted_(name);
    return !found;  // stop at the answer
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    broken = true;
    return false;
  }

 private:
  bool (*wanted_)(const std::string& key);
  std::size_t depth_ = 0;
  bool root_is_object_ = false;
};

// Whether a request member's name appears quoted anywhere in `text`, in any case. NUL
// bytes are dropped first, so that UTF-16 and UTF-32 text is searched as ASCII.
bool names_a_request_member(std::string_view text) {
  std::string folded = lower(text);
  folded.erase(std::remove(folded.begin(), folded.end(), '\0'), folded.end());
  return std::any_of(request_member_names().begin(), request_member_names().end(),
                     [&](const std::string& name) { return folded.find('"' + name + '"') != std::string::npos; });
}

}  // namespace

bool looks_like_request(std::string_view text) {
  TopLevelKeyFinder finder([](const std::string& key) { return request_member_names().contains(lower(key)); });
  nlohmann::json::sax_parse(text, &finder);
  if (finder.found) return true;
  return finder.broken && names_a_request_member(text);
}

bool looks_like_profile(std::string_view text) {
  if (text.find(fmt::format("\"{}\"", kMember)) == std::string_view::npos) return false;
  TopLevelKeyFinder finder([](const std::string& key) { return key == kMember; });
  nlohmann::json::sax_parse(text, &finder);
  return finder.found || finder.broken;  // mid-edit the text may not parse: the name alone decides
}

}  // namespace appflow_lint::cli
