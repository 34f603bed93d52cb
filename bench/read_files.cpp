// The floor under a folder run's --jobs speed-up: how long the kernel takes to open,
// stat, read and close every file of a folder, on one thread and on several. The CLI
// does exactly this once per file (cli/inputs.cpp); when more threads do not make it
// faster, that part of a run does not scale either, whatever the linter does.
//
//   read_files FOLDER [--threads N] [--rounds R]
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace {

// Reads every file once, spread over `threads` threads; the bytes read, so that the
// work cannot be optimised away.
std::size_t read_all(const std::vector<std::string>& paths, unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> bytes{0};
  const auto run = [&] {
    std::string content;
    std::size_t mine = 0;
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      const int fd = ::open(paths[i].c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      struct stat status {};
      if (::fstat(fd, &status) == 0) {
        content.resize(static_cast<std::size_t>(status.st_size));
        const ssize_t got = ::read(fd, content.data(), content.size());
        if (got > 0) mine += static_cast<std::size_t>(got);
      }
      ::close(fd);
    }
    bytes += mine;
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(run);
  run();
  for (auto& helper : helpers) helper.join();
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: read_files FOLDER [--threads N] [--rounds R]\n");
    return 2;
  }
  unsigned threads = 2;
  int rounds = 20;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string_view option = argv[i];
    if (option == "--threads") threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
    if (option == "--rounds") rounds = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  read_all(paths, 1);  // into the page cache, as a run after the first finds them
  fmt::print("{} files; best of {} rounds each, the thread counts taking turns\n", paths.size(), rounds);
  std::vector<double> best(threads + 1, 1e9);
  for (int round = 0; round < rounds; ++round) {
    for (unsigned t : {1U, threads}) {
      const auto start = std::chrono::steady_clock::now();
      read_all(paths, t);
      const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
      best[t] = std::min(best[t], took.count());
    }
  }
  for (unsigned t : {1U, threads}) {
    fmt::print("  {} thread{}: {:.2f} ms ({:.2f} us a file), {:.2f}x\n", t, t == 1 ? " " : "s", best[t],
               1000 * best[t] / static_cast<double>(std::max<std::size_t>(paths.size(), 1)), best[1] / best[t]);
    if (threads == 1) break;
  }
  return 0;
}
