#!/usr/bin/env python3
"""--fix, --unsafe-fixes and --diff (docs/cli.md, "Fixes").

Usage: test_fix.py PATH/TO/appflow-lint [unittest options]

- --fix applies the safe fixes only and keeps every other byte (BOM, CRLF,
  indentation, non-ASCII text before an edit on the same line);
- --unsafe-fixes adds the others; the exit status counts what remains;
- --diff prints a unified diff, writes nothing, exits 1 on a change, and masks
  sensitive values;
- a file with a syntax error is never touched; JSON Lines are fixed line by line;
- standard input with --fix prints the fixed text, the report going to stderr.

Standard library only; the helpers and the contract's shape checks come from test_cli.py.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase  # noqa: E402

SECRET = "Zq7Vx9Lm2Tk4Pw8R"

# Three faults on CRLF lines after a byte-order mark: an enum in the wrong case and a
# quoted boolean (safe fixes), a space in the name (an unsafe one). The URL before the
# quoted boolean holds 2- and 4-byte characters, so a column is not a byte.
FAULTY = ("\ufeff{\r\n"
          '    "connectorProfileName": "acme sf",\r\n'
          '    "connectionMode": "public",\r\n'
          '    "connectorProfileConfig": {\r\n'
          '        "connectorProfileProperties": {\r\n'
          '            "Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com/Ünïcødé🚀", '
          '"isSandboxEnvironment": "false"}\r\n'
          "        },\r\n"
          '        "connectorProfileCredentials": {\r\n'
          '            "Salesforce": {"accessToken": "' + SECRET + '", "refreshToken": "' + SECRET + 'r", '
          '"clientCredentialsArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:sf-Ab12Cd"}\r\n'
          "        }\r\n"
          "    }\r\n"
          "}\r\n")

SAFE_FIXED = FAULTY.replace('"public"', '"Public"').replace('"isSandboxEnvironment": "false"',
                                                             '"isSandboxEnvironment": false')
ALL_FIXED = SAFE_FIXED.replace('"acme sf"', '"acme_sf"')


class FixTest(CliTestCase):
    def read(self, name):
        return (self.dir / name).read_bytes().decode("utf-8")

    def rules(self, report):
        return sorted(d["rule"] for d in self.diagnostics(report))

    def test_fix_applies_safe_fixes_and_keeps_every_other_byte(self):
        self.write("p.json", FAULTY)
        run, report = self.lint_json("--fix", "p.json", expect_status=1)
        self.assertEqual(self.read("p.json"), SAFE_FIXED)
        self.assertEqual(self.rules(report), ["schema.pattern"], run.describe())
        self.assertEqual(report["summary"]["fixed"], 2)
        # A second run finds nothing safe left to do.
        run, report = self.lint_json("--fix", "p.json", expect_status=1)
        self.assertEqual(report["summary"]["fixed"], 0)
        self.assertEqual(self.read("p.json"), SAFE_FIXED)

    def test_fixing_a_folder_reports_what_remains_in_the_fixed_files(self):
        # A folder walk reads each file to choose it, and keeps the text for the lint:
        # after --fix the report must come from the fixed file, not from that read.
        self.write("profiles/p.json", FAULTY)
        run, report = self.lint_json("--fix", "profiles", expect_status=1)
        self.assertEqual(self.read("profiles/p.json"), SAFE_FIXED)
        self.assertEqual(self.rules(report), ["schema.pattern"], run.describe())
        self.assertEqual(report["summary"]["fixed"], 2)

    def test_unsafe_fixes_apply_the_rest(self):
        self.write("p.json", FAULTY)
        run = self.run_cli("--fix", "--unsafe-fixes", "p.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual(self.read("p.json"), ALL_FIXED)
        self.assertIn("3 problems fixed", run.stdout)
        self.assertEqual(self.run_cli("p.json").status, 0)

    def test_the_suggestions_say_which_are_safe(self):
        self.write("p.json", FAULTY)
        _, report = self.lint_json("p.json", expect_status=1)
        applicability = {d["rule"]: [s["applicability"] for s in d["suggestions"]] for d in self.diagnostics(report)}
        self.assertEqual(applicability, {"schema.pattern": ["unsafe"], "schema.enum": ["safe"],
                                         "schema.type": ["safe"]})
        sarif = json.loads(self.run_cli("--format", "sarif", "p.json").stdout)
        fixes = [fix for result in sarif["runs"][0]["results"] for fix in result.get("fixes", [])]
        self.assertEqual(sorted(fix["properties"]["applicability"] for fix in fixes), ["safe", "safe", "unsafe"])

    def test_diff_writes_nothing_and_masks_secrets(self):
        self.write("p.json", FAULTY)
        run = self.run_cli("--diff", "p.json")
        self.assertEqual(run.status, 1, run.describe())
        self.assertEqual(self.read("p.json"), FAULTY)
        self.assertTrue(run.stdout.startswith("--- p.json\n+++ p.json\n@@ "), run.describe())
        self.assertIn('-    "connectionMode": "public",\r\n+    "connectionMode": "Public",\r\n', run.stdout)
        self.assertNotIn("acme_sf", run.stdout)  # unsafe: only with --unsafe-fixes
        self.assertNotIn(SECRET[:8], run.stdout + run.stderr)
        self.assertIn("+", self.run_cli("--diff", "--unsafe-fixes", "p.json").stdout)
        self.assertIn("acme_sf", self.run_cli("--diff", "--unsafe-fixes", "p.json").stdout)
        # Nothing to change: no output, exit 0.
        self.write("clean.json", ALL_FIXED)
        run = self.run_cli("--diff", "clean.json")
        self.assertEqual((run.status, run.stdout), (0, ""), run.describe())

    def test_a_file_with_a_syntax_error_is_not_touched(self):
        broken = FAULTY.replace('"public",', '"public",,')
        self.write("broken.json", broken)
        run = self.run_cli("--fix", "--unsafe-fixes", "broken.json")
        self.assertEqual(run.status, 1, run.describe())
        self.assertEqual(self.read("broken.json"), broken)
        self.assertEqual(self.run_cli("--diff", "broken.json").stdout, "")

    def test_json_lines_are_fixed_line_by_line(self):
        one = json.dumps(test_cli.clean_request()).replace('"Public"', '"public"')
        two = json.dumps(test_cli.clean_request("second one")).replace('"Public"', '"private"')
        self.write("batch.jsonl", one + "\n\n" + two + "\r\n")
        run, report = self.lint_json("--fix", "batch.jsonl", expect_status=1)
        fixed = self.read("batch.jsonl")
        self.assertEqual(fixed, one.replace('"public"', '"Public"') + "\n\n" + two.replace('"private"', '"Private"')
                         + "\r\n")
        self.assertEqual([(d["rule"], d["document"]) for d in self.diagnostics(report)], [("schema.pattern", 2)])

    def test_standard_input_prints_the_fixed_text(self):
        run = self.run_cli("--fix", "--format", "json", "-", stdin=FAULTY)
        self.assertEqual(run.status, 1, run.describe())
        self.assertEqual(run.stdout_bytes.decode("utf-8"), SAFE_FIXED)
        report = json.loads(run.stderr_bytes)
        self.assertEqual([d["rule"] for d in self.diagnostics(report)], ["schema.pattern"])
        self.assertEqual(report["summary"]["fixed"], 2)
        # With --stdin-filename, the diff names the file.
        run = self.run_cli("--diff", "--stdin-filename", "profiles/p.json", stdin=FAULTY)
        self.assertEqual(run.status, 1, run.describe())
        self.assertTrue(run.stdout.startswith("--- profiles/p.json\n"), run.describe())

    def test_rules_turned_off_are_not_fixed(self):
        self.write("p.json", FAULTY)
        self.run_cli("--fix", "--rule", "schema.enum=off", "p.json")
        self.assertIn('"connectionMode": "public"', self.read("p.json"))
        self.assertIn('"isSandboxEnvironment": false', self.read("p.json"))

    def test_unsafe_fixes_alone_is_a_usage_error(self):
        self.write("p.json", FAULTY)
        run = self.run_cli("--unsafe-fixes", "p.json")
        self.assertEqual(run.status, 2, run.describe())
        self.assertIn("--fix or --diff", run.stderr)
        self.assertEqual(self.read("p.json"), FAULTY)


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
