#include "server/server.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "appflow_lint/fix/apply_fixes.hpp"
#include "appflow_lint/rule_info.hpp"
#include "appflow_lint/version.hpp"
#include "server/code_actions.hpp"
#include "server/config_edit.hpp"
#include "server/json_members.hpp"
#include "server/lsp_diagnostics.hpp"
#include "server/schema_help.hpp"

namespace appflow_lint::server {
namespace {

// window/logMessage types.
constexpr int kLogError = 1;
constexpr int kLogInfo = 3;

// A request or notification the reader thread has parsed, or a frame it could not.
struct Incoming {
  enum class Kind { Message, Malformed, End } kind = Kind::End;
  nlohmann::json message;
  std::string why;
  bool cancelled = false;  // a `$/cancelRequest` for it came while it waited
};

// A request the server refuses, with the JSON-RPC code to answer it with.
struct RequestError : std::runtime_error {
  RequestError(int error_code, const std::string& message) : std::runtime_error(message), code(error_code) {}
  int code;
};

std::string document_uri(const nlohmann::json& params) { return string_member(member(params, "textDocument"), "uri"); }

// What the reader thread hands the main thread: frames are read on their own thread,
// so that `$/cancelRequest` reaches requests still waiting while the main thread is
// busy, and a burst of changes queues up to be linted once.
class Inbox {
 public:
  void push(Incoming incoming) {
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(std::move(incoming));
    }
    ready_.notify_one();
  }
  // Marks the waiting request with this id. One already taken is answered as usual
  // (cancellation is a hint in the LSP), so nothing is kept for ids seen no more.
  void cancel(const nlohmann::json& id) {
    const std::lock_guard lock(mutex_);
    for (auto& incoming : queue_) {
      if (incoming.kind == Incoming::Kind::Message && member(incoming.message, "id") == id) incoming.cancelled = true;
    }
  }
  // The next message; std::nullopt when `wait` passed with none.
  std::optional<Incoming> pop(std::optional<std::chrono::milliseconds> wait) {
    std::unique_lock lock(mutex_);
    const auto has_one = [&] { return !queue_.empty(); };
    if (wait) {
      if (!ready_.wait_for(lock, *wait, has_one)) return std::nullopt;
    } else {
      ready_.wait(lock, has_one);
    }
    Incoming incoming = std::move(queue_.front());
    queue_.pop_front();
    return incoming;
  }
  bool empty() {
    const std::lock_guard lock(mutex_);
    return queue_.empty();
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Incoming> queue_;
};

void read_frames(FrameReader& reader, Inbox& inbox) {
  for (;;) {
    Frame frame = reader.next();
    if (frame.kind == Frame::Kind::End) {
      inbox.push(Incoming{});
      return;
    }
    if (frame.kind == Frame::Kind::Malformed) {
      inbox.push(Incoming{Incoming::Kind::Malformed, nullptr, std::move(frame.why)});
      continue;
    }
    nlohmann::json message = nlohmann::json::parse(frame.body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      inbox.push(Incoming{Incoming::Kind::Malformed, nullptr, "a body that is not JSON"});
      continue;
    }
    const std::string method = string_member(message, "method");
    if (method == "$/cancelRequest") {
      const auto& id = member(member(message, "params"), "id");
      if (id.is_number_integer() || id.is_string()) inbox.cancel(id);
      continue;
    }
    const bool is_exit = method == "exit";
    inbox.push(Incoming{Incoming::Kind::Message, std::move(message), {}});
    if (is_exit) return;  // nothing after `exit` is read
  }
}

}  // namespace

int run_server() {
  // A client that closes its end makes writes fail (EPIPE) instead of killing us.
  std::signal(SIGPIPE, SIG_IGN);
  FrameReader reader(stdin);
  FrameWriter writer(stdout);
  Server server(writer);
  Inbox inbox;
  std::thread reading([&] { read_frames(reader, inbox); });
  while (!server.exited() && !writer.broken()) {
    // With changes pending, wait at most the debounce for more input, then lint.
    std::optional<std::chrono::milliseconds> wait;
    if (server.has_changes()) wait = std::chrono::milliseconds(server.debounce_ms());
    std::optional<Incoming> incoming = inbox.pop(wait);
    if (!incoming) {
      server.publish_changed();
      continue;
    }
    if (incoming->kind == Incoming::Kind::End) {
      server.input_ended();
      break;
    }
    if (incoming->kind == Incoming::Kind::Malformed) {
      writer.send(error_response(nullptr, error_code::kParseError, incoming->why));
    } else {
      server.handle(incoming->message, incoming->cancelled);
    }
    if (server.has_changes() && server.debounce_ms() == 0 && inbox.empty()) server.publish_changed();
  }
  // The reader may be blocked on a client that never closes its end: it is not joined.
  reading.detach();
  std::fflush(stdout);
  return server.exit_status();
}

void Server::handle(const nlohmann::json& message, bool cancelled) {
  if (string_member(message, "jsonrpc") != "2.0") {
    const auto& id = member(message, "id");
    writer_.send(error_response(id.is_number_integer() || id.is_string() ? id : nlohmann::json(),
                                error_code::kInvalidRequest, "not a JSON-RPC 2.0 message"));
    return;
  }
  const auto& method_value = member(message, "method");
  const auto& id = member(message, "id");
  const bool is_request = message.contains("id");
  if (!method_value.is_string()) {
    if (is_request && (message.contains("result") || message.contains("error"))) return;  // a reply to us
    writer_.send(error_response(id, error_code::kInvalidRequest, "a message without a method"));
    return;
  }
  if (is_request && !(id.is_number_integer() || id.is_string())) {
    writer_.send(error_response(nullptr, error_code::kInvalidRequest, "a request id must be a number or a string"));
    return;
  }
  const auto& method = method_value.get_ref<const std::string&>();
  const auto& params = member(message, "params");
  // JSON-RPC: params, when present, are an object or an array.
  if (message.contains("params") && !params.is_object() && !params.is_array() && !params.is_null()) {
    if (is_request)
      writer_.send(error_response(id, error_code::kInvalidRequest, "params must be an object or an array"));
    return;
  }
  if (method == "exit") {
    exit_status_ = shutdown_ ? 0 : 1;
    return;
  }
  if (!initialized_ && method != "initialize") {
    if (is_request)
      writer_.send(error_response(id, error_code::kServerNotInitialized, "the server is not initialized"));
    return;
  }
  if (shutdown_) {
    if (is_request) writer_.send(error_response(id, error_code::kInvalidRequest, "the server is shut down"));
    return;
  }
  if (cancelled) {
    writer_.send(error_response(id, error_code::kRequestCancelled, "cancelled"));
    return;
  }
  bool found = true;
  nlohmann::json result;
  try {
    result = dispatch(method, params, found);
  } catch (const RequestError& error) {
    if (is_request) writer_.send(error_response(id, error.code, error.what()));
    return;
  } catch (const std::exception&) {
    // A bug of ours must not end the session: the request fails, the server goes on.
    // The exception's text is not passed on: it could quote document text.
    log(kLogError, fmt::format("{} failed inside the server", method));
    if (is_request) writer_.send(error_response(id, error_code::kInternalError, "internal error"));
    return;
  }
  if (!is_request) return;
  if (!found) {
    writer_.send(error_response(id, error_code::kMethodNotFound, fmt::format("unknown method {}", method)));
    return;
  }
  writer_.send(response(id, std::move(result)));
}

nlohmann::json Server::dispatch(const std::string& method, const nlohmann::json& params, bool& found) {
  if (method == "initialize") {
    if (initialized_) throw RequestError(error_code::kInvalidRequest, "initialize was already called");
    return initialize(params);
  }
  if (method == "initialized") {
    initialized();
    return nullptr;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/didOpen") {
    did_open(params);
    return nullptr;
  }
  if (method == "textDocument/didChange") {
    did_change(params);
    return nullptr;
  }
  if (method == "textDocument/didClose") {
    did_close(params);
    return nullptr;
  }
  if (method == "workspace/didChangeWatchedFiles") {
    config_changed();
    return nullptr;
  }
  if (method == "textDocument/codeAction") return code_action(params);
  if (method == "workspace/executeCommand") return execute_command(params);
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/completion") return completion(params);
  found = false;
  return nullptr;
}

nlohmann::json Server::initialize(const nlohmann::json& params) {
  const auto& capabilities = member(params, "capabilities");
  encoding_ = negotiate_encoding(member(member(capabilities, "general"), "positionEncodings"));
  const auto& dynamic =
      member(member(member(capabilities, "workspace"), "didChangeWatchedFiles"), "dynamicRegistration");
  watch_configs_ = dynamic.is_boolean() && dynamic.get<bool>();
  const auto& folders = member(params, "workspaceFolders");
  if (folders.is_array()) {
    for (const auto& folder : folders) {
      if (auto path = path_from_uri(string_member(folder, "uri"))) workspace_.add_root(*path);
    }
  } else if (auto path = path_from_uri(string_member(params, "rootUri"))) {
    workspace_.add_root(*path);
  }
  const auto& options = member(params, "initializationOptions");
  docs_base_url_ = string_member(options, "docsBaseUrl");
  if (docs_base_url_.empty()) docs_base_url_ = kDefaultDocsBaseUrl;
  if (!docs_base_url_.ends_with('/')) docs_base_url_ += '/';
  const auto& debounce = member(options, "debounceMs");
  if (debounce.is_number_unsigned())
    debounce_ms_ = static_cast<int>(std::min<std::uint64_t>(debounce.get<std::uint64_t>(), 10'000));
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", std::string(to_string(encoding_))},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
            {"hoverProvider", true},
            {"completionProvider", {{"triggerCharacters", {"\"", ":"}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", std::string(kFixAllKind)}}}},
            {"executeCommandProvider", {{"commands", {std::string(kDisableRuleCommand)}}}}}},
          {"serverInfo", {{"name", "appflow-lint"}, {"version", std::string(kVersion)}}}};
}

void Server::initialized() {
  if (!watch_configs_) return;
  nlohmann::json registration = {
      {"id", "appflow-lint-config-watcher"},
      {"method", "workspace/didChangeWatchedFiles"},
      {"registerOptions", {{"watchers", {{{"globPattern", fmt::format("**/{}", cli::kConfigFileName)}}}}}}};
  writer_.send({{"jsonrpc", "2.0"},
                {"id", fmt::format("appflow-lint/{}", next_request_id_++)},
                {"method", "client/registerCapability"},
                {"params", {{"registrations", {registration}}}}});
}

void Server::did_open(const nlohmann::json& params) {
  const auto& item = member(params, "textDocument");
  const auto& text = member(item, "text");
  const auto& version = member(item, "version");
  const std::string uri = string_member(item, "uri");
  if (uri.empty() || !text.is_string()) throw RequestError(error_code::kInvalidParams, "didOpen without uri or text");
  documents_.open(uri, string_member(item, "languageId"), version.is_number_integer() ? version.get<std::int64_t>() : 0,
                  text.get<std::string>());
}

void Server::did_change(const nlohmann::json& params) {
  const auto& version = member(member(params, "textDocument"), "version");
  const std::string uri = document_uri(params);
  OpenDocument* document = documents_.find(uri);
  if (document == nullptr) return;
  const std::int64_t next = version.is_number_integer() ? version.get<std::int64_t>() : document->version + 1;
  if (!documents_.change(uri, next, member(params, "contentChanges"), encoding_))
    log(kLogError, fmt::format("{}: a change the server could not apply; reopen the file", uri));
}

void Server::did_close(const nlohmann::json& params) {
  const std::string uri = document_uri(params);
  if (documents_.find(uri) == nullptr) return;
  documents_.close(uri);
  linted_.erase(uri);
  writer_.send(
      notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", nlohmann::json::array()}}));
}

void Server::config_changed() {
  workspace_.forget_configs();
  reported_config_errors_.clear();
  ++configs_generation_;
  for (auto& [uri, document] : documents_.all()) document.dirty = true;
}

const Linter& Server::linter(Operation operation) {
  auto& slot = operation == Operation::CreateConnectorProfile ? create_linter_ : update_linter_;
  if (!slot) slot.emplace(LinterOptions{operation, {}});
  return *slot;
}

LintResult Server::lint_text(std::string_view text, const DocumentSettings& settings) {
  LintResult result = linter(settings.file.operation).lint_text(text);
  apply_rule_severities(result, settings.file.severities);
  return result;
}

const Server::Linted& Server::lint(OpenDocument& document) {
  const auto cached = linted_.find(document.uri);
  if (cached != linted_.end() && cached->second.revision == document.revision &&
      cached->second.configs == configs_generation_)
    return cached->second;
  Linted linted;
  linted.revision = document.revision;
  linted.configs = configs_generation_;
  linted.settings = workspace_.settings_for(document.uri, document.language, document.text);
  if (!linted.settings.config_error.empty() && reported_config_errors_.insert(linted.settings.config_error).second)
    log(kLogError, linted.settings.config_error + " (linting with the default settings)");
  if (linted.settings.lint) linted.result = lint_text(document.text, linted.settings);
  return linted_.insert_or_assign(document.uri, std::move(linted)).first->second;
}

void Server::publish(OpenDocument& document) {
  const Linted& linted = lint(document);
  document.dirty = false;
  const PositionMap map(document.text, encoding_);
  writer_.send(
      notification("textDocument/publishDiagnostics", {{"uri", document.uri},
                                                       {"version", document.version},
                                                       {"diagnostics", to_lsp(linted.result, map, docs_base_url_)}}));
}

bool Server::has_changes() const {
  return std::any_of(documents_.all().begin(), documents_.all().end(),
                     [](const auto& entry) { return entry.second.dirty; });
}

void Server::publish_changed() {
  for (auto& [uri, document] : documents_.all()) {
    if (document.dirty) publish(document);
  }
}

nlohmann::json Server::code_action(const nlohmann::json& params) {
  OpenDocument* document = documents_.find(document_uri(params));
  if (document == nullptr) return nlohmann::json::array();
  const Linted& linted = lint(*document);
  if (!linted.settings.lint) return nlohmann::json::array();
  const PositionMap map(document->text, encoding_);
  const auto& context = member(params, "context");
  const auto& only = member(context, "only");
  nlohmann::json actions = nlohmann::json::array();
  if (kind_requested(only, "quickfix")) {
    actions = quick_fixes(document->uri, member(context, "diagnostics"), linted.result, map,
                          path_from_uri(document->uri).has_value());
  }
  if (kind_requested(only, kFixAllKind)) {
    const DocumentSettings settings = linted.settings;
    const fix::FixedText fixed = fix::apply_fixes(document->text, fix::FixLevel::Safe,
                                                  [&](std::string_view text) { return lint_text(text, settings); });
    nlohmann::json action = fix_all(document->uri, document->text, fixed.text, encoding_);
    if (!action.is_null()) actions.push_back(std::move(action));
  }
  return actions;
}

nlohmann::json Server::execute_command(const nlohmann::json& params) {
  const std::string command = string_member(params, "command");
  if (command != kDisableRuleCommand) throw RequestError(error_code::kInvalidParams, "unknown command");
  const auto& arguments = member(params, "arguments");
  const auto& argument = arguments.is_array() && !arguments.empty() ? arguments[0] : nlohmann::json();
  const std::string rule = string_member(argument, "rule");
  const auto path = path_from_uri(string_member(argument, "uri"));
  if (!path || find_rule(rule) == nullptr)
    throw RequestError(error_code::kInvalidParams, "expected {uri: a file: URI, rule: a rule id}");
  const auto config = config_to_edit(*path, workspace_.roots());
  const std::string error = disable_rule_for_file(config, *path, rule);
  if (!error.empty()) {
    log(kLogError, error);
    writer_.send(notification("window/showMessage", {{"type", kLogError}, {"message", error}}));
    return nullptr;
  }
  log(kLogInfo, fmt::format("{}: {} is off for {}", config.string(), rule, path->string()));
  config_changed();
  return nullptr;
}

nlohmann::json Server::hover(const nlohmann::json& params) {
  OpenDocument* document = documents_.find(document_uri(params));
  const auto position = PositionMap::parse(member(params, "position"));
  if (document == nullptr || !position) return nullptr;
  const Linted& linted = lint(*document);
  if (!linted.settings.lint) return nullptr;
  const PositionMap map(document->text, encoding_);
  const std::size_t offset = map.to_offset(*position);
  const auto help = SchemaHelp::for_operation(linted.settings.file.operation).hover(document->text, offset);
  std::string markdown = help ? help->markdown : std::string();
  std::optional<std::pair<std::size_t, std::size_t>> range;
  if (help) range.emplace(help->range.begin, help->range.end);
  // The rules that report here: their one-line summaries (never the message, which
  // the editor shows already).
  for (const auto& diagnostic : linted.result.diagnostics) {
    if (!diagnostic.range) continue;
    const std::size_t begin = map.library_offset(diagnostic.range->start);
    const std::size_t end = map.library_offset(diagnostic.range->end);
    if (offset < begin || offset > end) continue;
    const RuleInfo* rule = find_rule(diagnostic.rule);
    if (rule == nullptr) continue;
    markdown += fmt::format("{}`{}`: {}", markdown.empty() ? "" : "\n\n---\n\n", rule->id, rule->summary);
    if (!range) range.emplace(begin, end);
  }
  if (markdown.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", markdown}}},
          {"range", map.range_json(range->first, range->second)}};
}

nlohmann::json Server::completion(const nlohmann::json& params) {
  nlohmann::json items = nlohmann::json::array();
  OpenDocument* document = documents_.find(document_uri(params));
  const auto position = PositionMap::parse(member(params, "position"));
  if (document != nullptr && position) {
    const Linted& linted = lint(*document);
    if (linted.settings.lint) {
      const PositionMap map(document->text, encoding_);
      const auto& help = SchemaHelp::for_operation(linted.settings.file.operation);
      for (const auto& item : help.complete(document->text, map.to_offset(*position))) {
        items.push_back(
            {{"label", item.label},
             {"kind", static_cast<int>(item.kind)},
             {"detail", item.detail},
             {"documentation", {{"kind", "markdown"}, {"value", item.documentation}}},
             {"filterText", item.filter_text},
             {"textEdit",
              {{"range", map.range_json(item.replace.begin, item.replace.end)}, {"newText", item.insert_text}}}});
      }
    }
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

void Server::log(int type, const std::string& message) {
  writer_.send(notification("window/logMessage", {{"type", type}, {"message", message}}));
}

}  // namespace appflow_lint::server
