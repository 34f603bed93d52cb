// lint_bench: throughput and latency of in-process linting over a JSON Lines corpus
// (see bench/gen_corpus.py and docs/benchmarks.md).
//
//   lint_bench CORPUS.jsonl [--threads N] [--latency-iters N] [--lint-only]
//   lint_bench CORPUS.jsonl --json [--latency-iters N] [--valid-line N] [--faulty-line N]
//
// --lint-only lints each request once and prints the counts: the mode to run under
// a profiler (valgrind --tool=callgrind, perf).
//
// --json is the mode bench/run_bench.py drives: one thread, and one JSON object on
// stdout with the counts, the throughput of lint_text over the whole corpus, the
// mean cost of a valid and of a faulty request, and the latency of one valid and
// one faulty request of about 1 KB (or of the lines given, 0-based, by
// --valid-line / --faulty-line), each repeated --latency-iters times.
//
// One `const Linter` is shared by every measurement and every thread. Times come
// from std::chrono::steady_clock; every throughput figure follows a warm-up pass.
// Throughput rows also give the CPU time the measuring threads were charged
// (CLOCK_THREAD_CPUTIME_ID): on a loaded machine wall time includes waiting for a
// core, CPU time does not (but in a VM, time the host steals still counts as CPU).
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <latch>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <time.h>  // clock_gettime(CLOCK_THREAD_CPUTIME_ID)

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "appflow_lint/appflow_lint.hpp"
#include "appflow_lint/nlohmann.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using appflow_lint::Linter;
using appflow_lint::LintResult;

struct Options {
  std::string corpus;
  unsigned threads = 2;
  std::size_t latency_iters = 20000;
  bool lint_only = false;
  bool json = false;
  std::size_t valid_line = SIZE_MAX;   // --json: the valid request to time, else the one closest to 1 KB
  std::size_t faulty_line = SIZE_MAX;  // --json: the faulty request to time, else the one closest to 1 KB
};

constexpr const char* kUsage =
    "usage: lint_bench CORPUS.jsonl [--threads N] [--latency-iters N] [--lint-only]\n"
    "       lint_bench CORPUS.jsonl --json [--latency-iters N] [--valid-line N] [--faulty-line N]\n";

[[noreturn]] void usage(const char* message) {
  fmt::print(stderr, "lint_bench: {}\n{}", message, kUsage);
  std::exit(2);
}

std::size_t parse_number(std::string_view text) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) usage("expected a number");
  return value;
}

std::size_t parse_count(std::string_view text) {
  const std::size_t value = parse_number(text);
  if (value == 0) usage("expected a positive number");
  return value;
}

Options parse_args(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if ((arg == "--threads" || arg == "--latency-iters") && i + 1 < argc) {
      std::size_t value = parse_count(argv[++i]);
      if (arg == "--threads")
        options.threads = static_cast<unsigned>(value);
      else
        options.latency_iters = value;
    } else if ((arg == "--valid-line" || arg == "--faulty-line") && i + 1 < argc) {
      const std::size_t value = parse_number(argv[++i]);
      if (arg == "--valid-line")
        options.valid_line = value;
      else
        options.faulty_line = value;
    } else if (arg == "--lint-only") {
      options.lint_only = true;
    } else if (arg == "--json") {
      options.json = true;
    } else if (arg == "-h" || arg == "--help") {
      fmt::print("{}", kUsage);
      std::exit(0);
    } else if (!arg.starts_with("-") && options.corpus.empty()) {
      options.corpus = std::string(arg);
    } else {
      usage(fmt::format("unexpected argument '{}'", arg).c_str());
    }
  }
  if (options.corpus.empty()) usage("no corpus given");
  if (options.json && options.lint_only) usage("--json and --lint-only exclude each other");
  return options;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) usage(fmt::format("cannot open '{}'", path).c_str());
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(std::move(line));
  }
  if (lines.empty()) usage("the corpus is empty");
  return lines;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Keeps the optimiser from dropping work whose result is otherwise unused.
std::atomic<std::size_t> g_sink{0};

std::size_t lint_range(const Linter& linter, const std::vector<std::string>& lines, std::size_t begin,
                       std::size_t end) {
  std::size_t diagnostics = 0;
  for (std::size_t i = begin; i < end; ++i) diagnostics += linter.lint_text(lines[i]).diagnostics.size();
  return diagnostics;
}

