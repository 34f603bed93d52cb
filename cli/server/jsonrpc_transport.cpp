#include "server/jsonrpc_transport.hpp"

#include <cctype>
#include <charconv>
#include <optional>

#include <fmt/format.h>

namespace appflow_lint::server {
namespace {

// Header lines longer than this are malformed (a header is a few dozen bytes).
constexpr std::size_t kMaxHeaderLine = 1024;

bool iequals_prefix(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

}  // namespace

bool FrameReader::read_line(std::string& line) {
  line.clear();
  for (;;) {
    const int c = std::fgetc(input_);
    if (c == EOF) return false;
    if (c == '\n') break;
    if (line.size() <= kMaxHeaderLine) line.push_back(static_cast<char>(c));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

Frame FrameReader::next() {
  std::string line;
  std::optional<std::size_t> length;
  bool bad_length = false;
  bool any_header = false;
  // The header block ends at an empty line; blank lines before any header are skipped
  // (some clients send a stray newline after a body).
  for (;;) {
    if (!read_line(line)) return Frame{};
    if (line.empty()) {
      if (any_header) break;
      continue;
    }
    any_header = true;
    if (line.size() > kMaxHeaderLine) {
      bad_length = true;
      continue;
    }
    if (iequals_prefix(line, "content-length:")) {
      std::string_view value = std::string_view(line).substr(15);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      std::size_t parsed = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (error != std::errc{} || end != value.data() + value.size() || value.empty()) {
        bad_length = true;
      } else {
        length = parsed;
      }
    }
  }
  if (bad_length || !length) return Frame{Frame::Kind::Malformed, {}, "a header without a usable Content-Length"};
  if (*length > kMaxBodyBytes) {
    // Skip the body so that the next frame is read from its start.
    for (std::size_t left = *length; left > 0; --left) {
      if (std::fgetc(input_) == EOF) return Frame{};
    }
    return Frame{Frame::Kind::Malformed, {}, fmt::format("a body of {} bytes (at most {})", *length, kMaxBodyBytes)};
  }
  Frame frame{Frame::Kind::Message, std::string(*length, '\0'), {}};
  if (std::fread(frame.body.data(), 1, frame.body.size(), input_) != frame.body.size()) return Frame{};
  return frame;
}

void FrameWriter::send(const nlohmann::json& message) {
  // Invalid UTF-8 (from a document's bytes) is replaced, never a throw mid-frame.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::lock_guard lock(mutex_);
  fmt::print(output_, "Content-Length: {}\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), output_);
  std::fflush(output_);
}

nlohmann::json response(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json error_response(const nlohmann::json& id, int code, std::string message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", std::move(message)}}}};
}

nlohmann::json notification(std::string method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::move(method)}, {"params", std::move(params)}};
}

}  // namespace appflow_lint::server
