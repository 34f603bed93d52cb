#!/usr/bin/env python3
"""Outputs: -o/--output FORMAT:PATH, --exit-zero, --statistics and gcc's `note:`
(docs/cli.md, "Outputs and rule selection").

Usage: test_outputs.py PATH/TO/appflow-lint [unittest options]

- each -o writes one more report, byte for byte what `--format FORMAT` prints on
  its own, while standard output keeps the --format one (with -j4 and JSON Lines
  too); a bad FORMAT or a PATH that cannot be written is a usage error (exit 2,
  one `appflow-lint:` line) before anything is linted or written; no temporary
  file is left behind, and a failed run leaves an existing PATH as it was;
- --exit-zero reports and exits 0, but 2 stays for usage errors and unreadable paths;
- --statistics counts per rule and severity what the report holds: a table after
  the text report, a "statistics" member in JSON (the contract's members unchanged),
  standard error beside SARIF;
- gcc output writes infos as `note:`.

Standard library only; the helpers come from test_cli.py.
"""

import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request, pretty  # noqa: E402

FORMATS = ("text", "json", "sarif", "gcc", "github")


def faulty_request(name="acme sf"):
    """Errors (a space in the name, a mode in the wrong case) and a warning-level URL fault."""
    request = clean_request(name)
    request["connectionMode"] = "public"
    request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceUrl"] = \
        "https://example.com"
    return request


