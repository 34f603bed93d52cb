// Turns the command line's PATH arguments into the inputs to lint.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace appflow_lint::cli {

// The most one input (a file, or standard input) may hold: a request is a few KB,
// and a bound keeps `appflow-lint - < /dev/zero` from reading forever.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

enum class InputKind { Json, JsonLines };

struct Input {
  std::string path;  // as shown in output; "-" for standard input, or its --stdin-filename
  InputKind kind = InputKind::Json;
  bool is_stdin = false;
  // The text a folder walk already read to choose the file, so that it is not opened
  // and read twice; nullptr: read it when it is linted.
  std::shared_ptr<const std::string> prefetched;
};

// How standard input (the PATH "-") is read and named.
struct StdinOptions {
  bool jsonl = false;    // --jsonl: one request per line
  std::string filename;  // --stdin-filename: the file it stands for (empty: "-")
};

// What a folder walk does with one regular file it found: lint it, or skip it and
// say why (`reason` empty: not worth a word, as for a README.md).
struct FileVerdict {
  FileVerdict(bool lint_it, std::string why, std::shared_ptr<const std::string> read = nullptr)
      : lint(lint_it), reason(std::move(why)), text(std::move(read)) {}

  bool lint = false;
  std::string reason;
  std::shared_ptr<const std::string> text;  // the file's text, when it was read to decide and kept
};

struct WalkOptions {
  // Skip hidden entries and `node_modules`, and honour the `.gitignore` and `.ignore`
  // files of the walked folders (--no-ignore: false).
  bool ignore = true;
  // Chooses the files of folders to lint; empty: those named *.json, *.jsonl, *.ndjson.
  std::function<FileVerdict(const std::filesystem::path& file)> select;
};

struct Skipped {
  std::string path;
  std::string reason;  // in words: "hidden", "ignored by sub/.gitignore:3 (build/)", ...
};

struct CollectedInputs {
  std::vector<Input> inputs;
  std::vector<std::string> problems;   // paths that cannot be read, in words
  std::vector<std::string> unmatched;  // PATHs that do not exist or hold no file to lint, in words
  std::vector<Skipped> skipped;        // what folder walks left out, in path order
};

// Files are taken as given (by extension: .jsonl/.ndjson are JSON Lines); folders are
// walked recursively in sorted order without following links to folders (see
// WalkOptions). FIFOs, devices, unreadable folders and broken links are problems;
// a missing PATH or a folder without a file to lint is unmatched.
// Standard input named by --stdin-filename is JSON Lines when that name ends in .jsonl
// or .ndjson, as a file of that name would be.
CollectedInputs collect_inputs(const std::vector<std::string>& paths, const StdinOptions& stdin_options,
                               const WalkOptions& walk = {});

// Whether the name is one of a JSON or JSON Lines file (.json, .jsonl, .ndjson).
// Paths go as text (path.native()): no std::filesystem::path is built to answer.
bool has_json_extension(std::string_view path);
// The kind a file's name says: .jsonl and .ndjson are JSON Lines.
InputKind kind_of(std::string_view path);

// Makes standard input read `text` from its start (a temporary file put in its
// place), so that the run lints standard input's fixed text as it reads any input.
bool replace_stdin(const std::string& text);

// The whole content, or false with `error` set (also past kMaxInputBytes). For a
// JSON document (a .json file, or standard input without --jsonl). The input's
// `prefetched` text, when it has one, without opening the file again.
bool read_input(const Input& input, std::string& content, std::string& error);

// A JSON Lines line may be longer than a document may be (the linter answers such a
// document with json.too-large at its start, reading no further than its size): of a
// longer line only kKeptLineBytes are kept, and one past kMaxInputBytes ends the input.
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{64} << 20;
inline constexpr std::size_t kKeptLineBytes = kMaxDocumentBytes + 1;

// Reads lines from a file descriptor through a buffer of fixed size: memory does not
// grow with the input, only with the longest line kept.
class LineReader {
 public:
  LineReader(int fd, std::size_t buffer_bytes);

  enum class Status { Line, End, TooLong, Failed };
  struct Line {
    std::size_t length = 0;     // of the whole line, without its '\n'
    bool rest_is_blank = true;  // the bytes past the kept ones are all spaces, tabs and CRs
  };

  // Appends the next line (without its '\n') to `out`, at most `keep` bytes of it.
  // TooLong: the line goes on past kMaxInputBytes (what was kept stays in `out`).
  Status next(std::string& out, std::size_t keep, Line& line);

  // True when the next line is already buffered, so next() answers without reading
  // (and so without waiting on a pipe).
  bool line_buffered() const noexcept;

  int error() const noexcept { return error_; }  // errno of a failed read

 private:
  int fd_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  int error_ = 0;
};

// Opens `input` for reading (standard input is descriptor 0); -1 with `error` set.
int open_input(const Input& input, std::string& error);

}  // namespace appflow_lint::cli
