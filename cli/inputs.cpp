#include "inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "ignore_file.hpp"

namespace appflow_lint::cli {
namespace fs = std::filesystem;
namespace {

// The last component of a path's text ("" after a trailing separator).
std::string_view file_name_of(std::string_view path) {
  const std::size_t separator = path.rfind(fs::path::preferred_separator);
  return separator == std::string_view::npos ? path : path.substr(separator + 1);
}

// What std::filesystem::path::extension() says, read off the text: a walk asks it of
// every entry, and building a path for it (its components, one allocation each) cost
// more than the rest of the walk's step.
std::string_view extension_of(std::string_view path) {
  const std::string_view name = file_name_of(path);
  if (name == "." || name == "..") return {};
  const std::size_t dot = name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view{} : name.substr(dot);
}

bool has_extension(std::string_view path, std::initializer_list<std::string_view> extensions) {
  const std::string_view extension = extension_of(path);
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view wanted) { return extension == wanted; });
}

// The order of std::filesystem::path (component by component), at the cost of one
// string comparison: a separator sorts before every other character. Only the first
// byte that differs needs the separator's place (no path holds a NUL byte).
bool path_order(std::string_view x, std::string_view y) {
  const auto [at_x, at_y] = std::mismatch(x.begin(), x.end(), y.begin(), y.end());
  if (at_x == x.end() || at_y == y.end()) return at_x == x.end() && at_y != y.end();
  const auto key = [](char c) { return static_cast<unsigned char>(c == fs::path::preferred_separator ? '\0' : c); };
  return key(*at_x) < key(*at_y);
}

// The ignore files of one walked folder, and through `parent` those of the folders
// above it in the walk: the nearest folder's files decide first.
struct IgnoreLayer {
  std::shared_ptr<const IgnoreLayer> parent;
  fs::path folder;
  std::vector<IgnoreFile> files;  // `.ignore` before `.gitignore`: it wins, as in ripgrep
};

struct Entry {
  fs::path path;
  std::string name;  // the path's last component
  bool link = false;
  fs::file_type target = fs::file_type::none;
};

// Why `path` is ignored by the layers' patterns, or nothing: the last matching pattern
// of the nearest file that has one decides, and a `!pattern` re-includes.
std::optional<std::string> ignored_by(const IgnoreLayer* layer, const fs::path& path, bool is_directory) {
  for (; layer != nullptr; layer = layer->parent.get()) {
    const std::string relative = path.lexically_relative(layer->folder).generic_string();
    for (const auto& file : layer->files) {
      const IgnorePattern* pattern = file.last_match(relative, is_directory);
      if (pattern == nullptr) continue;
      if (pattern->negated) return std::nullopt;
      return fmt::format("ignored by {}:{} ({})", file.source(), pattern->line, pattern->text);
    }
  }
  return std::nullopt;
}

constexpr std::array<const char*, 2> kIgnoreFileNames{".ignore", ".gitignore"};  // the first wins

