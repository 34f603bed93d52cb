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
// list of forms (<AccessToken>, <<NAME>>, string, REPLACE_ME, changeme, TODO, TBD, xxx,
// YOUR_..., your-...-here, my-...-here, Member_name_value, "..."); inside a value only clear template
// syntax counts (${VAR}, {{ var }}, and <token> unless the value is `sensitive`: a
// random password may well contain "<a1>").
std::optional<Placeholder> find_placeholder(std::string_view value, bool sensitive);

// The placeholders that depend on where the value is: the value is its own member's
// name ("accessToken": "access-token", the convention of CDK samples), or, in a
// credentials member, a null word as a string ("none", "undefined") or a sequential or
// repeated run of at least 8 characters ("1234567890", "abcdefgh", "00000000").
std::optional<Placeholder> find_member_placeholder(std::string_view value, std::string_view member,
                                                   bool in_credentials);

}  // namespace appflow_lint::rules::placeholder
