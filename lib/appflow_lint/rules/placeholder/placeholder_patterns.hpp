// What counts as a placeholder left from documentation or a template. Shared with
// the arn, url and s3 families, which skip a placeholder value: value.placeholder
// names the real fault, and "not a URL" on top of it would only add noise.
#pragma once

#include <optional>
#include <string_view>

namespace appflow_lint::rules::placeholder {

struct Placeholder {
  // What sort of placeholder, in words that never quote the value ("an angle-bracket token").
  std::string_view kind;
  // The placeholder text: the whole value, or the template expression inside it.
  std::string_view found;
};

// The placeholder in a string value, if any. Whole values are matched against a short
// list of forms (<AccessToken>, string, REPLACE_ME, changeme, TODO, TBD, xxx,
// YOUR_..., your-...-here, Member_name_value); inside a value only clear template
// syntax counts (${VAR}, {{ var }}, and <token> unless the value is `sensitive`: a
// random password may well contain "<a1>").
std::optional<Placeholder> find_placeholder(std::string_view value, bool sensitive);

}  // namespace appflow_lint::rules::placeholder