struct Throughput {
  double seconds = 0;      // wall
  double cpu_seconds = 0;  // summed over the measuring threads
  std::size_t requests = 0;
  std::size_t bytes = 0;
  double per_second() const { return static_cast<double>(requests) / seconds; }
  double mib_per_second() const { return static_cast<double>(bytes) / seconds / (1024.0 * 1024.0); }
  double micros_per_request() const { return seconds * 1e6 / static_cast<double>(requests); }
  double cpu_micros_per_request() const { return cpu_seconds * 1e6 / static_cast<double>(requests); }
};

// Runs `pass` once on this thread and times it.
template <typename Pass>
Throughput time_pass(std::size_t requests, std::size_t bytes, Pass pass) {
  const double cpu_start = thread_cpu_seconds();
  const auto start = Clock::now();
  g_sink += pass();
  const double wall = seconds_since(start);
  return {wall, thread_cpu_seconds() - cpu_start, requests, bytes};
}

// `threads` workers, each linting a contiguous slice; timed from the common start to the last join.
Throughput lint_throughput(const Linter& linter, const std::vector<std::string>& lines, std::size_t bytes,
                           unsigned threads) {
  std::latch ready(threads + 1);
  std::latch go(1);
  std::vector<std::thread> workers;
  std::vector<double> cpu(threads);
  const std::size_t n = lines.size();
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t begin = n * t / threads;
    const std::size_t end = n * (t + 1) / threads;
    workers.emplace_back([&, t, begin, end] {
      ready.count_down();
      go.wait();
      const double cpu_start = thread_cpu_seconds();
      g_sink += lint_range(linter, lines, begin, end);
      cpu[t] = thread_cpu_seconds() - cpu_start;
    });
  }
  ready.arrive_and_wait();
  const auto start = Clock::now();
  go.count_down();
  for (auto& worker : workers) worker.join();
  const double wall = seconds_since(start);
  double cpu_total = 0;
  for (double c : cpu) cpu_total += c;
  return {wall, cpu_total, n, bytes};
}

struct Latency {
  double median_us = 0;
  double p99_us = 0;
};

// Times `work` `iters` times, one clock pair per call, after iters/10 untimed calls.
Latency measure_latency(std::size_t iters, const std::function<std::size_t()>& work) {
  for (std::size_t i = 0; i < iters / 10 + 1; ++i) g_sink += work();
  std::vector<double> samples(iters);
  for (std::size_t i = 0; i < iters; ++i) {
    const auto start = Clock::now();
    g_sink += work();
    samples[i] = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  }
  auto at = [&](double q) {
    const auto k = static_cast<std::size_t>(q * static_cast<double>(iters - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(k), samples.end());
    return samples[k];
  };
  return {at(0.50), at(0.99)};
}

// The index of the line whose size is closest to `target` among those `wanted` accepts.
template <typename Pred>
std::size_t closest_to(const std::vector<std::string>& lines, std::size_t target, Pred wanted) {
  std::size_t best = lines.size();
  std::size_t best_distance = SIZE_MAX;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!wanted(i)) continue;
    const std::size_t size = lines[i].size();
    const std::size_t distance = size > target ? size - target : target - size;
    if (distance < best_distance) {
      best = i;
      best_distance = distance;
    }
  }
  return best;
}

struct Classified {
  std::vector<std::uint8_t> clean;      // no diagnostics at all
  std::vector<std::uint8_t> has_error;  // some diagnostic of severity error
  std::map<std::string, std::size_t> rule_counts;
  std::size_t n_clean = 0;
  std::size_t n_errors = 0;
};

nlohmann::json throughput_json(const Throughput& t) {
  return {{"seconds", t.seconds},
          {"cpu_seconds", t.cpu_seconds},
          {"requests", t.requests},
          {"bytes", t.bytes},
          {"requests_per_s", t.per_second()},
          {"mib_per_s", t.mib_per_second()},
          {"us_per_request", t.micros_per_request()},
          {"cpu_us_per_request", t.cpu_micros_per_request()}};
}