// `has_file(name)` tells whether the folder holds a regular file of that name; `shown`
// is the folder as the output names it, `absolute` as patterns are matched from.
std::shared_ptr<const IgnoreLayer> read_ignore_files(const fs::path& shown, const fs::path& absolute,
                                                     const std::function<bool(const char*)>& has_file,
                                                     std::shared_ptr<const IgnoreLayer> parent) {
  std::vector<IgnoreFile> files;
  for (const char* name : kIgnoreFileNames) {
    if (!has_file(name)) continue;
    std::ifstream stream(absolute / name, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (stream.bad()) continue;  // an ignore file that cannot be read ignores nothing
    files.emplace_back(text, (shown / name).lexically_normal().string());
  }
  if (files.empty()) return parent;
  return std::make_shared<const IgnoreLayer>(IgnoreLayer{std::move(parent), absolute, std::move(files)});
}

// The ignore files above `root` up to the top of its git repository (the nearest
// folder with a `.git`), as git reads them: none when `root` is not in a repository.
std::shared_ptr<const IgnoreLayer> ancestor_ignore_files(const fs::path& root, const fs::path& absolute_root) {
  const auto is_top = [](const fs::path& folder) {
    std::error_code error;
    return fs::exists(folder / ".git", error);
  };
  if (is_top(absolute_root)) return nullptr;  // the walk reads the root's own files
  std::vector<fs::path> above;                // the root's parent first
  bool in_repository = false;
  for (fs::path folder = absolute_root; !in_repository && folder != folder.root_path();) {
    folder = folder.parent_path();
    above.push_back(folder);
    in_repository = is_top(folder);
  }
  if (!in_repository) return nullptr;
  std::shared_ptr<const IgnoreLayer> layer;  // built from the top down: the nearest decides first
  for (std::size_t i = above.size(); i-- > 0;) {
    fs::path shown = root;
    for (std::size_t up = 0; up <= i; ++up) shown /= "..";
    const fs::path& folder = above[i];
    const auto has_file = [&](const char* name) {
      std::error_code missing;
      return fs::is_regular_file(folder / name, missing);
    };
    layer = read_ignore_files(shown, folder, has_file, std::move(layer));
  }
  return layer;
}

// A folder's entries with their types. The listing's own file types (d_type) answer
// for most entries: only a symbolic link (or a filesystem that gives no type) costs a
// stat. False when the folder cannot be read (a problem is recorded).
bool list_folder(const fs::path& folder, std::vector<Entry>& entries, CollectedInputs& out) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) {
    out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
    return false;
  }
  for (const fs::directory_iterator end; it != end; it.increment(error)) {
    if (error) {
      out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
      return false;
    }
    Entry entry{it->path(), std::string(file_name_of(it->path().native()))};
    std::error_code link_error;
    entry.link = it->is_symlink(link_error);
    if (entry.link) {
      entry.target = fs::status(entry.path, link_error).type();
      if (link_error) entry.target = fs::file_type::not_found;
    } else {
      entry.target = it->is_directory(link_error)      ? fs::file_type::directory
                     : it->is_regular_file(link_error) ? fs::file_type::regular
                                                       : fs::file_type::unknown;
    }
    entries.push_back(std::move(entry));
  }
  return true;
}

// Why a walk leaves `entry` (at `absolute`) out by default (hidden, node_modules, an
// ignore file), or nothing.
std::optional<std::string> skipped_by_default(const Entry& entry, const fs::path& absolute, const IgnoreLayer* layer) {
  const bool folder = entry.target == fs::file_type::directory;
  if (entry.name.starts_with(".")) return std::string("hidden");
  if (folder && entry.name == "node_modules") return std::string("node_modules");
  return ignored_by(layer, absolute, folder);
}

