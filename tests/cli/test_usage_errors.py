#!/usr/bin/env python3
"""Usage errors in plain words (docs/cli.md, "Usage errors").

Usage: test_usage_errors.py PATH/TO/appflow-lint [unittest options]

Every usage error is exactly one line on standard error that starts with
`appflow-lint:`, names the accepted values in words, suggests the closest one
where one is close, writes nothing on standard output and exits 2. Covered: bad
and numeric --format, a missing value, unknown options, out-of-range numbers,
--jsonl without standard input, --list-rules with a format it cannot print,
--operation, --color, --jobs, --rule ids and severities, and the server's options.
--help and --version still work.

Standard library only; the helpers come from test_cli.py.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request, pretty  # noqa: E402

FORMATS = "text, json, sarif, gcc, github"


class UsageErrorTest(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("clean.json", pretty(clean_request()))

    def usage_error(self, *args, stdin=None):
        """Runs a command that must be a usage error; returns its one line without the prefix."""
        run = self.run_cli(*args, stdin=stdin)
        self.assertEqual(run.status, 2, run.describe())
        self.assertEqual(run.stdout, "", run.describe())
        self.assertTrue(run.stderr.endswith("\n"), run.describe())
        lines = run.stderr.splitlines()
        self.assertEqual(len(lines), 1, f"not exactly one line on stderr\n{run.describe()}")
        self.assertTrue(lines[0].startswith("appflow-lint: "), run.describe())
        return lines[0][len("appflow-lint: "):]

    def assert_suggests(self, message, word):
        self.assertTrue(message.endswith(f"; did you mean {word}?"), message)

    def assert_no_suggestion(self, message):
        self.assertNotIn("did you mean", message)

    # --- --format ---------------------------------------------------------------
    def test_bad_format_names_the_formats(self):
        message = self.usage_error("--format", "yaml", "clean.json")
        self.assertEqual(message, f"--format must be one of {FORMATS}")

    def test_misspelt_format_gets_a_suggestion(self):
        for wrong, meant in [("jsn", "json"), ("JSON", "json"), ("sarf", "sarif"), ("githb", "github")]:
            with self.subTest(wrong):
                message = self.usage_error("--format", wrong, "clean.json")
                self.assertTrue(message.startswith(f"--format must be one of {FORMATS}"), message)
                self.assert_suggests(message, meant)

    def test_format_numbers_are_not_accepted(self):
        # CLI11's enum transformer took the enumerators' numbers: 3 was gcc.
        for number in ["0", "1", "2", "3", "4"]:
            with self.subTest(number):
                message = self.usage_error("--format", number, "clean.json")
                self.assertEqual(message, f"--format must be one of {FORMATS}")

    def test_format_without_a_value(self):
        message = self.usage_error("clean.json", "--format")
        self.assertEqual(message, f"--format needs a value: one of {FORMATS}")

    def test_format_given_twice(self):
        message = self.usage_error("--format", "json", "--format", "text", "clean.json")
        self.assertIn("--format", message)
        self.assertIn("once", message)

    # --- unknown options --------------------------------------------------------
    def test_misspelt_option_gets_a_suggestion(self):
        for args, wrong, meant in [(["--frmat", "json"], "--frmat", "--format"),
                                   (["--frmat=json"], "--frmat", "--format"),
                                   (["--max-warning", "3"], "--max-warning", "--max-warnings"),
                                   (["--qiet"], "--qiet", "--quiet"),
                                   (["--jsnl", "-"], "--jsnl", "--jsonl")]:
            with self.subTest(wrong):
                message = self.usage_error(*args, "clean.json")
                self.assertTrue(message.startswith(f"unknown option {wrong}"), message)
                self.assert_suggests(message, meant)

    def test_unknown_option_far_from_any(self):
        message = self.usage_error("--no-such-option", "clean.json")
        self.assertTrue(message.startswith("unknown option --no-such-option"), message)
        self.assert_no_suggestion(message)

    # --- numbers ----------------------------------------------------------------
    def test_max_warnings_out_of_range(self):
        for value in ["-1", "99999999999999999999999", "1.5", "1e3", "0x10", "ten", ""]:
            with self.subTest(value):
                message = self.usage_error("--max-warnings", value, "clean.json")
                self.assertEqual(message, "--max-warnings must be a whole number from 0 to 2147483647")

    def test_max_warnings_is_decimal(self):
        # CLI11 reads integers with base prefixes ("010" as 8); this option is decimal.
        # Nine lines with a duplicate key each: nine warnings, no error.
        line = ('{"connectorProfileName": "acme-salesforce-prod", "connectionMode": "Private", '
                '"connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": '
                '{"Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com"}}}}\n')
        self.write("nine.jsonl", line * 9)
        run, report = self.lint_json("nine.jsonl", expect_status=0)
        self.assertEqual((report["summary"]["warnings"], report["summary"]["errors"]), (9, 0))
        self.assertEqual(self.run_cli("--max-warnings", "010", "nine.jsonl").status, 0)
        self.assertEqual(self.run_cli("--max-warnings", "9", "nine.jsonl").status, 0)
        self.assertEqual(self.run_cli("--max-warnings", "08", "nine.jsonl").status, 1)

    def test_jobs_out_of_range(self):
        for flag in ["-j", "--jobs"]:
            for value in ["0", "1025", "-3", "many", "99999999999999999999"]:
                with self.subTest(flag=flag, value=value):
                    message = self.usage_error(flag, value, "clean.json")
                    self.assertEqual(message, "--jobs must be a whole number from 1 to 1024")
        self.assertEqual(self.run_cli("-j", "1024", "clean.json").status, 0)

    def test_no_number_is_hundreds_of_digits_long(self):
        for args in [["--max-warnings", "-1"], ["-j", "0"]]:
            with self.subTest(args):
                message = self.usage_error(*args, "clean.json")
                self.assertIsNone(re.search(r"\d{11,}", message), message)

    # --- options that do not apply ---------------------------------------------
    def test_jsonl_without_standard_input(self):
        message = self.usage_error("--jsonl", "clean.json")
        self.assertEqual(message, "--jsonl reads standard input as JSON Lines, but no PATH is - (add -)")
        line = pretty(clean_request()).replace("\n", "") + "\n"
        self.assertEqual(self.run_cli("--jsonl", "-", stdin=line * 2).status, 0)
        self.assertEqual(self.run_cli("--jsonl", "--stdin-filename", "in.jsonl", stdin=line).status, 0)

    def test_list_rules_with_a_format_it_cannot_print(self):
        for format_ in ["sarif", "gcc", "github"]:
            with self.subTest(format_):
                message = self.usage_error("--list-rules", "--format", format_)
                self.assertIn("--list-rules", message)
                self.assertIn("text or json", message)
        for format_ in ["text", "json"]:
            with self.subTest(format_):
                run = self.run_cli("--list-rules", "--format", format_)
                self.assertEqual(run.status, 0, run.describe())
                self.assertTrue(run.stdout, run.describe())

    # --- --operation and --color ------------------------------------------------
    def test_operation_prefix_or_case_gets_a_suggestion(self):
        for wrong, meant in [("update", "UpdateConnectorProfile"), ("Create", "CreateConnectorProfile"),
                             ("updateconnectorprofile", "UpdateConnectorProfile"),
                             ("CreateConectorProfile", "CreateConnectorProfile")]:
            with self.subTest(wrong):
                message = self.usage_error("--operation", wrong, "clean.json")
                self.assertTrue(message.startswith(
                    "--operation must be one of UpdateConnectorProfile, CreateConnectorProfile"), message)
                self.assert_suggests(message, meant)

    def test_operation_far_from_any(self):
        message = self.usage_error("--operation", "DeleteConnectorProfile", "clean.json")
        self.assertEqual(message, "--operation must be one of UpdateConnectorProfile, CreateConnectorProfile")

    def test_operation_still_chooses_the_shape(self):
        run = self.run_cli("--operation", "CreateConnectorProfile", "--format", "json", "clean.json")
        self.assertIn('"operation": "CreateConnectorProfile"', run.stdout.replace('":"', '": "'), run.describe())

    def test_color(self):
        message = self.usage_error("--color", "sometimes", "clean.json")
        self.assertEqual(message, "--color must be one of auto, always, never")
        self.assert_suggests(self.usage_error("--color", "alway", "clean.json"), "always")
        self.assert_suggests(self.usage_error("--color", "NEVER", "clean.json"), "never")
        self.assertEqual(self.run_cli("--color", "never", "clean.json").status, 0)

    # --- --rule -----------------------------------------------------------------
    def test_rule_with_an_unknown_id_gets_a_suggestion(self):
        rule = max(sorted(test_cli.listed_rules()), key=len)  # the longest id: no other is near it
        middle = len(rule) // 2
        wrong = rule[:middle] + rule[middle + 1:]
        message = self.usage_error("--rule", f"{wrong}=off", "clean.json")
        self.assertTrue(message.startswith(f"--rule {wrong}=off: unknown rule '{wrong}'"), message)
        self.assert_suggests(message, rule)
        far = self.usage_error("--rule", "zzzz=off", "clean.json")
        self.assertIn("unknown rule 'zzzz'", far)
        self.assert_no_suggestion(far)

    def test_rule_with_an_unknown_severity_gets_a_suggestion(self):
        rule = sorted(test_cli.listed_rules())[0]
        for wrong, meant in [("warn", "warning"), ("Error", "error"), ("of", "off"), ("infoo", "info")]:
            with self.subTest(wrong):
                message = self.usage_error("--rule", f"{rule}={wrong}", "clean.json")
                self.assertTrue(message.startswith(
                    f"--rule {rule}={wrong}: the severity must be one of off, info, warning, error"), message)
                self.assert_suggests(message, meant)

    def test_rule_without_a_severity(self):
        rule = sorted(test_cli.listed_rules())[0]
        message = self.usage_error("--rule", rule, "clean.json")
        self.assertIn("ID=SEVERITY", message)
        self.assertIn("off, info, warning, error", message)

    # --- one line whatever the input holds, the server, help and version ------
    def test_control_characters_stay_on_one_line(self):
        message = self.usage_error("--fr\nmat\r\x1b[2J", "clean.json")
        self.assertNotIn("\x1b", message)
        self.assertTrue(message.startswith("unknown option --fr\\nmat\\r"), message)

    def test_server_options(self):
        message = self.usage_error("server", "--stdoi")
        self.assertTrue(message.startswith("unknown option --stdoi"), message)
        self.assert_suggests(message, "--stdio")

    def test_help_and_version_still_work(self):
        help_ = self.run_cli("--help")
        self.assertEqual(help_.status, 0, help_.describe())
        for option in ["--format", "--operation", "--color", "--max-warnings", "--jobs", "--rule"]:
            self.assertIn(option, help_.stdout)
        self.assertIn("text|json|sarif|gcc|github", help_.stdout)
        version = self.run_cli("--version")
        self.assertEqual(version.status, 0, version.describe())
        self.assertTrue(version.stdout.startswith("appflow-lint "), version.describe())
        server_help = self.run_cli("server", "--help")
        self.assertEqual(server_help.status, 0, server_help.describe())
        self.assertIn("--stdio", server_help.stdout)


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
