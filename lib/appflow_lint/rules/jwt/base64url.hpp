// Base64url (RFC 4648 section 5) decoding for JWT segments. Written here because no
// Debian-packaged, header-only base64 is among the project's dependencies.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace appflow_lint::rules::jwt {

// The bytes `text` encodes, or nullopt when it is not base64url: a character outside
// A-Z a-z 0-9 - _, a length that no encoding has (1 mod 4), or '=' anywhere but in
// up to two trailing pad characters (JWTs omit padding; some encoders add it).
std::optional<std::string> decode_base64url(std::string_view text);
// The same decoding into `bytes` (its content replaced, its capacity kept), so a caller
// can reuse one buffer; false, with `bytes` unspecified, when `text` is not base64url.
bool decode_base64url(std::string_view text, std::string& bytes);

// Whether decode_base64url(text) would succeed, without building the bytes: a
// signature is only checked for its encoding.
bool is_base64url(std::string_view text) noexcept;

}  // namespace appflow_lint::rules::jwt