// Walks `root` without following links to folders (no loops). A folder that cannot be
// read, a dangling link or a link loop is a problem, never a silent skip: a CI run
// must not pass on files it did not lint.
void collect_directory(const fs::path& root, const WalkOptions& walk, CollectedInputs& out) {
  std::vector<std::pair<std::string, std::shared_ptr<const std::string>>> found;
  struct Pending {
    fs::path folder;    // as walked from `root`
    fs::path absolute;  // what ignore patterns match against
    std::shared_ptr<const IgnoreLayer> layer;
  };
  std::error_code error;
  const fs::path absolute_root = fs::absolute(root, error).lexically_normal();
  std::vector<Pending> pending{
      {root, absolute_root, walk.ignore ? ancestor_ignore_files(root, absolute_root) : nullptr}};
  while (!pending.empty()) {
    const Pending current = std::move(pending.back());
    pending.pop_back();
    std::vector<Entry> entries;
    if (!list_folder(current.folder, entries, out)) continue;
    const auto listed = [&](const char* name) {
      return std::any_of(entries.begin(), entries.end(), [&](const Entry& entry) {
        return entry.target == fs::file_type::regular && entry.name == name;
      });
    };
    const std::shared_ptr<const IgnoreLayer> layer =
        walk.ignore ? read_ignore_files(current.folder, current.absolute, listed, current.layer) : nullptr;
    for (const Entry& entry : entries) {
      const bool folder = entry.target == fs::file_type::directory;
      const std::string& shown = entry.path.native();
      // Only ignore patterns and folders to walk need it.
      const fs::path absolute = folder || layer != nullptr ? current.absolute / entry.name : fs::path();
      if (walk.ignore) {
        if (const std::optional<std::string> reason = skipped_by_default(entry, absolute, layer.get())) {
          // Only what could have been linted is worth a word.
          if (folder || has_json_extension(shown)) out.skipped.push_back({shown, *reason});
          continue;
        }
      }
      if (entry.target == fs::file_type::not_found) {
        out.problems.push_back(entry.path.string() + ": broken symbolic link");
        continue;
      }
      if (folder) {
        if (!entry.link) pending.push_back({entry.path, absolute, layer});
        continue;
      }
      if (entry.target != fs::file_type::regular) {
        // Opening a FIFO or a device to look inside could block forever.
        if (has_json_extension(shown)) out.problems.push_back(shown + ": not a regular file");
        continue;
      }
      FileVerdict verdict = walk.select ? walk.select(entry.path) : FileVerdict{has_json_extension(shown), {}};
      if (verdict.lint) {
        found.emplace_back(shown, std::move(verdict.text));
      } else if (!verdict.reason.empty()) {
        out.skipped.push_back({shown, std::move(verdict.reason)});
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return path_order(a.first, b.first); });
  for (auto& [path, text] : found) {
    const InputKind kind = kind_of(path);
    out.inputs.push_back({std::move(path), kind, false, std::move(text)});
  }
}

// Appends what `fd` holds to `content`; false past kMaxInputBytes (an endless stream
// stops there) or on a read error (errno kept).
bool read_bounded(int fd, std::string& content, bool& failed) {
  failed = false;
  // One buffer per thread, left uninitialised: zeroing 64 KiB for each small file cost
  // more than linting it.
  constexpr std::size_t kChunkBytes = 1 << 16;
  thread_local const std::unique_ptr<char[]> chunk = std::make_unique_for_overwrite<char[]>(kChunkBytes);
  while (true) {
    const ssize_t got = ::read(fd, chunk.get(), kChunkBytes);
    if (got < 0) {
      if (errno == EINTR) continue;
      failed = true;
      return false;
    }
    if (got == 0) return true;
    if (content.size() + static_cast<std::size_t>(got) > kMaxInputBytes) return false;
    content.append(chunk.get(), static_cast<std::size_t>(got));
  }
}

// A regular file of `size` bytes (by fstat), read straight into `content`: no copy
// through a buffer, and no last read() to learn that the file ends where fstat said
// (one system call in four of a run over many small files). A file that shrank is read
// to its end; bytes appended after the fstat are not read.
bool read_sized(int fd, std::size_t size, std::string& content, bool& failed) {
  failed = false;
  content.resize(size);
  std::size_t have = 0;
  while (have < size) {
    const ssize_t got = ::read(fd, content.data() + have, size - have);
    if (got < 0) {
      if (errno == EINTR) continue;
      failed = true;
      return false;
    }
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  content.resize(have);
  return true;
}

std::string too_large(const std::string& path) {
  return path + ": larger than " + std::to_string(kMaxInputBytes >> 20) +
         " MiB, the most one input may hold; split it (JSON Lines files line by line)";
}

}  // namespace

bool has_json_extension(std::string_view path) { return has_extension(path, {".json", ".jsonl", ".ndjson"}); }

InputKind kind_of(std::string_view path) {
  return has_extension(path, {".jsonl", ".ndjson"}) ? InputKind::JsonLines : InputKind::Json;
}

CollectedInputs collect_inputs(const std::vector<std::string>& paths, const StdinOptions& stdin_options,
                               const WalkOptions& walk) {
  CollectedInputs out;
  for (const auto& argument : paths) {
    if (argument == "-") {
      const std::string& name = stdin_options.filename;
      const bool lines = stdin_options.jsonl || (!name.empty() && kind_of(name) == InputKind::JsonLines);
      out.inputs.push_back({name.empty() ? "-" : name, lines ? InputKind::JsonLines : InputKind::Json, true, nullptr});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || status.type() == fs::file_type::not_found) {
      out.unmatched.push_back(argument + ": no such file or directory");
    } else if (status.type() == fs::file_type::directory) {
      const std::size_t before = out.inputs.size();
      const std::size_t problems_before = out.problems.size();
      collect_directory(argument, walk, out);
      // A folder that could not be read is a problem already, not also "no file".
      if (out.inputs.size() == before && out.problems.size() == problems_before) {
        out.unmatched.push_back(argument + ": no file to lint in this folder" +
                                (out.skipped.empty() ? std::string() : " (--verbose says what was skipped and why)"));
      }
    } else if (status.type() != fs::file_type::regular) {
      // Opening a FIFO or a device could block forever or read without end.
      out.problems.push_back(argument + ": not a regular file or directory");
    } else {
      out.inputs.push_back({argument, kind_of(argument), false, nullptr});
    }
  }
  std::stable_sort(out.skipped.begin(), out.skipped.end(),
                   [](const Skipped& a, const Skipped& b) { return path_order(a.path, b.path); });
  return out;
}

bool replace_stdin(const std::string& text) {
  std::FILE* file = std::tmpfile();  // removed when its last descriptor closes
  if (file == nullptr) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0 &&
                  ::lseek(fileno(file), 0, SEEK_SET) == 0 && ::dup2(fileno(file), STDIN_FILENO) >= 0;
  std::fclose(file);
  return ok;
}

int open_input(const Input& input, std::string& error) {
  if (input.is_stdin) return STDIN_FILENO;
  const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) error = input.path + ": cannot open: " + std::strerror(errno);
  return fd;
}

