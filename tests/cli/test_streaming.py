#!/usr/bin/env python3
"""Streaming, bounded memory and --jobs (docs/cli.md, "Streaming and memory").

Usage: test_streaming.py PATH/TO/appflow-lint [unittest options]

- a JSON Lines file far larger than the memory bound is linted within it;
- output appears before standard input ends;
- -j1 and -j4 print the same bytes and exit with the same status, in every format;
- the streamed JSON is still one object with a correct summary;
- idempotency.token-reused still finds reuse across lines and files.

Standard library only; the helpers and the contract's shape checks come from test_cli.py.
"""

import json
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request  # noqa: E402

FORMATS = ("text", "json", "sarif", "gcc", "github")

# The bound docs/cli.md promises for JSON Lines, whatever the size of the file.
RSS_LIMIT_MB = 64
# Far larger than the bound (the whole file held in memory could not fit under it).
BIG_JSONL_MB = int(os.environ.get("APPFLOW_LINT_BIG_JSONL_MB", "200"))


def request_line(i, fault=None, token=None):
    request = clean_request(f"acme-salesforce-{i}")
    if token is not None:
        request["clientToken"] = token
    if fault == "pattern":
        request["connectorProfileName"] = f"acme salesforce {i}"
    elif fault == "enum":
        request["connectionMode"] = "public"
    elif fault == "unknown":
        request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceURL"] = "x"
    elif fault == "syntax":
        return '{"connectorProfileName": "acme", "connectionMode": '
    return json.dumps(request)


def faulty_jsonl(count, blank_every=37):
    """Valid and faulty requests, blank lines, CRLF line ends and reused tokens."""
    faults = (None, None, "pattern", None, "enum", None, "unknown", None, None, "syntax")
    lines = []
    for i in range(count):
        if i % blank_every == blank_every - 1:
            lines.append("  ")
            continue
        token = f"sync-{i % 13}" if i % 5 == 0 else None
        end = "\r\n" if i % 17 == 0 else "\n"
        lines.append(request_line(i, faults[i % len(faults)], token) + end)
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def watch_peak_rss(pid, peak_kb):
    """Polls /proc/PID/status for VmHWM every 10 ms until the process is gone."""
    while True:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
            # A zombie has no memory map (no VmHWM line) and is done too.
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except (FileNotFoundError, ProcessLookupError):
            return
        time.sleep(0.01)


class StreamingTestCase(CliTestCase):
    def run_raw(self, *args, stdin=b"", timeout=300):
        completed = subprocess.run([test_cli.BINARY, *args], input=stdin, capture_output=True, timeout=timeout,
                                   cwd=self.dir)
        self.assertGreaterEqual(completed.returncode, 0, f"killed by signal {-completed.returncode}")
        self.assertNotIn(b"internal error", completed.stderr)
        return completed


