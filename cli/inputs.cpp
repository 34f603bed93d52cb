#include "inputs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

namespace appflow_lint::cli {
namespace fs = std::filesystem;
namespace {

bool has_extension(const fs::path& path, std::initializer_list<std::string_view> extensions) {
  const std::string extension = path.extension().string();
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view wanted) { return extension == wanted; });
}

InputKind kind_of(const fs::path& path) {
  return has_extension(path, {".jsonl", ".ndjson"}) ? InputKind::JsonLines : InputKind::Json;
}

// Walks `root` without following links to folders (no loops). A folder that cannot be
// read, a dangling link or a link loop is a problem, never a silent skip: a CI run
// must not pass on files it did not lint.
void collect_directory(const fs::path& root, CollectedInputs& out) {
  std::vector<fs::path> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path folder = pending.back();
    pending.pop_back();
    std::error_code error;
    fs::directory_iterator it(folder, error);
    if (error) {
      out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(error)) {
      if (error) {
        out.problems.push_back(folder.string() + ": cannot read directory: " + error.message());
        break;
      }
      const fs::path& path = it->path();
      if (path.filename().string().starts_with(".")) continue;
      // The listing's own file types (d_type) answer for most entries: only a symbolic
      // link (or a filesystem that gives no type) costs a stat.
      std::error_code link_error;
      const bool link = it->is_symlink(link_error);
      fs::file_type target = fs::file_type::none;
      if (link) {
        target = fs::status(path, link_error).type();
        if (link_error || target == fs::file_type::not_found) {
          out.problems.push_back(path.string() + ": broken symbolic link" +
                                 (link_error ? " (" + link_error.message() + ")" : std::string()));
          continue;
        }
      } else {
        target = it->is_directory(link_error)      ? fs::file_type::directory
                 : it->is_regular_file(link_error) ? fs::file_type::regular
                                                   : fs::file_type::unknown;
      }
      if (target == fs::file_type::directory) {
        if (!link) pending.push_back(path);
        continue;
      }
      if (has_extension(path, {".json", ".jsonl", ".ndjson"})) {
        if (target == fs::file_type::regular) {
          found.push_back(path);
        } else {
          out.problems.push_back(path.string() + ": not a regular file");
        }
      }
    }
  }
  // The order of std::filesystem::path (component by component), at the cost of one
  // string comparison: a separator sorts before every other character.
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    const auto key = [](char c) { return c == fs::path::preferred_separator ? '\0' : c; };
    const std::string& x = a.native();
    const std::string& y = b.native();
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), [&](char p, char q) {
      return static_cast<unsigned char>(key(p)) < static_cast<unsigned char>(key(q));
    });
  });
  for (const auto& path : found) out.inputs.push_back({path.string(), kind_of(path), false});
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

std::string too_large(const std::string& path) {
  return path + ": larger than " + std::to_string(kMaxInputBytes >> 20) +
         " MiB, the most one input may hold; split it (JSON Lines files line by line)";
}

}  // namespace

CollectedInputs collect_inputs(const std::vector<std::string>& paths, const StdinOptions& stdin_options) {
  CollectedInputs out;
  for (const auto& argument : paths) {
    if (argument == "-") {
      const std::string& name = stdin_options.filename;
      const bool lines = stdin_options.jsonl || (!name.empty() && kind_of(name) == InputKind::JsonLines);
      out.inputs.push_back({name.empty() ? "-" : name, lines ? InputKind::JsonLines : InputKind::Json, true});
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || status.type() == fs::file_type::not_found) {
      out.problems.push_back(argument + ": no such file or directory");
    } else if (status.type() == fs::file_type::directory) {
      collect_directory(argument, out);
    } else if (status.type() != fs::file_type::regular) {
      // Opening a FIFO or a device could block forever or read without end.
      out.problems.push_back(argument + ": not a regular file or directory");
    } else {
      out.inputs.push_back({argument, kind_of(argument), false});
    }
  }
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
  content.clear();
  const std::string name = input.is_stdin ? std::string("standard input") : input.path;
  const int fd = open_input(input, error);
  if (fd < 0) return false;
  // fstat on the open file, not a stat by path: the kernel has already looked it up.
  struct stat status {};
  if (!input.is_stdin && ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode)) {
    const auto size = static_cast<std::size_t>(status.st_size);
    if (size > kMaxInputBytes) {
      ::close(fd);
      error = too_large(input.path);
      return false;
    }
    content.reserve(size);  // one allocation of the right size, not doublings
  }
  bool failed = false;
  const bool complete = read_bounded(fd, content, failed);
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