// --json: the figures bench/run_bench.py compares with ajv, all on this one thread.
int run_json(const Options& options, const Linter& linter, const std::vector<std::string>& lines, std::size_t bytes,
             const Classified& c) {
  nlohmann::json out;
  out["tool"] = "appflow-lint";
  out["version"] = appflow_lint::kVersion;
  out["corpus"] = options.corpus;
  out["requests"] = lines.size();
  out["bytes"] = bytes;
  out["clean"] = c.n_clean;
  out["with_error"] = c.n_errors;
  out["rules"] = c.rule_counts;

  // The classification pass in main() was the warm-up.
  out["lint_text"] = throughput_json(lint_throughput(linter, lines, bytes, 1));

  auto parse_pass = [&] {
    std::size_t members = 0;
    for (const auto& line : lines) members += nlohmann::json::parse(line).size();
    return members;
  };
  g_sink += parse_pass();
  out["parse_only"] = throughput_json(time_pass(lines.size(), bytes, parse_pass));

  // Mean cost by kind of request: each lint_text timed on its own, over the whole corpus.
  double valid_us = 0, faulty_us = 0;
  std::size_t n_valid = 0, n_faulty = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto start = Clock::now();
    g_sink += linter.lint_text(lines[i]).diagnostics.size();
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    if (c.clean[i]) {
      valid_us += us;
      ++n_valid;
    } else if (c.has_error[i]) {
      faulty_us += us;
      ++n_faulty;
    }
  }
  out["mean_us"] = {{"valid", n_valid ? valid_us / static_cast<double>(n_valid) : 0.0},
                    {"faulty", n_faulty ? faulty_us / static_cast<double>(n_faulty) : 0.0},
                    {"valid_requests", n_valid},
                    {"faulty_requests", n_faulty}};

  auto pick = [&](std::size_t given, const std::vector<std::uint8_t>& wanted, const char* what) {
    if (given != SIZE_MAX) {
      if (given >= lines.size()) usage(fmt::format("--{}-line {} is past the corpus", what, given).c_str());
      return given;
    }
    return closest_to(lines, 1024, [&](std::size_t i) { return wanted[i] != 0; });
  };
  nlohmann::json latency = nlohmann::json::object();
  auto measure = [&](const char* what, std::size_t index) {
    if (index >= lines.size()) return;
    const std::string& text = lines[index];
    const LintResult result = linter.lint_text(text);
    std::vector<std::string> rules;
    for (const auto& d : result.diagnostics) rules.push_back(d.rule);
    const Latency l =
        measure_latency(options.latency_iters, [&] { return linter.lint_text(text).diagnostics.size() + 1; });
    latency[what] = {
        {"line", index},      {"bytes", text.size()}, {"iters", options.latency_iters}, {"median_us", l.median_us},
        {"p99_us", l.p99_us}, {"diagnostics", rules}};
  };
  measure("valid", pick(options.valid_line, c.clean, "valid"));
  measure("faulty", pick(options.faulty_line, c.has_error, "faulty"));
  out["latency"] = latency;

  fmt::print("{}\n", out.dump());
  return g_sink.load() == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  const std::vector<std::string> lines = read_lines(options.corpus);
  std::size_t bytes = 0;
  for (const auto& line : lines) bytes += line.size();

  appflow_lint::LinterOptions linter_options;
  linter_options.operation = appflow_lint::Operation::UpdateConnectorProfile;
  const Linter linter{linter_options};

  // Pass 1, also the warm-up: classify every request.
  Classified classified;
  classified.clean.resize(lines.size());
  classified.has_error.resize(lines.size());
  auto& clean = classified.clean;
  std::vector<std::string> first_rule(lines.size());
  auto& rule_counts = classified.rule_counts;  // requests per rule id (a request counts once per rule)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LintResult result = linter.lint_text(lines[i]);
    clean[i] = result.diagnostics.empty();
    classified.has_error[i] = !result.ok();
    classified.n_clean += clean[i];
    classified.n_errors += !result.ok();
    std::vector<std::string> seen;
    for (const auto& d : result.diagnostics) {
      if (std::find(seen.begin(), seen.end(), d.rule) == seen.end()) seen.push_back(d.rule);
    }
    for (const auto& rule : seen) ++rule_counts[rule];
    if (!seen.empty()) first_rule[i] = result.diagnostics.front().rule;
  }
  if (options.json) return run_json(options, linter, lines, bytes, classified);
  const std::size_t n_clean = classified.n_clean;
  const std::size_t n_errors = classified.n_errors;

  const double n = static_cast<double>(lines.size());
  fmt::print("corpus: {}  ({} requests, mean {:.0f} bytes)\n", options.corpus, lines.size(),
             static_cast<double>(bytes) / n);
  fmt::print("  clean (no diagnostics): {:>7}  {:5.1f}%\n", n_clean, 100.0 * static_cast<double>(n_clean) / n);
  fmt::print("  with diagnostics:       {:>7}  {:5.1f}%   (with an error: {})\n", lines.size() - n_clean,
             100.0 * static_cast<double>(lines.size() - n_clean) / n, n_errors);
  for (const auto& [rule, count] : rule_counts) fmt::print("    {:<28} {:>7}\n", rule, count);
  if (options.lint_only) return 0;

  // Throughput. Each figure follows a warm-up pass of the same code.
  fmt::print("\nthroughput (whole corpus, after a warm-up pass)\n");
  fmt::print("  {:<44} {:>12} {:>9} {:>12} {:>12}\n", "", "requests/s", "MiB/s", "µs/request", "CPU µs/req");
  auto row = [](std::string_view label, const Throughput& t) {
    fmt::print("  {:<44} {:>12.0f} {:>9.1f} {:>12.2f} {:>12.2f}\n", label, t.per_second(), t.mib_per_second(),
               t.micros_per_request(), t.cpu_micros_per_request());
  };

  auto parse_pass = [&] {
    std::size_t members = 0;
    for (const auto& line : lines) members += nlohmann::json::parse(line).size();
    return members;
  };
  g_sink += parse_pass();
  row("nlohmann::json::parse only (baseline)", time_pass(lines.size(), bytes, parse_pass));

  const Throughput lint_1 = lint_throughput(linter, lines, bytes, 1);  // pass 1 above was the warm-up
  row("lint_text, 1 thread", lint_1);

  {
    std::vector<nlohmann::json> parsed;
    parsed.reserve(lines.size());
    for (const auto& line : lines) parsed.push_back(nlohmann::json::parse(line));
    auto json_pass = [&] {
      std::size_t diagnostics = 0;
      for (const auto& value : parsed) diagnostics += appflow_lint::lint_json(linter, value).diagnostics.size();
      return diagnostics;
    };
    g_sink += json_pass();
    row("lint_json on pre-parsed values, 1 thread", time_pass(lines.size(), bytes, json_pass));
  }

  if (options.threads > 1) {
    g_sink += lint_throughput(linter, lines, bytes, options.threads).requests;  // warm-up
    const Throughput lint_n = lint_throughput(linter, lines, bytes, options.threads);
    row(fmt::format("lint_text, {} threads, one shared Linter", options.threads), lint_n);
    fmt::print("  {:<44} {:>11.2f}x  (hardware threads: {})\n", "  scaling vs 1 thread",
               lint_n.per_second() / lint_1.per_second(), std::thread::hardware_concurrency());
  }

  // Latency of single requests, each repeated.
  fmt::print("\nlatency (one request repeated {} times; µs)\n", options.latency_iters);
  fmt::print("  {:<54} {:>6} {:>9} {:>9}\n", "", "bytes", "median", "p99");
  auto latency_row = [&](std::string_view label, std::size_t index, std::size_t iters,
                         const std::function<std::size_t()>& work) {
    const Latency l = measure_latency(iters, work);
    fmt::print("  {:<54} {:>6} {:>9.2f} {:>9.2f}\n", label, lines[index].size(), l.median_us, l.p99_us);
  };

  const std::size_t typical = closest_to(lines, 1024, [&](std::size_t i) { return clean[i] != 0; });
  if (typical < lines.size()) {
    const std::string& text = lines[typical];
    const nlohmann::json value = nlohmann::json::parse(text);
    latency_row("valid ~1 KB: nlohmann::json::parse only", typical, options.latency_iters,
                [&] { return nlohmann::json::parse(text).size(); });
    latency_row("valid ~1 KB: lint_json (pre-parsed)", typical, options.latency_iters,
                [&] { return appflow_lint::lint_json(linter, value).diagnostics.size() + 1; });
    latency_row("valid ~1 KB: lint_text", typical, options.latency_iters,
                [&] { return linter.lint_text(text).diagnostics.size() + 1; });
  }
  // One faulty request per rule that a request reports first, each close to 1 KB.
  const std::size_t faulty_iters = std::max<std::size_t>(options.latency_iters / 4, 100);
  for (const auto& [rule, count] : rule_counts) {
    const std::size_t index = closest_to(lines, 1024, [&](std::size_t i) { return first_rule[i] == rule; });
    if (index >= lines.size()) continue;
    const std::string& text = lines[index];
    latency_row(fmt::format("faulty ({}): lint_text", rule), index, faulty_iters,
                [&] { return linter.lint_text(text).diagnostics.size(); });
  }

  return g_sink.load() == 0 ? 1 : 0;
}