class MemoryBoundTest(StreamingTestCase):
    def test_large_json_lines_file_in_bounded_memory(self):
        # Under AddressSanitizer the process's RSS is mostly shadow memory and the
        # freed-memory quarantine: the bound is the plain build's to show.
        if b"__asan_init" in Path(test_cli.BINARY).read_bytes():
            self.skipTest("peak RSS is not the program's own under AddressSanitizer (the plain build checks it)")
        path = self.dir / "big.jsonl"
        target = BIG_JSONL_MB << 20
        # A block of 1,000 lines (4% faulty, some reusing tokens), repeated with new names.
        block = []
        for i in range(1000):
            fault = ("pattern", "enum", "unknown", "syntax")[i % 4] if i % 25 == 0 else None
            block.append(request_line(i, fault, token=f"sync-{i}" if i % 50 == 0 else None))
        written = lines = expected_faulty = 0
        with open(path, "w", encoding="utf-8") as out:
            round_ = 0
            while written < target:
                # Every name (the faulty ones too) changes from round to round.
                text = "\n".join(line.replace('"acme', f'"r{round_}acme') for line in block) + "\n"
                out.write(text)
                written += len(text)
                lines += len(block)
                expected_faulty += 40
                round_ += 1
        started = time.monotonic()
        with open(self.dir / "stderr", "wb") as errors:
            process = subprocess.Popen([test_cli.BINARY, "--format", "json", str(path)], stdout=subprocess.PIPE,
                                       stderr=errors, cwd=self.dir)
            # The child's own peak: VmHWM of its memory map, read until it exits (the map's
            # high-water mark only grows). Not wait4's ru_maxrss: a forked child starts
            # from this Python process's RSS, so that figure would be the test's, not ours.
            peak_kb = [0]
            watcher = threading.Thread(target=watch_peak_rss, args=(process.pid, peak_kb))
            watcher.start()
            stdout = process.stdout.read()  # consumed as it comes: the pipe never holds it all
            process.stdout.close()
            process.wait()
            watcher.join()
        stderr = (self.dir / "stderr").read_bytes()
        seconds = time.monotonic() - started
        self.assertGreater(peak_kb[0], 0, "the child's VmHWM was never read")
        peak_mb = peak_kb[0] / 1024
        print(f"\n  {written / 2**20:.0f} MB, {lines} lines: {seconds:.1f} s, peak RSS {peak_mb:.1f} MB",
              file=sys.stderr)
        self.assertEqual(process.returncode, 1, stderr.decode(errors="replace")[:2000])
        self.assertLess(peak_mb, RSS_LIMIT_MB, f"peak RSS {peak_mb:.1f} MB for a {written >> 20} MB file")
        report = json.loads(stdout)
        self.assertEqual(report["summary"]["documents"], lines)
        faulty = {d["document"] for d in report["files"][0]["diagnostics"]
                  if d["severity"] == "error" and d["rule"] != "idempotency.token-reused"}
        self.assertEqual(len(faulty), expected_faulty)
        reused = [d for d in report["files"][0]["diagnostics"] if d["rule"] == "idempotency.token-reused"]
        # Every block after the first reuses the first block's 20 tokens for other requests.
        self.assertEqual(len(reused), 20 * (round_ - 1))


