// `appflow-lint server`: a Language Server (LSP 3.17) over standard input and output.
// The protocol surface is in docs/editors.md; one job per file under cli/server/:
// framing (jsonrpc_transport), positions (position_encoding), open documents
// (document_store), which documents and settings (workspace), diagnostics
// (lsp_diagnostics), code actions (code_actions), config edits (config_edit).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "appflow_lint/lint.hpp"
#include "server/document_store.hpp"
#include "server/jsonrpc_transport.hpp"
#include "server/position_encoding.hpp"
#include "server/workspace.hpp"

namespace appflow_lint::server {

// Runs the server on stdin/stdout until `exit` or the end of input; returns the exit
// status (0 after `shutdown`, 1 otherwise).
int run_server();

// The protocol state machine: one message in, the replies out through `writer`.
// Single-threaded: run_server() feeds it from one thread, so results are published in
// the order the changes came (a stale lint can never overwrite a newer one).
class Server {
 public:
  explicit Server(FrameWriter& writer) : writer_(writer) {}

  void handle(const nlohmann::json& message, bool cancelled);
  // Lints and publishes every open document changed since its last publication.
  void publish_changed();
  bool has_changes() const;

  bool exited() const noexcept { return exit_status_.has_value(); }
  int exit_status() const noexcept { return exit_status_.value_or(1); }
  int debounce_ms() const noexcept { return debounce_ms_; }
  // The end of input without `exit`: the client is gone.
  void input_ended() { exit_status_ = shutdown_ ? 0 : 1; }

 private:
  struct Linted {
    std::uint64_t revision = 0;  // of the document's text
    std::uint64_t configs = 0;   // configs_generation_ when linted
    LintResult result;
    DocumentSettings settings;
  };

  nlohmann::json dispatch(const std::string& method, const nlohmann::json& params, bool& found);
  nlohmann::json initialize(const nlohmann::json& params);
  void initialized();
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void config_changed();
  nlohmann::json code_action(const nlohmann::json& params);
  nlohmann::json execute_command(const nlohmann::json& params);
  nlohmann::json hover(const nlohmann::json& params);
  nlohmann::json completion(const nlohmann::json& params);

  // The lint of `document` as it is now (cached until its text or a config changes).
  const Linted& lint(OpenDocument& document);
  LintResult lint_text(std::string_view text, const DocumentSettings& settings);
  const Linter& linter(Operation operation);
  void publish(OpenDocument& document);
  void log(int type, const std::string& message);

  FrameWriter& writer_;
  DocumentStore documents_;
  Workspace workspace_;
  std::map<std::string, Linted> linted_;  // by URI
  std::optional<Linter> update_linter_;
  std::optional<Linter> create_linter_;
  std::set<std::string> reported_config_errors_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::string docs_base_url_;
  int debounce_ms_ = 0;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool watch_configs_ = false;  // the client registers file watchers on request
  std::optional<int> exit_status_;
  std::int64_t next_request_id_ = 1;
  std::uint64_t configs_generation_ = 0;  // bumped when a config file changes
};

}  // namespace appflow_lint::server