bool read_input(const Input& input, std::string& content, std::string& error) {
  if (input.prefetched) {  // the folder walk read it to choose it
    content = *input.prefetched;
    return true;
  }
  content.clear();
  const std::string name = input.is_stdin ? std::string("standard input") : input.path;
  const int fd = open_input(input, error);
  if (fd < 0) return false;
  // fstat on the open file, not a stat by path: the kernel has already looked it up.
  struct stat status {};
  std::optional<std::size_t> regular_size;
  if (!input.is_stdin && ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size > kMaxInputBytes) {
      ::close(fd);
      error = too_large(input.path);
      return false;
    }
    // An empty size may be a file that does not know its size (in /proc): read it to its end.
    if (size > 0) regular_size = size;
  }
  bool failed = false;
  const bool complete =
      regular_size ? read_sized(fd, *regular_size, content, failed) : read_bounded(fd, content, failed);
  const int read_errno = errno;
  if (!input.is_stdin) ::close(fd);
  if (failed) {
    error = name + ": read error: " + std::strerror(read_errno);
    content.clear();
    return false;
  }
  if (!complete) {
    error = too_large(name);
    content.clear();
    return false;
  }
  return true;
}

LineReader::LineReader(int fd, std::size_t buffer_bytes) : fd_(fd), buffer_(buffer_bytes) {}

bool LineReader::line_buffered() const noexcept {
  return begin_ < end_ && std::memchr(buffer_.data() + begin_, '\n', end_ - begin_) != nullptr;
}

LineReader::Status LineReader::next(std::string& out, std::size_t keep, Line& line) {
  line = {};
  bool any = false;
  while (true) {
    if (begin_ < end_) {
      any = true;
      const char* from = buffer_.data() + begin_;
      const auto* newline = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_));
      const std::size_t count = newline != nullptr ? static_cast<std::size_t>(newline - from) : end_ - begin_;
      const std::size_t kept = line.length < keep ? std::min(count, keep - line.length) : 0;
      out.append(from, kept);
      for (std::size_t i = kept; i < count && line.rest_is_blank; ++i) {
        line.rest_is_blank = from[i] == ' ' || from[i] == '\t' || from[i] == '\r';
      }
      line.length += count;
      begin_ += count;
      if (newline != nullptr) {
        ++begin_;
        return Status::Line;
      }
      if (line.length > kMaxInputBytes) return Status::TooLong;
    }
    if (eof_) return any ? Status::Line : Status::End;
    begin_ = end_ = 0;
    ssize_t got;
    do {
      got = ::read(fd_, buffer_.data(), buffer_.size());
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
      error_ = errno;
      return Status::Failed;
    }
    if (got == 0) eof_ = true;
    end_ = static_cast<std::size_t>(got);
  }
}

}  // namespace appflow_lint::cli
