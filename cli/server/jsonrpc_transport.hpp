// JSON-RPC 2.0 over a byte stream with the LSP's `Content-Length` framing.
#pragma once

#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace appflow_lint::server {

// JSON-RPC and LSP error codes the server answers with.
namespace error_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;
}  // namespace error_code

// A frame's body is at most this long; a longer one is skipped unread.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{64} << 20U;

struct Frame {
  enum class Kind { Message, Malformed, End } kind = Kind::End;
  std::string body;  // Message: the JSON text
  std::string why;   // Malformed: what was wrong (no document text in it)
};

// Reads frames from `input` (blocking). One reader, one thread.
class FrameReader {
 public:
  explicit FrameReader(std::FILE* input) : input_(input) {}
  // The next frame; Kind::End at the end of input, also when it ends mid-frame.
  Frame next();

 private:
  bool read_line(std::string& line);  // false at the end of input
  std::FILE* input_;
};

// Writes whole frames to `output`; safe to call from several threads.
class FrameWriter {
 public:
  explicit FrameWriter(std::FILE* output) : output_(output) {}
  void send(const nlohmann::json& message);

 private:
  std::mutex mutex_;
  std::FILE* output_;
};

nlohmann::json response(const nlohmann::json& id, nlohmann::json result);
nlohmann::json error_response(const nlohmann::json& id, int code, std::string message);
nlohmann::json notification(std::string method, nlohmann::json params);

}  // namespace appflow_lint::server
