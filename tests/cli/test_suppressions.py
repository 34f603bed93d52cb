#!/usr/bin/env python3
"""Configuration suppressions (docs/cli.md, "Suppressions and baselines").

Usage: test_suppressions.py PATH/TO/appflow-lint [unittest options]

- a suppressed diagnostic is not reported and does not count for the exit status;
  the summary counts it (`suppressed`);
- `path`, `rule` (id or glob) and `pointer` (exact or `/*`) each narrow an entry;
- an entry that suppressed nothing in a linted file is reported at its line and
  column (config.unused-suppression) without changing the exit status;
- invalid entries are configuration errors naming the file, line and column.

Standard library only; the helpers and the contract's shape checks come from test_cli.py.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request, pretty  # noqa: E402


def faulty_request():
    """Two errors: a space in the name (schema.pattern), a mode in the wrong case (schema.enum)."""
    request = clean_request("acme sf")
    request["connectionMode"] = "public"
    return request


def rules_of(diagnostics):
    return sorted((d["rule"], d["pointer"]) for d in diagnostics)


class SuppressionTest(CliTestCase):
    def config(self, suppressions, folder=""):
        text = json.dumps({"suppressions": suppressions}, indent=2) + "\n"
        return self.write(str(Path(folder) / ".appflow-lint.json"), text)

    def check_report_shape(self, report, run, multi_document=()):
        self.check_suppressing_report_shape(report, run, multi_document)

    def test_without_suppressions_the_summary_has_no_suppressed_count(self):
        self.write("a.json", pretty(faulty_request()))
        run = self.run_cli("--format", "json", "a.json")
        self.assertEqual(run.status, 1, run.describe())
        self.assertNotIn("suppressed", json.loads(run.stdout)["summary"])

    def test_suppressed_faults_are_not_reported_and_exit_zero(self):
        self.write("a.json", pretty(faulty_request()))
        self.config([
            {"path": "a.json", "rule": "schema.pattern", "pointer": "/connectorProfileName", "reason": "legacy"},
            {"path": "*.json", "rule": "schema.*", "pointer": "/connectionMode", "reason": "migrated later"},
        ])
        run, report = self.lint_json("a.json", expect_status=0)
        self.assertEqual(self.diagnostics(report), [], run.describe())
        self.assertEqual(report["summary"]["suppressed"], 2)
        self.assertEqual(report["summary"]["errors"], 0)
        self.assertNotIn("unused-suppression", run.stderr, run.describe())
        text = self.run_cli("a.json")
        self.assertEqual(text.status, 0, text.describe())
        self.assertIn("no problems in 1 file, 1 document; 2 suppressed", text.stdout)

    def test_each_key_narrows_the_entry(self):
        self.write("a.json", pretty(faulty_request()))
        self.write("b.json", pretty(faulty_request()))
        self.config([
            # Only a.json, only the name.
            {"path": "a.json", "rule": "schema.pattern", "reason": "one file"},
            # Another rule at the right pointer suppresses nothing.
            {"rule": "schema.type", "pointer": "/connectionMode", "reason": "wrong rule"},
            # The right rule at another pointer suppresses nothing either.
            {"rule": "schema.enum", "pointer": "/connectorProfileName", "reason": "wrong pointer"},
        ])
        run, report = self.lint_json("a.json", "b.json", expect_status=1)
        self.assertEqual(rules_of(self.diagnostics(report, "a.json")), [("schema.enum", "/connectionMode")])
        self.assertEqual(rules_of(self.diagnostics(report, "b.json")),
                         [("schema.enum", "/connectionMode"), ("schema.pattern", "/connectorProfileName")])
        self.assertEqual(report["summary"]["suppressed"], 1)
        # The two entries that matched nothing are reported; the used one is not.
        unused = [line for line in run.stderr.splitlines() if "[config.unused-suppression]" in line]
        self.assertEqual(len(unused), 2, run.describe())
        self.assertTrue(any("'schema.type'" in line for line in unused), run.describe())
        self.assertTrue(any("'schema.enum'" in line for line in unused), run.describe())

    def test_a_pointer_prefix_covers_the_value_and_what_is_below_it(self):
        request = clean_request()
        request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["isSandboxEnvironment"] = "no"
        request["connectionMode"] = "public"
        self.write("a.json", pretty(request))
        self.config([{"pointer": "/connectorProfileConfig/*", "rule": "*", "reason": "properties are generated"}])
        run, report = self.lint_json("a.json", expect_status=1)
        self.assertEqual(rules_of(self.diagnostics(report)), [("schema.enum", "/connectionMode")], run.describe())
        self.assertEqual(report["summary"]["suppressed"], 1)

    def test_paths_are_relative_to_the_configuration_folder(self):
        self.write("team/legacy/a.json", pretty(faulty_request()))
        self.config([{"path": "legacy/*", "rule": "schema.*", "reason": "legacy"}], folder="team")
        run, report = self.lint_json("team", expect_status=0)
        self.assertEqual(report["summary"]["suppressed"], 2, run.describe())
        # From inside the folder the same entry applies.
        inner = self.run_cli("--format", "json", "legacy/a.json", cwd=self.dir / "team")
        self.assertEqual(inner.status, 0, inner.describe())
        # An entry for another folder does not.
        self.config([{"path": "a.json", "rule": "schema.*", "reason": "not this one"}], folder="team")
        run, report = self.lint_json("team", expect_status=1)
        self.assertEqual(report["summary"]["suppressed"], 0)

    def test_an_unused_suppression_is_reported_at_its_entry(self):
        self.write("a.json", pretty(clean_request()))
        self.config([
            {"path": "a.json", "rule": "schema.pattern", "pointer": "/connectorProfileName", "reason": "fixed since"},
        ])
        run, report = self.lint_json("a.json", expect_status=0)
        self.assertEqual(report["summary"]["suppressed"], 0)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        self.assertEqual(len(lines), 1, run.describe())
        # The entry opens on line 3, column 5, of the file json.dumps(indent=2) writes.
        self.assertRegex(lines[0], r"^\.appflow-lint\.json:3:5: info: .*'schema\.pattern'.*"
                                   r"'/connectorProfileName'.*\[config\.unused-suppression\]$")
        # The JSON report has the same note, and SARIF a configuration notification.
        message = lines[0].split(": info: ", 1)[1].rsplit(" [", 1)[0]
        self.assertEqual(report["configurationNotes"], [
            {"rule": "config.unused-suppression", "severity": "info", "message": message,
             "path": ".appflow-lint.json", "position": {"line": 3, "column": 5}}], run.describe())
        sarif = self.run_cli("--format", "sarif", "a.json")
        self.assertEqual(sarif.status, 0, sarif.describe())
        run_log = json.loads(sarif.stdout)["runs"][0]
        self.assertEqual(run_log["tool"]["driver"]["notifications"],
                         [{"id": "config.unused-suppression", "defaultConfiguration": {"level": "note"}}])
        [invocation] = run_log["invocations"]
        self.assertTrue(invocation["executionSuccessful"], sarif.describe())
        self.assertEqual(invocation["toolConfigurationNotifications"], [{
            "descriptor": {"id": "config.unused-suppression", "index": 0}, "level": "note",
            "message": {"text": message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": ".appflow-lint.json", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "startColumn": 5}}}]}], sarif.describe())

    def test_entries_for_files_not_linted_are_not_judged(self):
        self.write("a.json", pretty(clean_request()))
        self.write("b.json", pretty(faulty_request()))
        self.config([{"path": "b.json", "rule": "schema.*", "reason": "b is legacy"}])
        run, _ = self.lint_json("a.json", expect_status=0)
        self.assertNotIn("unused-suppression", run.stderr, run.describe())

    def test_json_lines_documents_are_suppressed_one_by_one(self):
        lines = [json.dumps(faulty_request()), json.dumps(clean_request()), json.dumps(faulty_request())]
        self.write("r.jsonl", "\n".join(lines) + "\n")
        self.config([{"path": "r.jsonl", "rule": "schema.enum", "reason": "every line"}])
        for jobs in ("1", "2"):
            run, report = self.lint_json("-j", jobs, "r.jsonl", expect_status=1)
            self.assertEqual(sorted((d["document"], d["rule"]) for d in self.diagnostics(report)),
                             [(0, "schema.pattern"), (2, "schema.pattern")], run.describe())
            self.assertEqual(report["summary"]["suppressed"], 2)

    def test_every_format_leaves_suppressed_faults_out(self):
        self.write("a.json", pretty(faulty_request()))
        self.config([{"rule": "schema.pattern", "reason": "legacy"}])
        for output in ("text", "gcc", "github", "sarif"):
            run = self.run_cli("--format", output, "a.json")
            self.assertEqual(run.status, 1, run.describe())
            if output == "sarif":  # its rule descriptors name every rule: look at the results
                results = json.loads(run.stdout)["runs"][0]["results"]
                self.assertEqual([result["ruleId"] for result in results], ["schema.enum"], run.describe())
            else:
                self.assertIn("schema.enum", run.stdout, run.describe())
                self.assertNotIn("schema.pattern", run.stdout, run.describe())

    def test_invalid_entries_are_configuration_errors_at_their_place(self):
        self.write("a.json", pretty(faulty_request()))
        cases = [
            ({"rule": "schema.pattern"}, "reason"),
            ({"rule": "schema.pattern", "reason": "  "}, "reason"),
            ({"reason": "no rule"}, "rule"),
            ({"rule": "schema.pattern", "reason": "x", "note": "y"}, 'unknown key "note"'),
            ({"rule": "schema.nope", "reason": "x"}, "names no rule"),
            ({"rule": "nothing.*", "reason": "x"}, "names no rule"),
            ({"rule": "schema.pattern", "path": "[ab.json", "reason": "x"}, "'['"),
            ({"rule": "schema.pattern", "path": "/etc/*.json", "reason": "x"}, "not relative"),
            ({"rule": "schema.pattern", "path": "../*.json", "reason": "x"}, "not relative"),
            ({"rule": "schema.pattern", "pointer": "connectionMode", "reason": "x"}, "not a JSON Pointer"),
            ({"rule": "schema.pattern", "pointer": 3, "reason": "x"}, "must be a string"),
        ]
        for entry, words in cases:
            with self.subTest(entry=entry):
                self.config([{"rule": "schema.enum", "reason": "fine"}, entry])
                run = self.run_cli("a.json")
                self.assertEqual(run.status, 2, run.describe())
                self.assertEqual(run.stdout, "", run.describe())
                lines = run.stderr.splitlines()
                self.assertEqual(len(lines), 1, run.describe())
                # The second entry opens on line 7 of the file json.dumps(indent=2) writes.
                self.assertRegex(lines[0], r"^appflow-lint: \.appflow-lint\.json:7:5: ", run.describe())
                self.assertIn(words, lines[0], run.describe())
        self.write(".appflow-lint.json", '{"suppressions": {"rule": "schema.enum"}}')
        run = self.run_cli("a.json")
        self.assertEqual(run.status, 2, run.describe())
        self.assertRegex(run.stderr, r"^appflow-lint: \.appflow-lint\.json: \"suppressions\" must be an array")


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
