#!/usr/bin/env python3
"""--write-baseline and --baseline (docs/cli.md, "Suppressions and baselines").

Usage: test_baseline.py PATH/TO/appflow-lint [unittest options]

- a round trip: write a baseline, lint the same tree with it (no problem, exit 0),
  add a fault (only it is reported, exit 1), fix a baselined one (baseline.stale);
- the file is sorted and stable, its paths relative to its own folder, and
  identical entries are counted;
- no sensitive value reaches it;
- a missing or invalid baseline is one `appflow-lint:` line and exit 2.

Standard library only; the helpers and the contract's shape checks come from test_cli.py.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request, pretty  # noqa: E402

MARKER = "Q7ZX9KW4JP2M8TVR"


def faulty_request():
    """Two errors: a space in the name (schema.pattern), a mode in the wrong case (schema.enum)."""
    request = clean_request("acme sf")
    request["connectionMode"] = "public"
    return request


def secret_request():
    """Faults at and around sensitive members, each holding the marker."""
    request = clean_request("acme sf")
    properties = request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]
    properties["instanceUrl"] = f"https://admin:{MARKER}@acme-corp.my.salesforce.com"
    request["connectorProfileConfig"]["connectorProfileCredentials"] = {
        "Salesforce": {"accessToken": MARKER[:8] + " " + MARKER[8:], "refreshTokn": MARKER, "clientSecret": MARKER}}
    return request


class BaselineTest(CliTestCase):
    def check_report_shape(self, report, run, multi_document=()):
        self.check_suppressing_report_shape(report, run, multi_document)

    def baseline(self, name="baseline.json"):
        return json.loads((self.dir / name).read_text(encoding="utf-8"))

    def test_round_trip(self):
        self.write("profiles/a.json", pretty(faulty_request()))
        self.write("profiles/b.json", pretty(clean_request()))
        run, report = self.lint_json("--write-baseline", "baseline.json", "profiles", expect_status=0)
        written = report["summary"]["errors"]
        self.assertEqual(written, 2, run.describe())
        self.assertEqual(len(self.baseline()["entries"]), 2)
        # The same tree with the baseline: nothing to report.
        run, report = self.lint_json("--baseline", "baseline.json", "profiles", expect_status=0)
        self.assertEqual(self.diagnostics(report), [], run.describe())
        self.assertEqual(report["summary"]["suppressed"], 2)
        self.assertEqual(run.stderr, "", run.describe())
        # A new fault in a clean file: only it is reported.
        broken = clean_request()
        broken["connectionMode"] = "Privat"
        self.write("profiles/b.json", pretty(broken))
        run, report = self.lint_json("--baseline", "baseline.json", "profiles", expect_status=1)
        self.assertEqual([(f["path"], d["rule"]) for f in report["files"] for d in f["diagnostics"]],
                         [("profiles/b.json", "schema.enum")], run.describe())
        # A new fault in the baselined file is reported; its old ones stay baselined.
        doubled = faulty_request()
        doubled["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["isSandboxEnvironment"] = "no"
        self.write("profiles/b.json", pretty(clean_request()))
        self.write("profiles/a.json", pretty(doubled))
        run, report = self.lint_json("--baseline", "baseline.json", "profiles", expect_status=1)
        self.assertEqual([d["pointer"] for d in self.diagnostics(report)],
                         ["/connectorProfileConfig/connectorProfileProperties/Salesforce/isSandboxEnvironment"],
                         run.describe())

    def test_a_fixed_fault_makes_its_entry_stale(self):
        self.write("a.json", pretty(faulty_request()))
        self.lint_json("--write-baseline", "baseline.json", "a.json", expect_status=0)
        fixed = faulty_request()
        fixed["connectionMode"] = "Public"
        self.write("a.json", pretty(fixed))
        run, report = self.lint_json("--baseline", "baseline.json", "a.json", expect_status=0)
        self.assertEqual(report["summary"]["suppressed"], 1)
        self.assertEqual(run.stderr.splitlines(), [
            "baseline.json: info: 1 entry of the linted files matched no diagnostic (fixed since it was written); "
            "write it again with --write-baseline to drop it [baseline.stale]"], run.describe())
        self.assertEqual(report["configurationNotes"], [
            {"rule": "baseline.stale", "severity": "info", "path": "baseline.json",
             "message": "1 entry of the linted files matched no diagnostic (fixed since it was written); "
                        "write it again with --write-baseline to drop it"}], run.describe())
        # A file the run does not lint is not judged.
        self.write("b.json", pretty(clean_request()))
        run, _ = self.lint_json("--baseline", "baseline.json", "b.json", expect_status=0)
        self.assertEqual(run.stderr, "", run.describe())

    def test_the_file_is_sorted_stable_and_relative_to_its_folder(self):
        for name in ("z.json", "a.json", "m/k.json"):
            self.write(f"tree/{name}", pretty(faulty_request()))
        self.write("tree/r.jsonl", "\n".join([json.dumps(faulty_request()), json.dumps(clean_request()),
                                              json.dumps(faulty_request())]) + "\n")
        os.mkdir(self.dir / "ci")
        self.lint_json("--write-baseline", "ci/baseline.json", "tree", expect_status=0)
        first = (self.dir / "ci/baseline.json").read_bytes()
        entries = self.baseline("ci/baseline.json")["entries"]
        self.assertEqual(self.baseline("ci/baseline.json")["version"], 1)
        self.assertEqual(len(entries), 10)
        keys = [(e["path"], e.get("document", -1), e["rule"], e["pointer"], e["hash"]) for e in entries]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual({e["path"] for e in entries},
                         {"../tree/a.json", "../tree/m/k.json", "../tree/z.json", "../tree/r.jsonl"})
        self.assertEqual(sorted(e["document"] for e in entries if "document" in e), [0, 0, 2, 2])
        for entry in entries:
            self.assertLessEqual(set(entry), {"path", "document", "rule", "pointer", "hash"})
            self.assertRegex(entry["hash"], r"^[0-9a-f]{16}$")
        # Written again with more threads, and from another folder: the same bytes.
        run = self.run_cli("-j", "3", "--write-baseline", "baseline.json", "../tree", cwd=self.dir / "ci")
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual((self.dir / "ci/baseline.json").read_bytes(), first)
        # And it applies from another folder too.
        run = self.run_cli("--baseline", "../ci/baseline.json", ".", cwd=self.dir / "tree")
        self.assertEqual(run.status, 0, run.describe())
        self.assertIn("no problems in 4 files, 6 documents; 10 suppressed", run.stdout)

    def test_identical_entries_are_counted(self):
        self.write("a.json", pretty(faulty_request()))
        run, report = self.lint_json("--write-baseline", "baseline.json", "a.json", expect_status=0)
        entries = self.baseline()["entries"]
        self.assertEqual(sorted(e["rule"] for e in entries), sorted(d["rule"] for d in self.diagnostics(report)))
        # Without an entry, its diagnostic is reported again, and only it.
        dropped, kept = entries[0], entries[1:]
        (self.dir / "baseline.json").write_text(json.dumps({"version": 1, "entries": kept}))
        run, report = self.lint_json("--baseline", "baseline.json", "a.json", expect_status=1)
        self.assertEqual([(d["rule"], d["pointer"]) for d in self.diagnostics(report)],
                         [(dropped["rule"], dropped["pointer"])], run.describe())
        self.assertEqual(report["summary"]["suppressed"], len(kept))
        # Every entry twice: each suppresses one diagnostic, and the second half is stale.
        (self.dir / "baseline.json").write_text(json.dumps({"version": 1, "entries": entries + entries}))
        run, report = self.lint_json("--baseline", "baseline.json", "a.json", expect_status=0)
        self.assertEqual(report["summary"]["suppressed"], len(entries))
        self.assertIn(f"{len(entries)} entries of the linted files matched no diagnostic", run.stderr)

    def test_no_sensitive_value_in_the_baseline(self):
        self.write("s.json", pretty(secret_request()))
        self.write("s.jsonl", json.dumps(secret_request()) + "\n")
        run = self.run_cli("--write-baseline", "baseline.json", "s.json", "s.jsonl")
        self.assertEqual(run.status, 0, run.describe())
        text = (self.dir / "baseline.json").read_text(encoding="utf-8")
        entries = json.loads(text)["entries"]
        self.assertGreaterEqual(len(entries), 6, text)  # faults at the sensitive members were recorded
        for start in range(len(MARKER) - 3):
            self.assertNotIn(MARKER[start:start + 4], text)
        self.assertNotIn(MARKER[:4], run.stdout + run.stderr)
        run, report = self.lint_json("--baseline", "baseline.json", "s.json", "s.jsonl", expect_status=0)
        self.assertEqual(self.diagnostics(report), [], run.describe())

    def test_configuration_suppressions_apply_first(self):
        self.write("a.json", pretty(faulty_request()))
        self.write(".appflow-lint.json", json.dumps(
            {"suppressions": [{"rule": "schema.enum", "reason": "migrated later"}]}))
        run, report = self.lint_json("--write-baseline", "baseline.json", "a.json", expect_status=0)
        self.assertEqual([e["rule"] for e in self.baseline()["entries"]], ["schema.pattern"])
        self.assertEqual(report["summary"]["suppressed"], 1)
        run, report = self.lint_json("--baseline", "baseline.json", "a.json", expect_status=0)
        self.assertEqual(report["summary"]["suppressed"], 2, run.describe())

    def test_bad_baselines_are_usage_errors(self):
        self.write("a.json", pretty(faulty_request()))
        self.write("not-json.json", '{"version": 1, "entries": [' + MARKER)
        self.write("shape.json", json.dumps({"entries": []}))
        self.write("version.json", json.dumps({"version": 2, "entries": []}))
        self.write("entry.json", json.dumps({"version": 1, "entries": [{"path": "a.json", "rule": "schema.enum"}]}))
        self.write("key.json", json.dumps({"version": 1, "entries": [
            {"path": "a.json", "rule": "schema.enum", "pointer": "", "hash": "0" * 16, "value": "x"}]}))
        os.mkdir(self.dir / "folder")
        for name in ("missing.json", "folder", "not-json.json", "shape.json", "version.json", "entry.json",
                     "key.json"):
            with self.subTest(baseline=name):
                run = self.run_cli("--baseline", name, "a.json")
                self.assertEqual(run.status, 2, run.describe())
                self.assertEqual(run.stdout, "", run.describe())
                lines = run.stderr.splitlines()
                self.assertEqual(len(lines), 1, run.describe())
                self.assertTrue(lines[0].startswith(f"appflow-lint: {name}: "), run.describe())
                self.assertNotIn(MARKER[:4], run.stderr)
        run = self.run_cli("--baseline", "b.json", "--write-baseline", "b.json", "a.json")
        self.assertEqual(run.status, 2, run.describe())
        self.assertTrue(run.stderr.startswith("appflow-lint: ") or "excludes" in run.stderr, run.describe())

    def test_an_unreadable_input_writes_no_baseline(self):
        self.write("a.json", pretty(faulty_request()))
        run = self.run_cli("--write-baseline", "baseline.json", "a.json", "missing.json")
        self.assertEqual(run.status, 2, run.describe())
        self.assertFalse((self.dir / "baseline.json").exists())
        self.assertIn("appflow-lint: the baseline is not written", run.stderr)


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
