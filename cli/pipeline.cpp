#include "pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "appflow_lint/diagnostic/printable.hpp"
#include "appflow_lint/linter_impl.hpp"
#include "appflow_lint/run_checks.hpp"
#include "lint_inputs.hpp"
#include "rule_statistics.hpp"

namespace appflow_lint::cli {
namespace {

// A batch closes at this many bytes of lines or this many lines, whichever comes
// first: small enough that a batch of lines that are all faults stays a few MB of
// results, large enough that handing it on costs little in comparison. At 32 KB and
// 128 lines, the thread wake-ups of a 300,000-line file took a tenth of `--jobs 2`'s
// time (docs/benchmarks.md, 2026-12-07).
constexpr std::size_t kBatchBytes = std::size_t{128} << 10;
constexpr std::size_t kBatchDocuments = 512;
// The reader's buffer for JSON Lines: what one input costs besides its batches.
constexpr std::size_t kReadBufferBytes = std::size_t{256} << 10;
// What may be in flight (read, being linted, or waiting to be reported): documents, as
// many as 2 full batches per worker and 2 more (whose results are what memory holds),
// and bytes of text. One batch is always let in, however large (a 60 MB document).
// Many small files are as many batches of one document: the reader runs well ahead.
constexpr std::size_t kBatchesPerWorker = 2;
constexpr std::size_t kInFlightBytes = std::size_t{16} << 20;
// How long the reporter waits for the next batch before it flushes what it has written:
// output keeps up with slow input (a pipe) without a write per document of a busy run.
constexpr std::chrono::milliseconds kStall{10};

struct Document {
  std::optional<std::size_t> index;  // the line of a JSON Lines document
  std::size_t offset = 0;            // in the batch's text
  std::size_t length = 0;
  std::uint32_t line_offset = 0;
  LintResult result;
  RequestFingerprint fingerprint;
  // The writer's text for it, rendered by the worker (formatting is most of what a
  // clean-or-faulty document costs after linting, and it parallelises).
  std::optional<std::string> rendered;
};

struct Batch {
  std::size_t input = 0;  // in the planned inputs
  bool opens = false;     // the input's first batch: the file is reported from here on
  bool closes = false;    // its last
  bool unread = false;    // a JSON document the worker reads first
  std::size_t bytes = 0;  // counted in flight
  std::size_t counted_documents = 0;
  std::string text;
  std::vector<Document> documents;
  std::vector<std::string> problems;  // found while reading it
  std::exception_ptr failure;         // a defect in a worker, rethrown where it is reported
  bool done = false;                  // linted (under the queue's mutex)
};

// The batches in flight, in input order, and the workers' queue.
class Queue {
 public:
  explicit Queue(unsigned jobs) : max_documents_((kBatchesPerWorker * jobs + 2) * kBatchDocuments) {}

  // The reader: waits until `bytes` and `documents` more may be in flight.
  void reserve(std::size_t bytes, std::size_t documents) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] {
      return in_flight_.empty() ||
             (in_flight_documents_ + documents <= max_documents_ && in_flight_bytes_ + bytes <= kInFlightBytes);
    });
  }

  // `bytes`: what the batch will hold, when it is not read yet.
  void submit(std::unique_ptr<Batch> batch, std::size_t bytes = 0) {
    std::lock_guard lock(mutex_);
    batch->bytes = std::max(bytes, batch->text.capacity());
    in_flight_bytes_ += batch->bytes;
    batch->counted_documents = std::max<std::size_t>(batch->documents.size(), 1);
    in_flight_documents_ += batch->counted_documents;
    todo_.push_back(batch.get());
    in_flight_.push_back(std::move(batch));
    work_.notify_one();
  }

  void close_input(std::exception_ptr failure = nullptr) {
    std::lock_guard lock(mutex_);
    reading_done_ = true;
    reader_failure_ = failure;
    work_.notify_all();
    done_.notify_all();
  }

  // A worker: the next batch to lint, nullptr when there will be none.
  Batch* take_work() {
    std::unique_lock lock(mutex_);
    work_.wait(lock, [&] { return !todo_.empty() || reading_done_; });
    if (todo_.empty()) return nullptr;
    Batch* batch = todo_.front();
    todo_.pop_front();
    return batch;
  }

  void finished(Batch* batch) {
    std::lock_guard lock(mutex_);
    batch->done = true;
    if (batch == in_flight_.front().get()) done_.notify_one();
  }

  // The reporter: the next batch in input order once it is linted; nullptr at the end.
  // `on_stall` runs (unlocked) when that batch has kept it waiting for kStall.
  std::unique_ptr<Batch> next_done(const std::function<void()>& on_stall) {
    std::unique_lock lock(mutex_);
    const auto ready = [&] {
      return (!in_flight_.empty() && in_flight_.front()->done) || (reading_done_ && in_flight_.empty());
    };
    if (!done_.wait_for(lock, kStall, ready)) {
      lock.unlock();
      on_stall();
      lock.lock();
      done_.wait(lock, ready);
    }
    if (in_flight_.empty()) {
      if (reader_failure_) std::rethrow_exception(reader_failure_);
      return nullptr;
    }
    std::unique_ptr<Batch> batch = std::move(in_flight_.front());
    in_flight_.pop_front();
    in_flight_bytes_ -= batch->bytes;
    in_flight_documents_ -= batch->counted_documents;
    space_.notify_one();
    return batch;
  }

 private:
  std::mutex mutex_;
  std::condition_variable space_;
  std::condition_variable work_;
  std::condition_variable done_;
  std::deque<std::unique_ptr<Batch>> in_flight_;
  std::deque<Batch*> todo_;
  std::size_t in_flight_bytes_ = 0;
  std::size_t in_flight_documents_ = 0;
  std::size_t max_documents_;
  bool reading_done_ = false;
  std::exception_ptr reader_failure_;
};