class OutputBeforeInputEndsTest(StreamingTestCase):
    def first_diagnostic_before_eof(self, fmt, marker):
        process = subprocess.Popen([test_cli.BINARY, "--jsonl", "--format", fmt, "-"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.dir)
        try:
            process.stdin.write((request_line(1) + "\n" + request_line(2, "pattern") + "\n").encode())
            process.stdin.flush()
            seen = b""
            deadline = time.monotonic() + 60
            while marker not in seen:
                remaining = deadline - time.monotonic()
                self.assertGreater(remaining, 0, f"--format {fmt}: no diagnostic before the end of input: {seen!r}")
                ready, _, _ = select.select([process.stdout], [], [], remaining)
                if ready:
                    chunk = os.read(process.stdout.fileno(), 65536)
                    self.assertTrue(chunk, f"--format {fmt}: stdout closed before the end of input")
                    seen += chunk
            self.assertIsNone(process.poll(), "the process ended before its input did")
            process.stdin.write((request_line(3) + "\n").encode())
            process.stdin.close()
            rest = process.stdout.read()
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
            process.stderr.close()
        self.assertEqual(process.returncode, 1)
        return seen + rest

    def test_each_streaming_format(self):
        for fmt, marker in (("gcc", b"[schema.pattern]"), ("text", b"[schema.pattern]"),
                            ("github", b"title=schema.pattern"), ("json", b'"rule": "schema.pattern"')):
            with self.subTest(fmt):
                output = self.first_diagnostic_before_eof(fmt, marker)
                if fmt == "json":
                    report = json.loads(output)
                    self.assertEqual(report["summary"]["documents"], 3)
                    self.assertEqual([d["document"] for d in report["files"][0]["diagnostics"]], [1])


class JobsTest(StreamingTestCase):
    def make_folder(self):
        for i in range(300):
            kind = i % 6
            if kind == 5:
                self.write(f"many/d{i:03}/lines.jsonl", faulty_jsonl(40 + i % 7))
            else:
                fault = (None, "pattern", "enum", "syntax", None)[kind]
                self.write(f"many/f{i:03}.json", request_line(i, fault, token=f"sync-{i % 4}" if i % 3 == 0 else None))
        self.write("many/empty.json", "")
        self.write("many/blank.jsonl", "\n \n")

    def assert_same_for_jobs(self, *paths):
        for fmt in FORMATS:
            with self.subTest(fmt):
                one = self.run_raw("-j1", "--format", fmt, *paths)
                four = self.run_raw("--jobs", "4", "--format", fmt, *paths)
                self.assertEqual(one.returncode, four.returncode)
                self.assertEqual(one.stdout, four.stdout, f"--format {fmt}: -j1 and -j4 differ")
                self.assertEqual(one.stderr, four.stderr)
                self.assertTrue(one.stdout or fmt in ("gcc", "github"))

    def test_folder_of_many_files(self):
        self.make_folder()
        self.assert_same_for_jobs("many", "missing.json")

    def test_json_lines_with_faults(self):
        # Many batches of lines, so that the workers finish them out of order.
        self.write("faults.jsonl", faulty_jsonl(5000))
        self.assert_same_for_jobs("faults.jsonl")
        self.assert_same_for_jobs("-q", "faults.jsonl")

    def test_jobs_is_validated(self):
        for bad in ("0", "-1", "x"):
            with self.subTest(bad):
                self.assertEqual(self.run_raw("-j", bad, "-").returncode, 2)


class JsonStreamTest(StreamingTestCase):
    def test_stream_is_one_object_with_a_correct_summary(self):
        self.write("lines.jsonl", faulty_jsonl(1000))
        self.write("a.json", request_line(1, "enum"))
        self.write("b.json", request_line(2))
        run, report = self.lint_json("lines.jsonl", "a.json", "b.json", expect_status=1)
        self.assertEqual([f["path"] for f in report["files"]], ["lines.jsonl", "a.json", "b.json"])
        blank = sum(1 for i in range(1000) if i % 37 == 36)
        self.assertEqual(report["summary"]["files"], 3)
        self.assertEqual(report["summary"]["documents"], 1000 - blank + 2)
        self.assertEqual(self.file_entry(report, "b.json")["diagnostics"], [])
        # Document order within the file, as read.
        documents = [d["document"] for d in self.file_entry(report, "lines.jsonl")["diagnostics"]]
        self.assertEqual(documents, sorted(documents))
        # The same bytes as an indent-2 serialisation of the whole object.
        self.assertEqual(run.stdout, json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    def test_no_files(self):
        (self.dir / "nothing").mkdir()
        # An empty folder is an error by default (exit 2, no report); the warning mode prints the empty report.
        run, report = self.lint_json("--no-error-on-unmatched", "nothing", expect_status=0)
        self.assertEqual(report["files"], [])
        self.assertEqual(report["summary"], {"files": 0, "documents": 0, "errors": 0, "warnings": 0, "infos": 0})
        self.assertEqual(run.stdout, json.dumps(report, indent=2) + "\n")


class TokenReuseTest(StreamingTestCase):
    def reuse(self, report):
        return [(f["path"], d.get("document"), d["message"]) for f in report["files"] for d in f["diagnostics"]
                if d["rule"] == "idempotency.token-reused"]

    def test_across_lines_and_files(self):
        lines = [request_line(i, token="shared" if i in (0, 1500, 2999) else None) for i in range(3000)]
        lines[2999] = lines[0]  # a genuine retry of the first request
        self.write("a.jsonl", "\n".join(lines) + "\n")
        self.write("b.json", request_line(7, token="shared"))
        self.write("c.json", lines[0])
        for jobs in ("1", "4"):
            with self.subTest(jobs=jobs):
                _, report = self.lint_json("-j", jobs, "a.jsonl", "b.json", "c.json", expect_status=1)
                found = self.reuse(report)
                self.assertEqual([(path, document) for path, document, _ in found], [("a.jsonl", 1500), ("b.json", None)])
                for _, _, message in found:
                    self.assertIn("also used by a.jsonl line 1 ", message)
                [diagnostic] = [d for d in self.diagnostics(report, "b.json") if d["rule"] == "idempotency.token-reused"]
                self.assertEqual(diagnostic["pointer"], "/clientToken")
                self.assertEqual(diagnostic["range"]["start"]["line"], 1)

    def test_across_files_names_the_first_file(self):
        self.write("one.json", request_line(1, token="t-1"))
        self.write("two.json", request_line(2, token="t-1"))
        _, report = self.lint_json("one.json", "two.json", expect_status=1)
        self.assertEqual([(p, m.split(" for ")[0]) for p, _, m in self.reuse(report)],
                         [("two.json", "clientToken is also used by one.json")])

    def test_member_order_does_not_make_a_different_request(self):
        request = json.loads(request_line(1, token="t-2"))
        reordered = dict(reversed(list(request.items())))
        self.write("x.jsonl", json.dumps(request) + "\n" + json.dumps(reordered, indent=None) + "\n")
        _, report = self.lint_json("x.jsonl", expect_status=0)
        self.assertEqual(self.reuse(report), [])


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