class OutputsCase(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("a.json", pretty(faulty_request()))
        self.write("b.json", pretty(clean_request()))
        self.write("c.json", pretty(faulty_request("other name")))

    def listing(self):
        return sorted(str(p.relative_to(self.dir)) for p in self.dir.rglob("*"))

    def alone(self, output_format, *args):
        """What `--format FORMAT` prints on its own."""
        return self.run_cli("--format", output_format, "--color", "never", *args).stdout_bytes

    def assert_usage_error(self, run):
        self.assertEqual(run.status, 2, run.describe())
        lines = run.stderr.splitlines()
        self.assertEqual(len(lines), 1, run.describe())
        self.assertTrue(lines[0].startswith("appflow-lint: "), run.describe())
        self.assertEqual(run.stdout, "", run.describe())


class OutputFiles(OutputsCase):
    def test_sarif_to_a_file_and_annotations_to_standard_output(self):
        (self.dir / "reports").mkdir()
        run = self.run_cli("--format", "github", "-o", "sarif:reports/lint.sarif", "a.json", "b.json")
        self.assertEqual(run.status, 1, run.describe())
        self.assertEqual(run.stdout_bytes, self.alone("github", "a.json", "b.json"))
        self.assertTrue(run.stdout.startswith("::error file=a.json,"), run.describe())
        log = json.loads((self.dir / "reports/lint.sarif").read_text())
        self.assertEqual(log["version"], "2.1.0")
        rules = sorted(r["ruleId"] for r in log["runs"][0]["results"])
        _, report = self.lint_json("a.json", "b.json", expect_status=1)
        self.assertEqual(rules, sorted(d["rule"] for d in self.diagnostics(report)))
        self.assertEqual(self.listing(), ["a.json", "b.json", "c.json", "reports", "reports/lint.sarif"])

    def test_every_format_to_files_at_once_is_what_each_prints_alone(self):
        args = ["a.json", "b.json", "c.json"]
        outputs = [arg for fmt in FORMATS for arg in ("--output", f"{fmt}:out.{fmt}")]
        run = self.run_cli("--format", "text", "--color", "always", *outputs, *args)
        self.assertEqual(run.status, 1, run.describe())
        self.assertIn(b"\x1b[", run.stdout_bytes)  # standard output keeps its colour...
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                written = (self.dir / f"out.{fmt}").read_bytes()
                self.assertNotIn(b"\x1b[", written)  # ...and a file never has any
                self.assertEqual(written, self.alone(fmt, *args))

    def test_many_files_json_lines_and_threads(self):
        lines = "".join(json.dumps(faulty_request(f"n {i}") if i % 3 else clean_request(f"n-{i}")) + "\n"
                        for i in range(300))
        self.write("many.jsonl", lines)
        for i in range(40):
            self.write(f"dir/f{i:02}.json", pretty(faulty_request() if i % 2 else clean_request()))
        args = ["many.jsonl", "dir"]
        for jobs in ("1", "4"):
            with self.subTest(jobs=jobs):
                run = self.run_cli("-j", jobs, "--format", "gcc", "-o", "json:r.json", "-o", "sarif:r.sarif", *args)
                self.assertEqual(run.status, 1, run.describe())
                self.assertEqual(run.stdout_bytes, self.alone("gcc", *args))
                self.assertEqual((self.dir / "r.json").read_bytes(), self.alone("json", *args))
                self.assertEqual((self.dir / "r.sarif").read_bytes(), self.alone("sarif", *args))

    def test_standard_input_with_stdin_filename(self):
        text = pretty(faulty_request())
        run = self.run_cli("--stdin-filename", "team/p.json", "-o", "json:p-report.json", stdin=text)
        self.assertEqual(run.status, 1, run.describe())
        report = json.loads((self.dir / "p-report.json").read_text())
        self.assertEqual([f["path"] for f in report["files"]], ["team/p.json"])
        self.assertIn("schema.pattern", {d["rule"] for d in self.diagnostics(report)})

    def test_an_existing_file_is_replaced_whole(self):
        self.write("out.json", "x" * 100000)
        run = self.run_cli("-o", "json:out.json", "b.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual((self.dir / "out.json").read_bytes(), self.alone("json", "b.json"))

    def test_a_file_is_as_readable_as_any_the_user_creates(self):
        old = os.umask(0o022)
        try:
            run = self.run_cli("-o", "sarif:out.sarif", "b.json")
        finally:
            os.umask(old)
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual((self.dir / "out.sarif").stat().st_mode & 0o777, 0o644)

    def test_bad_specs_are_usage_errors_and_nothing_is_written(self):
        (self.dir / "folder").mkdir()
        self.write("keep.json", "kept")
        for spec in ("xml:out.xml", "out.sarif", "sarif", "sarif:", "json:-", "SARIF:out.sarif",
                     "sarif:missing/out.sarif", "sarif:folder", "json:keep.json/x"):
            with self.subTest(spec=spec):
                run = self.run_cli("-o", spec, "a.json")
                self.assert_usage_error(run)
                self.assertIn("-o", run.stderr)
                self.assertEqual(self.listing(), ["a.json", "b.json", "c.json", "folder", "keep.json"])
        self.assertEqual((self.dir / "keep.json").read_text(), "kept")

    def test_a_bad_format_lists_the_formats_and_suggests_one(self):
        formats = "text, json, sarif, gcc, github"
        for spec, expected in (("SARIF:out.sarif", f"-o SARIF:out.sarif: FORMAT must be one of {formats}; did you mean sarif?"),
                               ("xml:out.xml", f"-o xml:out.xml: FORMAT must be one of {formats}"),
                               ("out.sarif", f"-o out.sarif: expected FORMAT:PATH, FORMAT one of {formats}")):
            with self.subTest(spec=spec):
                run = self.run_cli("-o", spec, "a.json")
                self.assert_usage_error(run)
                self.assertEqual(run.stderr, f"appflow-lint: {expected}\n")

    def test_two_reports_on_one_file_are_a_usage_error(self):
        (self.dir / "reports").mkdir()
        os.symlink("reports", self.dir / "link")
        for first, second in (("json:r.json", "sarif:r.json"), ("json:reports/r.json", "gcc:./link/../reports/r.json"),
                              ("sarif:reports/r.sarif", "sarif:link/r.sarif")):
            with self.subTest(first=first, second=second):
                run = self.run_cli("-o", first, "-o", second, "a.json")
                self.assert_usage_error(run)
                self.assertEqual(run.stderr, f"appflow-lint: -o {second}: -o {first} writes that file already\n")
                self.assertEqual(self.listing(), ["a.json", "b.json", "c.json", "link", "reports"])
                self.assertEqual(list((self.dir / "reports").iterdir()), [])

    def test_a_run_that_stops_early_leaves_the_file_as_it_was(self):
        self.write("keep.json", "kept")
        for args in (["--select", "nosuchrule", "a.json"], ["missing.json"], ["--diff", "a.json"]):
            with self.subTest(args=args):
                run = self.run_cli("-o", "json:keep.json", *args)
                self.assertNotEqual(run.status, 0, run.describe())
                self.assertEqual((self.dir / "keep.json").read_text(), "kept")
                self.assertEqual(self.listing(), ["a.json", "b.json", "c.json", "keep.json"])

    def test_an_unreadable_path_still_writes_the_others_report(self):
        os.symlink("nowhere.json", self.dir / "broken.json")
        run = self.run_cli("-o", "json:out.json", "b.json", "broken.json")
        self.assertEqual(run.status, 2, run.describe())
        report = json.loads((self.dir / "out.json").read_text())
        self.assertEqual([f["path"] for f in report["files"]], ["b.json"], run.describe())


class ExitZero(OutputsCase):
    def test_errors_are_reported_and_exit_0(self):
        plain = self.run_cli("--format", "gcc", "a.json")
        self.assertEqual(plain.status, 1, plain.describe())
        run = self.run_cli("--format", "gcc", "--exit-zero", "a.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual(run.stdout, plain.stdout)
        self.assertIn(": error: ", run.stdout)

    def test_max_warnings_does_not_fail_either(self):
        self.assertEqual(self.run_cli("--rule", "schema.pattern=warning", "--rule", "schema.enum=warning",
                                      "--max-warnings", "0", "a.json").status, 1)
        run = self.run_cli("--rule", "schema.pattern=warning", "--rule", "schema.enum=warning",
                           "--max-warnings", "0", "--exit-zero", "a.json")
        self.assertEqual(run.status, 0, run.describe())

    def test_diff_does_not_fail(self):
        self.assertEqual(self.run_cli("--diff", "a.json").status, 1)
        run = self.run_cli("--diff", "--exit-zero", "a.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertIn('-  "connectionMode": "public"', run.stdout)

    def test_usage_errors_and_unreadable_paths_still_exit_2(self):
        self.assertEqual(self.run_cli("--exit-zero", "a.json", "missing.json").status, 2)
        self.assertEqual(self.run_cli("--exit-zero", "--format", "xml", "a.json").status, 2)
        self.assertEqual(self.run_cli("--exit-zero", "--select", "nosuchrule", "a.json").status, 2)


class Statistics(OutputsCase):
    ARGS = ("a.json", "b.json", "c.json")

    def expected_rows(self, *args):
        _, report = self.lint_json(*args, *self.ARGS)
        counts = Counter((d["rule"], d["severity"]) for d in self.diagnostics(report))
        self.assertGreaterEqual(len(counts), 3)
        return counts

    def test_json_has_a_statistics_member_and_the_contract_unchanged(self):
        counts = self.expected_rows()
        run = self.run_cli("--format", "json", "--statistics", *self.ARGS)
        self.assertEqual(run.status, 1, run.describe())
        report = json.loads(run.stdout)
        statistics = report.pop("statistics")
        self.check_report_shape(report, run)
        _, plain = self.lint_json(*self.ARGS)
        self.assertEqual(report, plain)
        self.assertEqual([list(row) for row in statistics], [["rule", "count", "severity"]] * len(statistics))
        self.assertEqual(Counter({(r["rule"], r["severity"]): r["count"] for r in statistics}), counts)
        self.assertEqual(len(statistics), len(counts))
        ordered = [(-r["count"], r["rule"]) for r in statistics]
        self.assertEqual(ordered, sorted(ordered))  # most reported first, then by rule id

    def test_text_prints_a_table_after_the_report(self):
        counts = self.expected_rows()
        plain = self.run_cli("--color", "never", *self.ARGS)
        run = self.run_cli("--color", "never", "--statistics", *self.ARGS)
        self.assertTrue(run.stdout.startswith(plain.stdout), run.describe())
        table = run.stdout[len(plain.stdout):].splitlines()
        self.assertEqual(table[0], "statistics:")
        self.assertEqual(table[1].split(), ["count", "rule", "severity"])
        rows = {(rule, severity): int(count) for count, rule, severity in (line.split() for line in table[2:])}
        self.assertEqual(rows, dict(counts))

    def test_quiet_and_selection_count_what_is_reported(self):
        counts = self.expected_rows("--quiet")
        self.assertEqual({severity for _, severity in counts}, {"error"})
        run = self.run_cli("--format", "json", "--statistics", "--quiet", *self.ARGS)
        statistics = json.loads(run.stdout)["statistics"]
        self.assertEqual(Counter({(r["rule"], r["severity"]): r["count"] for r in statistics}), counts)
        run = self.run_cli("--format", "json", "--statistics", "--select", "schema.enum", *self.ARGS)
        self.assertEqual(json.loads(run.stdout)["statistics"], [{"rule": "schema.enum", "count": 2,
                                                                 "severity": "error"}])

    def test_sarif_stays_one_log_and_the_table_goes_to_standard_error(self):
        run = self.run_cli("--format", "sarif", "--statistics", *self.ARGS)
        self.assertEqual(json.loads(run.stdout)["version"], "2.1.0")
        self.assertIn("statistics:", run.stderr)
        self.assertIn("schema.pattern", run.stderr)

    def test_a_clean_run_says_so(self):
        run = self.run_cli("--statistics", "b.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertTrue(run.stdout.endswith("statistics: no diagnostics\n"), run.describe())
        run = self.run_cli("--format", "json", "--statistics", "b.json")
        self.assertEqual(json.loads(run.stdout)["statistics"], [])


class GccNotes(OutputsCase):
    def test_infos_are_notes(self):
        run = self.run_cli("--format", "gcc", "--select", "schema", "--rule", "schema.pattern=info",
                           "--rule", "schema.enum=warning",
                           "a.json")
        severities = {line.split(": ")[1] for line in run.stdout.splitlines()}
        self.assertEqual(severities, {"note", "warning"}, run.describe())
        self.assertNotIn(": info: ", run.stdout)
        self.assertRegex(run.stdout, r"(?m)^a\.json:\d+:\d+: note: .* \[schema\.pattern\]$")


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