// --- reading -------------------------------------------------------------------------

std::string too_long_line(const std::string& name, std::size_t line) {
  return fmt::format("{}: line {} is longer than {} MiB, the most one input may hold; the rest of it is not read", name,
                     line + 1, kMaxInputBytes >> 20);
}

void read_json_lines(Queue& queue, std::size_t index, const PlannedInput& planned) {
  const Input& input = planned.input;
  const std::string name = input.is_stdin ? std::string("standard input") : input.path;
  std::string error;
  const int fd = open_input(input, error);
  queue.reserve(kBatchBytes, kBatchDocuments);
  auto batch = std::make_unique<Batch>();
  batch->input = index;
  if (fd < 0) {
    batch->problems.push_back(std::move(error));
    queue.submit(std::move(batch));
    return;
  }
  batch->opens = true;
  LineReader reader(fd, kReadBufferBytes);
  std::size_t line_number = 0;
  const auto dispatch = [&] {
    queue.submit(std::move(batch));
    queue.reserve(kBatchBytes, kBatchDocuments);
    batch = std::make_unique<Batch>();
    batch->input = index;
  };
  while (true) {
    // About to wait for more input (a pipe): report what is read so far first.
    if (!batch->documents.empty() && !reader.line_buffered()) dispatch();
    const std::size_t offset = batch->text.size();
    LineReader::Line line;
    const LineReader::Status status = reader.next(batch->text, kKeptLineBytes, line);
    if (status == LineReader::Status::End) break;
    if (status == LineReader::Status::Failed) {
      batch->text.resize(offset);
      batch->problems.push_back(name + ": read error: " + std::strerror(reader.error()));
      break;
    }
    std::string_view text = std::string_view(batch->text).substr(offset);
    if (line.length == text.size() && !text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (is_blank(text) && line.rest_is_blank) {
      batch->text.resize(offset);
    } else {
      batch->documents.push_back(
          {line_number, offset, text.size(), static_cast<std::uint32_t>(line_number), {}, {}, {}});
    }
    if (status == LineReader::Status::TooLong) {
      batch->problems.push_back(too_long_line(name, line_number));
      break;
    }
    ++line_number;
    if (batch->text.size() >= kBatchBytes || batch->documents.size() >= kBatchDocuments) dispatch();
  }
  if (!input.is_stdin) ::close(fd);
  batch->closes = true;
  queue.submit(std::move(batch));
}

// The worker reads the document (files are read in parallel too); the reader only
// waits until its size may be in flight.
void read_json(Queue& queue, std::size_t index, const PlannedInput& planned) {
  std::error_code size_error;
  const Input& input = planned.input;
  // A text the folder walk kept has its size: no stat of the file.
  const std::size_t size = input.prefetched ? input.prefetched->size()
                           : input.is_stdin ? 0
                                            : std::filesystem::file_size(input.path, size_error);
  queue.reserve(size_error ? 0 : size, 1);
  auto batch = std::make_unique<Batch>();
  batch->input = index;
  batch->unread = true;
  queue.submit(std::move(batch), size_error ? 0 : size);
}

void read_document(Batch& batch, const PlannedInput& planned) {
  batch.unread = false;
  std::string error;
  if (read_input(planned.input, batch.text, error)) {
    batch.opens = batch.closes = true;
    batch.documents.push_back({std::nullopt, 0, batch.text.size(), 0, {}, {}, {}});
  } else {
    batch.problems.push_back(std::move(error));
    batch.text = std::string();
  }
}

void read_all(Queue& queue, const std::vector<PlannedInput>& inputs) {
  try {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (inputs[i].input.kind == InputKind::JsonLines) {
        read_json_lines(queue, i, inputs[i]);
      } else {
        read_json(queue, i, inputs[i]);
      }
    }
    queue.close_input();
  } catch (...) {
    queue.close_input(std::current_exception());
  }
}

