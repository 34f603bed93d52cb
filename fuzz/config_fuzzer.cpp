// The configuration parser (cli/config.cpp) on arbitrary file contents, then the
// settings lookups it serves. Checks: no crash, leak, UB or timeout; an error is
// always a message.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "common.hpp"
#include "config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Config::load reads a file: give it one (per process, rewritten each run).
  static const std::string path = [] {
    char name[] = "/tmp/appflow-config-fuzz-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) appflow_fuzz::fail("mkstemp", name);
    close(fd);
    return std::string(name);
  }();
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) appflow_fuzz::fail("cannot write", path);
  if (size > 0) std::fwrite(data, 1, size, file);
  std::fclose(file);

  appflow_lint::cli::Config config;
  std::string error;
  if (!config.load(path, error)) {
    if (error.empty()) appflow_fuzz::fail("load failed without a message", "");
    return 0;
  }
  for (const char* input : {"a.json", "create/x.json", "fixtures/deep/y.jsonl", "-", "/abs/z.json"}) {
    (void)config.ignored(input);
    (void)config.settings_for(input, std::nullopt);
    (void)config.settings_for(input, appflow_lint::Operation::CreateConnectorProfile);
  }
  // The same bytes as a --rule argument.
  appflow_lint::cli::Config rules;
  (void)rules.add_command_line_rule(std::string(reinterpret_cast<const char*>(data), size), error);
  return 0;
}