// --- linting -------------------------------------------------------------------------

void keep_errors_only(LintResult& result) {
  std::erase_if(result.diagnostics, [](const Diagnostic& d) { return d.severity != Severity::Error; });
}

void lint_batch(Batch& batch, const PlannedInput& planned, bool quiet, const format::ReportWriter& writer) {
  const bool lines = planned.input.kind == InputKind::JsonLines;
  const format::FileHeader header{planned.input.path, planned.linter->operation()};
  for (auto& document : batch.documents) {
    const std::string_view text = std::string_view(batch.text).substr(document.offset, document.length);
    document.result = planned.linter->impl().lint_text(text, &document.fingerprint);
    if (lines) move_to_file_lines(document.result, document.line_offset);
    apply_rule_severities(document.result, planned.severities);
    if (quiet) keep_errors_only(document.result);
    document.rendered = writer.render_document(header, {document.index, document.result, text, document.line_offset});
  }
}

void work(Queue& queue, const std::vector<PlannedInput>& inputs, bool quiet, const format::ReportWriter& writer) {
  while (Batch* batch = queue.take_work()) {
    try {
      if (batch->unread) read_document(*batch, inputs[batch->input]);
      lint_batch(*batch, inputs[batch->input], quiet, writer);
    } catch (...) {
      batch->failure = std::current_exception();
    }
    queue.finished(batch);
  }
}

// --- reporting -----------------------------------------------------------------------

// Output is flushed when the reporter has waited kStall for the next batch (so what is
// known is on screen while input is still coming) and at the end, not after every
// document: a write per file was a tenth of a 2,000-file run.
void write_out(std::FILE* stream, std::string& text) {
  if (text.empty()) return;
  std::fwrite(text.data(), 1, text.size(), stream);
  text.clear();
}

class Reporter {
 public:
  Reporter(const std::vector<PlannedInput>& inputs, const PipelineOptions& options, format::ReportWriter& writer,
           PipelineOutcome& outcome)
      : inputs_(inputs), options_(options), writer_(writer), outcome_(outcome) {}

  void report(Batch& batch) {
    if (batch.failure) std::rethrow_exception(batch.failure);
    const PlannedInput& planned = inputs_[batch.input];
    const format::FileHeader header{planned.input.path, planned.linter->operation()};
    if (batch.opens) {
      source_ = checks_.add_source(planned.input.path);
      ++outcome_.summary.files;
      writer_.begin_file(header);
    }
    for (auto& document : batch.documents) {
      const std::string_view text = std::string_view(batch.text).substr(document.offset, document.length);
      if (auto found = checks_.check(source_, document.index, text, document.line_offset, document.fingerprint)) {
        LintResult reuse;
        reuse.diagnostics.push_back(std::move(*found));
        apply_rule_severities(reuse, planned.severities);
        if (options_.quiet) keep_errors_only(reuse);
        for (auto& diagnostic : reuse.diagnostics) insert_in_order(document.result.diagnostics, std::move(diagnostic));
        document.rendered.reset();  // rendered without the diagnostic just added
      }
      if (options_.suppress) suppress(planned, document);
      count(document.result);
      const format::DocumentView view{document.index, document.result, text, document.line_offset};
      if (document.rendered) {
        writer_.document_rendered(header, view, *document.rendered);
      } else {
        writer_.document(header, view);
      }
      for (const auto& note : document.result.notes) {
        outcome_.notes = true;
        std::fflush(options_.report);
        const std::string message = printable(planned.input.path + ": " + note);
        fmt::print(stderr, "appflow-lint: {}\n", message);
        writer_.problem(message);
      }
    }
    if (batch.closes) writer_.end_file(header);
    write_out(options_.report, writer_.output());
    for (auto& problem : batch.problems) {
      writer_.problem(printable(problem));
      outcome_.problems.push_back(std::move(problem));
    }
  }

  void finish() {
    outcome_.summary.fixed = options_.fixed;
    if (options_.statistics) outcome_.summary.statistics = statistics_.rows();
    if (options_.suppress) outcome_.summary.suppressed = outcome_.summary.suppressed.value_or(0);
    if (options_.configuration_notes) outcome_.summary.configuration_notes = options_.configuration_notes();
    writer_.finish(outcome_.summary);
    write_out(options_.report, writer_.output());
    std::fflush(options_.report);
  }

 private:
  void suppress(const PlannedInput& planned, Document& document) {
    const std::size_t dropped = options_.suppress(planned, document.index, document.result);
    if (dropped > 0) document.rendered.reset();  // rendered with what was dropped
    outcome_.summary.suppressed = outcome_.summary.suppressed.value_or(0) + dropped;
  }

  void count(const LintResult& result) {
    auto& summary = outcome_.summary;
    ++summary.documents;
    summary.errors += result.count(Severity::Error);
    summary.warnings += result.count(Severity::Warning);
    summary.infos += result.count(Severity::Info);
    if (options_.statistics) statistics_.add(result);
  }

  const std::vector<PlannedInput>& inputs_;
  const PipelineOptions& options_;
  format::ReportWriter& writer_;
  PipelineOutcome& outcome_;
  CrossDocumentChecks checks_;
  RuleStatistics statistics_;
  std::uint32_t source_ = 0;
};

// A defect, not bad input. The reader may be waiting on a pipe that never ends: leave
// without joining it.
[[noreturn]] void internal_error(const std::exception& error) {
  std::fflush(stdout);
  fmt::print(stderr, "appflow-lint: internal error: {}\n", error.what());
  std::fflush(stderr);
  std::_Exit(2);
}

// One thread's worth of whole JSON documents (one input, or --jobs 1 without JSON
// Lines) is linted on this thread: starting the reader and a worker costs more than
// linting a small file (about 2 ms on a 2-core VM), and without JSON Lines nothing
// needs reading ahead. The output is the same either way.
bool runs_inline(const std::vector<PlannedInput>& inputs, unsigned jobs) {
  const bool documents_only = std::all_of(inputs.begin(), inputs.end(), [](const PlannedInput& planned) {
    return planned.input.kind != InputKind::JsonLines;
  });
  return documents_only && (jobs == 1 || inputs.size() <= 1);
}

}  // namespace

PipelineOutcome run_pipeline(const std::vector<PlannedInput>& inputs, const PipelineOptions& options,
                             format::ReportWriter& writer) {
  PipelineOutcome outcome;
  writer.set_sink([stream = options.report](std::string& text) { write_out(stream, text); });
  Reporter reporter(inputs, options, writer, outcome);
  const unsigned jobs = options.jobs == 0 ? 1 : options.jobs;
  if (runs_inline(inputs, jobs)) {
    try {
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        Batch batch;
        batch.input = i;
        read_document(batch, inputs[i]);
        lint_batch(batch, inputs[i], options.quiet, writer);
        reporter.report(batch);
      }
    } catch (const std::exception& error) {
      internal_error(error);
    }
    reporter.finish();
    return outcome;
  }
  Queue queue(jobs);
  std::vector<std::thread> threads;
  try {
    threads.emplace_back(read_all, std::ref(queue), std::cref(inputs));
    for (unsigned i = 0; i < jobs; ++i)
      threads.emplace_back(work, std::ref(queue), std::cref(inputs), options.quiet, std::cref(writer));
    const auto flush = [stream = options.report] { std::fflush(stream); };
    while (std::unique_ptr<Batch> batch = queue.next_done(flush)) reporter.report(*batch);
  } catch (const std::exception& error) {
    internal_error(error);
  }
  for (auto& thread : threads) thread.join();
  reporter.finish();
  return outcome;
}

}  // namespace appflow_lint::cli
