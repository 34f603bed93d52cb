#!/usr/bin/env python3
"""End-to-end tests of the appflow-lint command line, against the CLI contract
(docs: the CLI contract, summarised in docs/cli.md; "the contract" below).

Usage: test_cli.py PATH/TO/appflow-lint [unittest options]
Environment: APPFLOW_LINT_VERSION (optional) is the project version `--version`
and `tool.version` must report.

Every run happens in a fresh temporary folder (no `.appflow-lint.json` above it),
with real input files. Standard library only (Debian 12 python3).
"""

import json
import os
import pty
import re
import resource
import select
import stat
import subprocess
import sys
import tempfile
import time
import unittest
import uuid
from pathlib import Path

BINARY = None  # set in __main__
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
VERSION = os.environ.get("APPFLOW_LINT_VERSION")

UPDATE = "UpdateConnectorProfile"
CREATE = "CreateConnectorProfile"
SEVERITIES = ("error", "warning", "info")
RULE_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
ANSI = re.compile(rb"\x1b\[")
TEXT_HEADER = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info): "
    r"(?P<message>.*) \[(?P<rule>[a-z0-9.-]+)\]$")
TEXT_SUMMARY = re.compile(
    r"^(no problems|\d+ problems?( \(\d+ errors?, \d+ warnings?, \d+ infos?\))?) in \d+ files?, \d+ documents?$")

# The schema-level rule ids the contract lists.
CONTRACT_SCHEMA_RULES = {
    "json.syntax", "schema.required", "schema.unknown-property", "schema.type", "schema.min-length",
    "schema.max-length", "schema.pattern", "schema.enum", "schema.minimum", "schema.maximum",
    "schema.min-properties", "schema.max-properties", "schema.property-name",
}

# The AWS documentation's own UpdateConnectorProfile sample (invalid as printed there).
SEED_SAMPLE = (
    '{ "connectorProfileName": "Connector_Profile_Name_value", "kmsArn": null, "connectorType": "Salesforce", '
    '"connectionMode": "Public", "connectorProfileConfig": { "connectorProfileProperties": { "salesforce": { '
    '"instanceUrl": "Instance_url_value", "isSandboxEnvironment": false } }, "connectorProfileCredentials": { '
    '"salesforce": { "accessToken": "<AccessToken>", "refreshToken": "<RefreshToken>", "oauthRequest": { '
    '"authCode": null, "redirectUri": null } } } } }\n')


def clean_request(name="acme-salesforce-prod"):
    """A valid UpdateConnectorProfile request with realistic values."""
    return {
        "connectorProfileName": name,
        "connectionMode": "Public",
        "connectorProfileConfig": {
            "connectorProfileProperties": {
                "Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com", "isSandboxEnvironment": False}
            }
        },
    }


def clean_create_request():
    request = clean_request("acme-salesforce-create")
    request["connectorType"] = "Salesforce"
    return request


def pretty(document):
    return json.dumps(document, indent=2) + "\n"


def minified(document):
    return json.dumps(document, separators=(",", ":")) + "\n"


def resolve_pointer(document, pointer):
    """The node an RFC 6901 pointer names; KeyError/IndexError when there is none."""
    if pointer == "":
        return document
    if not pointer.startswith("/"):
        raise KeyError(pointer)
    node = document
    for token in pointer[1:].split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict):
            node = node[token]
        else:
            raise KeyError(pointer)
    return node


def text_at(text, range_):
    """The source text inside a contract range (1-based lines, code-point columns)."""
    lines = text.split("\n")
    start, end = range_["start"], range_["end"]
    if start["line"] == end["line"]:
        return lines[start["line"] - 1][start["column"] - 1:end["column"] - 1]
    parts = [lines[start["line"] - 1][start["column"] - 1:]]
    parts += lines[start["line"]:end["line"] - 1]
    parts.append(lines[end["line"] - 1][:end["column"] - 1])
    return "\n".join(parts)


class Run:
    """One finished appflow-lint process."""

    def __init__(self, args, completed, seconds, cpu_seconds):
        self.args = args
        self.status = completed.returncode
        self.stdout_bytes = completed.stdout
        self.stderr_bytes = completed.stderr
        self.stdout = completed.stdout.decode("utf-8", "replace")
        self.stderr = completed.stderr.decode("utf-8", "replace")
        self.seconds = seconds          # wall clock
        self.cpu_seconds = cpu_seconds  # user + system: what the run costs on a loaded machine

    def describe(self):
        return (f"appflow-lint {' '.join(self.args)}\nexit status {self.status}, "
                f"{self.seconds:.1f} s ({self.cpu_seconds:.1f} s CPU)\n"
                f"--- stdout (first 3000 characters)\n{self.stdout[:3000]}\n"
                f"--- stderr (first 3000 characters)\n{self.stderr[:3000]}")


_listed_rules = None


def listed_rules():
    """Rule ids from `--list-rules --format json` (cached)."""
    global _listed_rules
    if _listed_rules is None:
        completed = subprocess.run([BINARY, "--list-rules", "--format", "json"], capture_output=True, timeout=60)
        assert completed.returncode == 0, completed
        _listed_rules = {rule["id"] for rule in json.loads(completed.stdout)["rules"]}
    return _listed_rules


class CliTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="appflow-lint-cli-")
        self.dir = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    # --- inputs -----------------------------------------------------------------
    def write(self, name, content):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return name

    # --- running ----------------------------------------------------------------
    def run_cli(self, *args, stdin=None, env=None, timeout=60, cwd=None):
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        if env:
            full_env.update(env)
        if isinstance(stdin, str):
            stdin = stdin.encode("utf-8")
        started = time.monotonic()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        completed = subprocess.run([BINARY, *args], input=stdin if stdin is not None else b"",
                                   capture_output=True, env=full_env, timeout=timeout,
                                   cwd=cwd or self.dir)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        run = Run(list(args), completed, time.monotonic() - started, cpu)
        self.assertGreaterEqual(run.status, 0, f"killed by signal {-run.status}\n{run.describe()}")
        self.assertNotIn("internal error", run.stderr, run.describe())
        return run

    def lint_json(self, *args, stdin=None, expect_status=None, multi_document=(), env=None, timeout=60):
        """Runs with --format json, checks the report against the contract, returns (run, report)."""
        run = self.run_cli("--format", "json", *args, stdin=stdin, env=env, timeout=timeout)
        if expect_status is not None:
            self.assertEqual(run.status, expect_status, run.describe())
        try:
            report = json.loads(run.stdout_bytes)
        except ValueError as error:
            self.fail(f"stdout is not one JSON value: {error}\n{run.describe()}")
        self.check_report_shape(report, run, multi_document)
        return run, report

    def check_suppressing_report_shape(self, report, run, multi_document=()):
        """The contract's shape with what suppressions and baselines add to it: the
        summary's `suppressed` count, and `configurationNotes` when an entry matched
        nothing."""
        where = run.describe()
        summary = dict(report["summary"])
        self.assertIsInstance(summary.pop("suppressed", None), int, where)
        rest = dict(report, summary=summary)
        if "configurationNotes" in rest:
            notes = rest.pop("configurationNotes")
            self.assertTrue(notes, where)
            for note in notes:
                self.assertEqual(set(note) - {"position"}, {"rule", "severity", "message", "path"}, where)
                self.assertIn(note["rule"], ("config.unused-suppression", "baseline.stale"), where)
                self.assertEqual(note["severity"], "info", where)
                if "position" in note:
                    self.assertEqual(set(note["position"]), {"line", "column"}, where)
        CliTestCase.check_report_shape(self, rest, run, multi_document)

    def check_report_shape(self, report, run, multi_document=()):
        """The `--format json` shape of the contract, exactly."""
        where = run.describe()
        self.assertIsInstance(report, dict, where)
        self.assertEqual(set(report), {"tool", "files", "summary"}, where)
        self.assertEqual(set(report["tool"]), {"name", "version"}, where)
        self.assertEqual(report["tool"]["name"], "appflow-lint", where)
        self.assertRegex(report["tool"]["version"], r"^\d+\.\d+\.\d+", where)
        if VERSION:
            self.assertEqual(report["tool"]["version"], VERSION, where)
        self.assertIsInstance(report["files"], list, where)
        counts = {severity: 0 for severity in SEVERITIES}
        for file in report["files"]:
            self.assertEqual(set(file), {"path", "operation", "diagnostics"}, where)
            self.assertIsInstance(file["path"], str, where)
            self.assertIn(file["operation"], (UPDATE, CREATE), where)
            self.assertIsInstance(file["diagnostics"], list, where)
            multi = file["path"].endswith((".jsonl", ".ndjson")) or file["path"] in multi_document
            for diagnostic in file["diagnostics"]:
                self.check_diagnostic_shape(diagnostic, multi, where)
                counts[diagnostic["severity"]] += 1
        summary = report["summary"]
        # "fixed" is there exactly when --fix ran (the count of edits applied).
        fixing = "--fix" in run.args
        self.assertEqual(set(summary), {"files", "documents", "errors", "warnings", "infos"} | ({"fixed"} if fixing else set()),
                         where)
        for value in summary.values():
            self.assertIsInstance(value, int, where)
            self.assertGreaterEqual(value, 0, where)
        self.assertEqual(summary["files"], len(report["files"]), where)
        self.assertEqual(summary["errors"], counts["error"], where)
        self.assertEqual(summary["warnings"], counts["warning"], where)
        self.assertEqual(summary["infos"], counts["info"], where)

    def check_diagnostic_shape(self, diagnostic, multi, where):
        required = {"rule", "severity", "message", "pointer", "range"}
        self.assertLessEqual(required, set(diagnostic), where)
        self.assertLessEqual(set(diagnostic) - required, {"suggestions", "document"}, where)
        self.assertRegex(diagnostic["rule"], RULE_ID, where)
        self.assertIn(diagnostic["rule"], listed_rules(), f"rule id missing from --list-rules\n{where}")
        self.assertIn(diagnostic["severity"], SEVERITIES, where)
        self.assertIsInstance(diagnostic["message"], str, where)
        self.assertTrue(diagnostic["message"], where)
        pointer = diagnostic["pointer"]
        self.assertIsInstance(pointer, str, where)
        self.assertTrue(pointer == "" or pointer.startswith("/"), where)
        self.assertNotRegex(pointer, r"~(?![01])", f"not an RFC 6901 pointer: {pointer}\n{where}")
        self.check_range_shape(diagnostic["range"], where)
        if "suggestions" in diagnostic:
            self.assertIsInstance(diagnostic["suggestions"], list, where)
            for suggestion in diagnostic["suggestions"]:
                self.assertIn("message", suggestion, where)
                self.assertLessEqual(set(suggestion), {"message", "replacement", "applicability"}, where)
                self.assertIn(suggestion["applicability"], ("safe", "unsafe"), where)
                self.assertIsInstance(suggestion["message"], str, where)
                if "replacement" in suggestion:
                    self.assertEqual(set(suggestion["replacement"]), {"range", "text"}, where)
                    self.check_range_shape(suggestion["replacement"]["range"], where)
                    self.assertIsInstance(suggestion["replacement"]["text"], str, where)
        if multi:
            self.assertIn("document", diagnostic, where)
            self.assertIsInstance(diagnostic["document"], int, where)
            self.assertGreaterEqual(diagnostic["document"], 0, where)
        else:
            self.assertNotIn("document", diagnostic, where)

    def check_range_shape(self, range_, where):
        self.assertEqual(set(range_), {"start", "end"}, where)
        for end in ("start", "end"):
            self.assertEqual(set(range_[end]), {"line", "column"}, where)
            for value in range_[end].values():
                self.assertIsInstance(value, int, where)
                self.assertGreaterEqual(value, 1, where)
        start = (range_["start"]["line"], range_["start"]["column"])
        end = (range_["end"]["line"], range_["end"]["column"])
        self.assertLessEqual(start, end, where)

    # --- report helpers ---------------------------------------------------------
    @staticmethod
    def diagnostics(report, path=None):
        out = []
        for file in report["files"]:
            if path is None or file["path"] == path:
                out.extend(file["diagnostics"])
        return out

    @staticmethod
    def file_entry(report, path):
        matches = [file for file in report["files"] if file["path"] == path]
        assert len(matches) == 1, (path, [file["path"] for file in report["files"]])
        return matches[0]

    def assert_clean(self, report, path=None):
        """No diagnostic of severity error or warning (infos may come with later rules)."""
        found = [d for d in self.diagnostics(report, path) if d["severity"] in ("error", "warning")]
        self.assertEqual(found, [], f"expected no errors or warnings in {path or 'the run'}")

    def parse_text(self, stdout):
        """Splits text output into diagnostics (header, source, carets, helps) and the summary line."""
        lines = stdout.split("\n")
        self.assertEqual(lines[-1], "", "text output must end with a newline")
        lines = lines[:-1]
        self.assertTrue(lines, "text output is empty")
        self.assertRegex(lines[-1], TEXT_SUMMARY)
        diagnostics = []
        for line in lines[:-1]:
            match = TEXT_HEADER.match(line)
            if match:
                diagnostics.append({"header": match, "body": []})
            else:
                self.assertTrue(diagnostics, f"text output starts with a non-diagnostic line: {line!r}")
                self.assertTrue(line.startswith("  "), f"unexpected line in text output: {line!r}")
                diagnostics[-1]["body"].append(line)
        return diagnostics, lines[-1]


# ----------------------------------------------------------------------------------
class ExitStatusTest(CliTestCase):
    def test_clean_request_exits_0(self):
        self.write("clean.json", pretty(clean_request()))
        run, report = self.lint_json("clean.json", expect_status=0)
        self.assertEqual([file["path"] for file in report["files"]], ["clean.json"])
        self.assertEqual(self.diagnostics(report), [])
        self.assertEqual(report["summary"], {"files": 1, "documents": 1, "errors": 0, "warnings": 0, "infos": 0})
        self.assertEqual(self.run_cli("clean.json").status, 0)

    def test_any_error_exits_1(self):
        self.write("clean.json", pretty(clean_request()))
        self.write("faulty.json", pretty(clean_request("acme salesforce")))
        run, report = self.lint_json("clean.json", "faulty.json", expect_status=1)
        [diagnostic] = self.diagnostics(report, "faulty.json")
        self.assertEqual((diagnostic["rule"], diagnostic["severity"], diagnostic["pointer"]),
                         ("schema.pattern", "error", "/connectorProfileName"))
        self.assertEqual(self.run_cli("faulty.json", "clean.json").status, 1)

    def test_syntax_error_counts_as_error(self):
        self.write("broken.json", '{"connectorProfileName": "x",}\n')
        run, report = self.lint_json("broken.json", expect_status=1)
        self.assertEqual([d["rule"] for d in self.diagnostics(report)], ["json.syntax"])

    def test_warnings_only_exit_0_and_max_warnings(self):
        text = ('{"connectorProfileName": "acme-salesforce-prod", "connectionMode": "Private",\n'
                ' "connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties":'
                ' {"Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com"}}}}\n')
        self.write("duplicate.json", text)
        run, report = self.lint_json("duplicate.json", expect_status=0)
        [diagnostic] = self.diagnostics(report)
        self.assertEqual((diagnostic["rule"], diagnostic["severity"], diagnostic["pointer"]),
                         ("json.duplicate-key", "warning", "/connectionMode"))
        self.assertEqual(text_at(text, diagnostic["range"]), '"connectionMode"')
        self.assertEqual(diagnostic["range"]["start"], {"line": 2, "column": 2})
        self.assertEqual(report["summary"]["warnings"], 1)
        self.assertEqual(self.run_cli("duplicate.json").status, 0)
        over = self.run_cli("--max-warnings", "0", "duplicate.json")
        self.assertEqual(over.status, 1, over.describe())
        self.assertEqual(self.run_cli("--max-warnings", "1", "duplicate.json").status, 0)
        self.assertEqual(self.run_cli("--format", "json", "--max-warnings", "0", "duplicate.json").status, 1)

    def test_usage_errors_exit_2(self):
        self.write("clean.json", pretty(clean_request()))
        cases = {
            "unknown option": ["--no-such-option", "clean.json"],
            "bad --format value": ["--format", "yaml", "clean.json"],
            "bad --operation": ["--operation", "DeleteConnectorProfile", "clean.json"],
            "--operation in the wrong case": ["--operation", "updateconnectorprofile", "clean.json"],
            "bad --color value": ["--color", "sometimes", "clean.json"],
            "negative --max-warnings": ["--max-warnings", "-1", "clean.json"],
            "no PATH": [],
            "no PATH, only options": ["--format", "json"],
        }
        for name, args in cases.items():
            with self.subTest(name):
                run = self.run_cli(*args)
                self.assertEqual(run.status, 2, run.describe())
                self.assertTrue(run.stderr.strip(), f"no message on stderr\n{run.describe()}")

    def test_missing_path_exits_2_and_other_paths_are_still_reported(self):
        self.write("faulty.json", pretty(clean_request("acme salesforce")))
        self.write("clean.json", pretty(clean_request()))
        run, report = self.lint_json("missing.json", "faulty.json", "clean.json", expect_status=2)
        self.assertIn("missing.json", run.stderr)
        for line in run.stderr.splitlines():
            self.assertTrue(line.startswith("appflow-lint: "), line)
        self.assertEqual([file["path"] for file in report["files"]], ["faulty.json", "clean.json"])
        self.assertEqual([d["rule"] for d in self.diagnostics(report, "faulty.json")], ["schema.pattern"])
        text = self.run_cli("faulty.json", "missing.json")
        self.assertEqual(text.status, 2, text.describe())
        self.assertIn("faulty.json:", text.stdout)
        self.assertIn("missing.json", text.stderr)
        self.assertEqual(self.run_cli("clean.json", "missing.json").status, 2)

    def test_fifo_is_refused_quickly_without_blocking(self):
        os.mkfifo(self.dir / "pipe.json")
        self.write("faulty.json", pretty(clean_request("acme salesforce")))
        started = time.monotonic()
        run, report = self.lint_json("pipe.json", "faulty.json", expect_status=2, timeout=30)
        self.assertLess(time.monotonic() - started, 30)
        self.assertLess(run.cpu_seconds, 2, run.describe())
        self.assertIn("pipe.json: not a regular file or directory", run.stderr)
        self.assertEqual([file["path"] for file in report["files"]], ["faulty.json"])
        self.assertEqual(len(self.diagnostics(report, "faulty.json")), 1)

    def test_directory_in_the_list_is_recursed(self):
        self.write("tree/a.json", pretty(clean_request("acme salesforce")))
        self.write("tree/nested/deeper/b.jsonl", minified(clean_request("b 1")) + minified(clean_request()))
        self.write("tree/nested/c.ndjson", minified(clean_request()))
        self.write("tree/nested/ignored.txt", "not json at all")
        self.write("tree/nested/ignored.yaml", "connectionMode: Public\n")
        self.write("tree/.hidden.json", "{")
        self.write("tree/.git/objects.json", "{")
        self.write("single.json", pretty(clean_request("single file")))
        run, report = self.lint_json("single.json", "tree", expect_status=1)
        paths = sorted(Path(file["path"]).as_posix() for file in report["files"])
        self.assertEqual(paths, ["single.json", "tree/a.json", "tree/nested/c.ndjson",
                                 "tree/nested/deeper/b.jsonl"])
        self.assertEqual(report["summary"]["documents"], 5)
        by_path = {Path(file["path"]).as_posix(): file["diagnostics"] for file in report["files"]}
        self.assertEqual([d["rule"] for d in by_path["tree/a.json"]], ["schema.pattern"])
        self.assertEqual([(d["rule"], d["document"]) for d in by_path["tree/nested/deeper/b.jsonl"]],
                         [("schema.pattern", 0)])
        self.assertEqual(by_path["tree/nested/c.ndjson"], [])

    def test_a_folder_is_reported_in_path_order_component_by_component(self):
        # A folder's files come before a sibling whose name extends the folder's:
        # plain string order would put "a-b.json" and "a.json" ('-' and '.' sort
        # before '/') ahead of "a/...".
        for name in ("tree/a.json", "tree/a-b.json", "tree/a/b.json", "tree/a/a.json", "tree/B.json"):
            self.write(name, minified(clean_request()))
        run, report = self.lint_json("tree", expect_status=0)
        self.assertEqual([Path(file["path"]).as_posix() for file in report["files"]],
                         ["tree/B.json", "tree/a/a.json", "tree/a/b.json", "tree/a-b.json", "tree/a.json"])

    def test_every_format_the_contract_names_is_accepted(self):
        # Contract: `--format text|json|sarif|gcc|github`.
        self.write("clean.json", pretty(clean_request()))
        self.write("faulty.json", pretty(clean_request("acme salesforce")))
        for output_format in ("text", "json", "sarif", "gcc", "github"):
            with self.subTest(output_format):
                clean = self.run_cli("--format", output_format, "clean.json")
                self.assertEqual(clean.status, 0, clean.describe())
                faulty = self.run_cli("--format", output_format, "faulty.json")
                self.assertEqual(faulty.status, 1, faulty.describe())
                self.assertIn("schema.pattern", faulty.stdout, faulty.describe())


# ----------------------------------------------------------------------------------
class StandardInputTest(CliTestCase):
    def test_stdin_json(self):
        run, report = self.lint_json("-", stdin=pretty(clean_request()), expect_status=0)
        self.assertEqual([file["path"] for file in report["files"]], ["-"])
        self.assertEqual(report["summary"]["documents"], 1)
        text = pretty(clean_request("from stdin"))
        run, report = self.lint_json("-", stdin=text, expect_status=1)
        [diagnostic] = self.diagnostics(report)
        self.assertEqual(diagnostic["rule"], "schema.pattern")
        self.assertNotIn("document", diagnostic)
        self.assertEqual(text_at(text, diagnostic["range"]), '"from stdin"')
        self.assertEqual(self.run_cli("-", stdin=text).status, 1)

    def test_stdin_is_one_document_without_jsonl(self):
        two_lines = minified(clean_request()) + minified(clean_request())
        run, report = self.lint_json("-", stdin=two_lines, expect_status=1)
        self.assertEqual([d["rule"] for d in self.diagnostics(report)], ["json.syntax"])

    def test_stdin_jsonl(self):
        text = minified(clean_request()) + "\n" + minified(clean_request("line three")) + minified(clean_request())
        run, report = self.lint_json("--jsonl", "-", stdin=text, expect_status=1, multi_document={"-"})
        [diagnostic] = self.diagnostics(report)
        self.assertEqual((diagnostic["rule"], diagnostic["document"]), ("schema.pattern", 2))
        self.assertEqual(diagnostic["range"]["start"]["line"], 3)
        self.assertEqual(report["summary"]["documents"], 3)
        self.assertEqual(text_at(text, diagnostic["range"]), '"line three"')

    def test_stdin_together_with_files(self):
        self.write("faulty.json", pretty(clean_request("acme salesforce")))
        run, report = self.lint_json("faulty.json", "-", stdin=pretty(clean_request()), expect_status=1)
        self.assertEqual(report["summary"]["files"], 2)
        self.assertEqual(len(self.diagnostics(report, "faulty.json")), 1)


    # --stdin-filename PATH: standard input linted as the file PATH would be.
    def test_stdin_filename_names_the_input_in_every_format(self):
        text = pretty(clean_request("named on stdin"))
        run, report = self.lint_json("--stdin-filename", "profiles/acme.json", stdin=text, expect_status=1)
        self.assertEqual([file["path"] for file in report["files"]], ["profiles/acme.json"])
        self.assertEqual([d["rule"] for d in self.diagnostics(report)], ["schema.pattern"])
        self.assertTrue(self.run_cli("--stdin-filename", "profiles/acme.json", "-", stdin=text)
                        .stdout.startswith("profiles/acme.json:2:27: error:"))
        for output_format in ("gcc", "github", "sarif"):
            with self.subTest(output_format=output_format):
                out = self.run_cli("--format", output_format, "--stdin-filename", "profiles/acme.json",
                                   stdin=text).stdout
                self.assertIn("profiles/acme.json", out)
                self.assertNotIn('"-"', out)

    def test_stdin_filename_takes_the_config_nearest_that_file(self):
        # The config sits beside the named file, not above the working folder.
        self.write("team/.appflow-lint.json", json.dumps({
            "rules": {"schema.pattern": "off"},
            "ignore": ["generated/*"],
            "overrides": [{"files": ["strict/*.json"], "rules": {"schema.pattern": "warning"}}],
        }))
        text = pretty(clean_request("has a space"))
        _, plain = self.lint_json("-", stdin=text, expect_status=1)
        self.assertEqual([d["rule"] for d in self.diagnostics(plain)], ["schema.pattern"])
        _, named = self.lint_json("--stdin-filename", "team/acme.json", stdin=text, expect_status=0)
        self.assertEqual(self.diagnostics(named), [])
        _, overridden = self.lint_json("--stdin-filename", "team/strict/acme.json", stdin=text, expect_status=0)
        self.assertEqual([(d["rule"], d["severity"]) for d in self.diagnostics(overridden)],
                         [("schema.pattern", "warning")])
        _, ignored = self.lint_json("--stdin-filename", "team/generated/acme.json", stdin=text, expect_status=0)
        self.assertEqual(ignored["files"], [])

    def test_stdin_filename_with_a_json_lines_name(self):
        text = minified(clean_request()) + minified(clean_request("line two"))
        _, report = self.lint_json("--stdin-filename", "batch.ndjson", stdin=text, expect_status=1,
                                   multi_document={"batch.ndjson"})
        [diagnostic] = self.diagnostics(report)
        self.assertEqual((diagnostic["rule"], diagnostic["document"]), ("schema.pattern", 1))

    def test_stdin_filename_needs_standard_input(self):
        self.write("other.json", pretty(clean_request()))
        run = self.run_cli("--stdin-filename", "acme.json", "other.json", stdin=pretty(clean_request()))
        self.assertEqual(run.status, 2, run.describe())
        self.assertIn("--stdin-filename", run.stderr)
        self.assertEqual(self.run_cli("--stdin-filename", "", "-").status, 2)
        # Beside other files, "-" is the named one.
        _, report = self.lint_json("--stdin-filename", "acme.json", "other.json", "-",
                                   stdin=pretty(clean_request("x y")), expect_status=1)
        self.assertEqual([file["path"] for file in report["files"]], ["other.json", "acme.json"])


# ----------------------------------------------------------------------------------
class JsonLinesTest(CliTestCase):
    def lines_with_faults(self):
        return (minified(clean_request())                               # line 1, document 0
                + "\n"                                                  # line 2: blank
                + minified(clean_request("second request"))             # line 3, document 2
                + "   \n"                                               # line 4: blank (spaces)
                + '{"connectorProfileName": "x",}\n'                    # line 5, document 4: syntax
                + minified(clean_request("after syntax")))              # line 6, document 5

    def check_lines_report(self, report, path, text):
        diagnostics = self.diagnostics(report, path)
        self.assertEqual([(d["rule"], d["document"], d["range"]["start"]["line"]) for d in diagnostics],
                         [("schema.pattern", 2, 3), ("json.syntax", 4, 5), ("schema.pattern", 5, 6)])
        self.assertEqual(text_at(text, diagnostics[0]["range"]), '"second request"')
        self.assertEqual(diagnostics[0]["range"]["start"]["column"],
                         text.split("\n")[2].index('"second request"') + 1)
        # A trailing comma is reported at the comma (the fix deletes it).
        self.assertEqual(diagnostics[1]["range"]["start"]["column"], text.split("\n")[4].index(",}") + 1)
        self.assertEqual(diagnostics[1]["message"], "trailing comma before '}'")
        self.assertEqual(text_at(text, diagnostics[2]["range"]), '"after syntax"')
        self.assertEqual(report["summary"]["documents"], 4)

    def test_jsonl_file(self):
        text = self.lines_with_faults()
        self.write("batch.jsonl", text)
        run, report = self.lint_json("batch.jsonl", expect_status=1)
        self.check_lines_report(report, "batch.jsonl", text)

    def test_ndjson_file(self):
        text = self.lines_with_faults()
        self.write("batch.ndjson", text)
        run, report = self.lint_json("batch.ndjson", expect_status=1)
        self.check_lines_report(report, "batch.ndjson", text)

    def test_jsonl_with_crlf_line_ends(self):
        text = self.lines_with_faults()
        self.write("batch.jsonl", text.replace("\n", "\r\n"))
        run, report = self.lint_json("batch.jsonl", expect_status=1)
        self.check_lines_report(report, "batch.jsonl", text)

    def test_jsonl_without_final_newline_and_text_positions(self):
        text = minified(clean_request()) + minified(clean_request("last line")).rstrip("\n")
        self.write("batch.jsonl", text)
        run, report = self.lint_json("batch.jsonl", expect_status=1)
        [diagnostic] = self.diagnostics(report)
        self.assertEqual((diagnostic["document"], diagnostic["range"]["start"]["line"]), (1, 2))
        column = diagnostic["range"]["start"]["column"]
        self.assertEqual(column, text.split("\n")[1].index('"last line"') + 1)
        run = self.run_cli("batch.jsonl")
        self.assertEqual(run.status, 1)
        self.assertIn(f"batch.jsonl:2:{column}: error: ", run.stdout)

    def test_clean_jsonl_exits_0(self):
        self.write("ok.jsonl", minified(clean_request()) * 3)
        run, report = self.lint_json("ok.jsonl", expect_status=0)
        self.assertEqual(report["summary"]["documents"], 3)


# ----------------------------------------------------------------------------------
class JsonFormatTest(CliTestCase):
    def test_operation_is_echoed(self):
        self.write("update.json", pretty(clean_request()))
        self.write("create.json", pretty(clean_create_request()))
        run, report = self.lint_json("update.json", expect_status=0)
        self.assertEqual(self.file_entry(report, "update.json")["operation"], UPDATE)
        run, report = self.lint_json("--operation", CREATE, "create.json", expect_status=0)
        self.assertEqual(self.file_entry(report, "create.json")["operation"], CREATE)
        run, report = self.lint_json("--operation", UPDATE, "update.json", expect_status=0)
        self.assertEqual(self.file_entry(report, "update.json")["operation"], UPDATE)

    def test_operation_chooses_the_shape(self):
        self.write("create.json", pretty(clean_create_request()))
        run, report = self.lint_json("create.json", expect_status=1)
        [diagnostic] = self.diagnostics(report)
        self.assertEqual((diagnostic["rule"], diagnostic["pointer"]), ("schema.unknown-property", "/connectorType"))
        self.write("update.json", pretty(clean_request()))
        run, report = self.lint_json("--operation", CREATE, "update.json", expect_status=1)
        self.assertIn(("schema.required", ""), [(d["rule"], d["pointer"]) for d in self.diagnostics(report)])

    def test_ranges_pointers_and_code_point_columns(self):
        # Non-ASCII text before the faults on the same line: columns count code points.
        text = ('{"connectorProfileName": "naïve-😀-profile", "connectionMode": "Publik",\n'
                '  "connectorProfileConfig": {"connectorProfileProperties": {"Redshift": {\n'
                '    "bucketPrefix": "données/été/😀", "bucketName": "ab", "roleArn": 7, "unknownMember": 1}}}}\n')
        self.write("unicode.json", text)
        run, report = self.lint_json("unicode.json", expect_status=1)
        document = json.loads(text)
        found = {}
        for diagnostic in self.diagnostics(report):
            resolve_pointer(document, diagnostic["pointer"])  # every pointer names a node
            found[(diagnostic["rule"], diagnostic["pointer"])] = text_at(text, diagnostic["range"])
        base = "/connectorProfileConfig/connectorProfileProperties/Redshift"
        expected = {
            ("schema.pattern", "/connectorProfileName"): '"naïve-😀-profile"',
            ("schema.enum", "/connectionMode"): '"Publik"',
            ("schema.min-length", base + "/bucketName"): '"ab"',
            ("schema.type", base + "/roleArn"): "7",
            ("schema.unknown-property", base + "/unknownMember"): '"unknownMember"',
        }
        for key, source in expected.items():
            self.assertIn(key, found)
            self.assertEqual(found[key], source, key)
        for rule in ("schema.pattern", "schema.enum", "schema.min-length", "schema.type"):
            for diagnostic in self.diagnostics(report):
                if diagnostic["rule"] == rule:
                    self.assertEqual(diagnostic["severity"], "error")

    def test_pointer_escapes(self):
        request = clean_request()
        request["connectorProfileConfig"]["connectorProfileProperties"] = {
            "CustomConnector": {"profileProperties": {"a/b": "v", "c~d": "w"}}}
        text = pretty(request)
        self.write("escapes.json", text)
        run, report = self.lint_json("escapes.json", expect_status=1)
        base = "/connectorProfileConfig/connectorProfileProperties/CustomConnector/profileProperties/"
        names = {d["pointer"]: d for d in self.diagnostics(report) if d["rule"] == "schema.property-name"}
        self.assertEqual(set(names), {base + "a~1b", base + "c~0d"})
        self.assertEqual(text_at(text, names[base + "a~1b"]["range"]), '"a/b"')

    def test_suggestion_replacement_fixes_the_fault(self):
        text = pretty(clean_request("acme salesforce"))
        self.write("faulty.json", text)
        run, report = self.lint_json("faulty.json", expect_status=1)
        [diagnostic] = self.diagnostics(report)
        replacements = [s["replacement"] for s in diagnostic.get("suggestions", []) if "replacement" in s]
        self.assertTrue(replacements, diagnostic)
        edit = replacements[0]
        lines = text.split("\n")
        start, end = edit["range"]["start"], edit["range"]["end"]
        self.assertEqual(start["line"], end["line"])
        line = lines[start["line"] - 1]
        lines[start["line"] - 1] = line[:start["column"] - 1] + edit["text"] + line[end["column"] - 1:]
        self.write("fixed.json", "\n".join(lines))
        self.lint_json("fixed.json", expect_status=0)

    def test_many_files_summary(self):
        self.write("a.json", pretty(clean_request()))
        self.write("b.json", pretty(clean_request("b b")))
        self.write("c.jsonl", minified(clean_request()) + minified(clean_request("c c")) + minified(clean_request()))
        self.write("d.json", "")
        run, report = self.lint_json("a.json", "b.json", "c.jsonl", "d.json", expect_status=1)
        self.assertEqual([file["path"] for file in report["files"]], ["a.json", "b.json", "c.jsonl", "d.json"])
        self.assertEqual(report["summary"], {"files": 4, "documents": 6, "errors": 3, "warnings": 0, "infos": 0})

    def test_json_output_is_valid_utf8_for_odd_file_names(self):
        (self.dir / "odd").mkdir()
        (self.dir / "odd" / "b\xe4d.json").write_bytes(pretty(clean_request("a b")).encode())
        bad_name = os.fsencode(str(self.dir / "odd")) + b"/bad\xff.json"
        with open(bad_name, "wb") as file:
            file.write(b'{"connectorProfileName": ')  # shaped like a request, so a folder walk lints it
        run, report = self.lint_json("odd", expect_status=1)
        self.assertEqual(report["summary"]["files"], 2)
        run.stdout_bytes.decode("utf-8")  # strict


# ----------------------------------------------------------------------------------
class TextFormatTest(CliTestCase):
    def test_diagnostic_line_source_and_carets(self):
        text = pretty(clean_request("acme salesforce"))
        self.write("faulty.json", text)
        run = self.run_cli("faulty.json")
        self.assertEqual(run.status, 1, run.describe())
        diagnostics, summary = self.parse_text(run.stdout)
        self.assertEqual(len(diagnostics), 1, run.stdout)
        header = diagnostics[0]["header"]
        line = text.split("\n")[1]
        column = line.index('"acme salesforce"') + 1
        self.assertEqual((header["path"], int(header["line"]), int(header["column"]), header["severity"],
                          header["rule"]), ("faulty.json", 2, column, "error", "schema.pattern"))
        source, carets = diagnostics[0]["body"][:2]
        self.assertEqual(source, "  " + line)
        self.assertEqual(carets.rstrip(), "  " + " " * (column - 1) + "^" * len('"acme salesforce"'))
        self.assertEqual(summary, "1 problem (1 error, 0 warnings, 0 infos) in 1 file, 1 document")

    def test_text_agrees_with_json(self):
        self.write("a.json", pretty(clean_request("a b")))
        self.write("b.jsonl", minified(clean_request()) + '{"connectionMode": "public"}\n')
        run, report = self.lint_json("a.json", "b.jsonl", expect_status=1)
        text = self.run_cli("a.json", "b.jsonl")
        self.assertEqual(text.status, 1)
        diagnostics, summary = self.parse_text(text.stdout)
        from_text = [(d["header"]["path"], int(d["header"]["line"]), int(d["header"]["column"]),
                      d["header"]["severity"], d["header"]["message"], d["header"]["rule"]) for d in diagnostics]
        from_json = [(file["path"], d["range"]["start"]["line"], d["range"]["start"]["column"], d["severity"],
                      d["message"], d["rule"]) for file in report["files"] for d in file["diagnostics"]]
        self.assertEqual(from_text, from_json)
        s = report["summary"]
        self.assertIn(f"in {s['files']} files, {s['documents']} documents", summary)

    def test_clean_summary(self):
        self.write("clean.json", pretty(clean_request()))
        run = self.run_cli("clean.json")
        self.assertEqual(run.status, 0)
        diagnostics, summary = self.parse_text(run.stdout)
        self.assertEqual(diagnostics, [])
        self.assertEqual(summary, "no problems in 1 file, 1 document")

    def test_crlf_file_columns(self):
        text = ('{\r\n  "connectorProfileName": "a b",\r\n  "connectionMode": "public",\r\n'
                '  "connectorProfileConfig": {"connectorProfileProperties": {"Salesforce": {}}}\r\n}\r\n')
        self.write("crlf.json", text.encode())
        run, report = self.lint_json("crlf.json", expect_status=1)
        positions = {d["pointer"]: (d["range"]["start"], d["range"]["end"]) for d in self.diagnostics(report)}
        self.assertEqual(positions["/connectorProfileName"], ({"line": 2, "column": 27}, {"line": 2, "column": 32}))
        self.assertEqual(positions["/connectionMode"], ({"line": 3, "column": 21}, {"line": 3, "column": 29}))
        text_run = self.run_cli("crlf.json")
        self.assertNotIn(b"\r", text_run.stdout_bytes)
        self.assertIn("crlf.json:2:27: error: ", text_run.stdout)
        self.assertIn("crlf.json:3:21: error: ", text_run.stdout)

    def test_no_colour_when_piped(self):
        self.write("faulty.json", pretty(clean_request("a b")))
        for args in ([], ["--color", "auto"], ["--color", "never"]):
            run = self.run_cli(*args, "faulty.json")
            self.assertIsNone(ANSI.search(run.stdout_bytes), run.describe())
            self.assertIsNone(ANSI.search(run.stderr_bytes), run.describe())

    def test_colour_always(self):
        self.write("faulty.json", pretty(clean_request("a b")))
        run = self.run_cli("--color", "always", "faulty.json")
        self.assertEqual(run.status, 1)
        self.assertIsNotNone(ANSI.search(run.stdout_bytes), run.describe())
        plain = re.sub(rb"\x1b\[[0-9;]*m", b"", run.stdout_bytes)
        self.assertEqual(plain, self.run_cli("--color", "never", "faulty.json").stdout_bytes)
        run = self.run_cli("--format", "json", "--color", "always", "faulty.json")
        self.assertIsNone(ANSI.search(run.stdout_bytes), "JSON output is never coloured")
        run = self.run_cli("--color", "always", "faulty.json", env={"NO_COLOR": "1"})
        self.assertIsNotNone(ANSI.search(run.stdout_bytes), "--color always wins over NO_COLOR")

    def run_on_terminal(self, *args, env=None):
        """Runs with standard output on a pseudo-terminal; returns (status, output bytes)."""
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        leader, follower = pty.openpty()
        try:
            process = subprocess.Popen([BINARY, *args], stdin=subprocess.DEVNULL, stdout=follower,
                                       stderr=subprocess.PIPE, env=full_env, cwd=self.dir)
        finally:
            os.close(follower)
        output = b""
        deadline = time.monotonic() + 30
        try:
            while time.monotonic() < deadline:
                ready, _, _ = select.select([leader], [], [], 0.5)
                if ready:
                    try:
                        chunk = os.read(leader, 65536)
                    except OSError:  # EIO: the terminal's other end is closed
                        break
                    if not chunk:
                        break
                    output += chunk
                elif process.poll() is not None:
                    break
            status = process.wait(timeout=30)
        finally:
            os.close(leader)
            if process.poll() is None:
                process.kill()
            process.stderr.close()
        return status, output

    def test_colour_auto_on_a_terminal_and_no_color(self):
        self.write("faulty.json", pretty(clean_request("a b")))
        status, output = self.run_on_terminal("faulty.json")
        self.assertEqual(status, 1)
        self.assertIsNotNone(ANSI.search(output), f"a terminal gets colour by default: {output!r}")
        status, output = self.run_on_terminal("--color", "auto", "faulty.json", env={"NO_COLOR": "1"})
        self.assertEqual(status, 1)
        self.assertIn(b"schema.pattern", output)
        self.assertIsNone(ANSI.search(output), f"NO_COLOR=1 must turn colour off: {output!r}")
        status, output = self.run_on_terminal("--color", "never", "faulty.json")
        self.assertIsNone(ANSI.search(output))


# ----------------------------------------------------------------------------------
class OptionsTest(CliTestCase):
    DUPLICATE = ('{"connectorProfileName": "acme-salesforce-prod", "connectionMode": "Private", '
                 '"connectionMode": "Public", "connectorProfileConfig": {"connectorProfileProperties": '
                 '{"Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com"}}}}\n')

    def test_quiet_hides_warnings(self):
        self.write("duplicate.json", self.DUPLICATE)
        self.write("faulty.json", pretty(clean_request("a b")))
        for flag in ("--quiet", "-q"):
            with self.subTest(flag):
                run, report = self.lint_json(flag, "duplicate.json", "faulty.json", expect_status=1)
                self.assertEqual([d["severity"] for d in self.diagnostics(report)], ["error"])
                self.assertEqual(report["summary"]["warnings"], 0)
                self.assertEqual(self.diagnostics(report, "duplicate.json"), [])
                text = self.run_cli(flag, "duplicate.json")
                self.assertEqual(text.status, 0)
                self.assertNotIn("warning:", text.stdout)
                self.assertNotIn("json.duplicate-key", text.stdout)
        run = self.run_cli("duplicate.json")
        self.assertIn("warning:", run.stdout)
        quiet = self.run_cli("--quiet", "--max-warnings", "0", "duplicate.json")
        self.assertEqual(quiet.status, 0, "warnings dropped by --quiet do not count\n" + quiet.describe())

    def test_server_only_as_the_first_argument(self):
        run = self.run_cli("server", "--help")
        self.assertEqual(run.status, 0, run.describe())
        self.assertIn("language server", run.stdout)
        run = self.run_cli("server", "profile.json")
        self.assertEqual(run.status, 2, "the server takes no paths\n" + run.describe())
        # A file named server is linted as any other, when it is not the first argument
        # or is written as a path.
        self.write("server", pretty(clean_request("a b")))
        for args in (("./server",), ("--format", "text", "server")):
            with self.subTest(args):
                run = self.run_cli(*args)
                self.assertEqual(run.status, 1, run.describe())
                self.assertIn("schema.pattern", run.stdout)

    def test_files_is_a_config_key(self):
        self.write(".appflow-lint.json", '{"files": ["profiles/*.json"], "rules": {"schema.pattern": "warning"}}')
        self.write("faulty.json", pretty(clean_request("a b")))
        run, report = self.lint_json("faulty.json", expect_status=0)
        self.assertEqual([d["severity"] for d in self.diagnostics(report)], ["warning"])
        self.write(".appflow-lint.json", '{"files": "profiles/*.json"}')
        run = self.run_cli("faulty.json")
        self.assertEqual(run.status, 2, run.describe())

    def test_list_rules(self):
        text = self.run_cli("--list-rules")
        self.assertEqual(text.status, 0, text.describe())
        run = self.run_cli("--list-rules", "--format", "json")
        self.assertEqual(run.status, 0, run.describe())
        listing = json.loads(run.stdout)
        self.assertEqual(list(listing), ["rules"])
        ids = [rule["id"] for rule in listing["rules"]]
        self.assertEqual(len(ids), len(set(ids)), "rule ids are unique")
        for rule in listing["rules"]:
            self.assertRegex(rule["id"], RULE_ID)
            self.assertIn(rule["severity"], SEVERITIES)
            self.assertIn(rule["category"], {"correctness", "security", "suspicious", "redundant", "limit"}, rule)
            self.assertIn(rule["fix"], {"none", "sometimes", "always"}, rule)
            self.assertRegex(rule["since"], r"^\d+\.\d+\.\d+$")
            self.assertTrue(rule.get("summary"), rule)
        by_id = {rule["id"]: rule for rule in listing["rules"]}
        for line in text.stdout.splitlines():
            rule_id, severity, category, fix, since, summary = line.split(maxsplit=5)
            self.assertEqual([severity, category, fix, since, summary],
                             [by_id[rule_id][key] for key in ("severity", "category", "fix", "since", "summary")])
        # SARIF rule descriptors carry the same metadata in their property bags.
        self.write("clean.json", pretty(clean_request()))
        sarif = json.loads(self.run_cli("--format", "sarif", "clean.json").stdout)
        descriptors = sarif["runs"][0]["tool"]["driver"]["rules"]
        self.assertEqual(sorted(descriptor["id"] for descriptor in descriptors), sorted(ids))
        for descriptor in descriptors:
            rule = by_id[descriptor["id"]]
            self.assertEqual(descriptor["properties"], {"category": rule["category"], "fix": rule["fix"],
                                                        "since": rule["since"], "tags": [rule["category"]]})
        self.assertLessEqual(CONTRACT_SCHEMA_RULES | {"json.duplicate-key", "json.too-deep"}, set(ids))
        for rule_id in CONTRACT_SCHEMA_RULES:
            self.assertEqual(next(r for r in listing["rules"] if r["id"] == rule_id)["severity"], "error", rule_id)
        text_ids = [line.split()[0] for line in text.stdout.splitlines() if line.strip()]
        self.assertEqual(sorted(text_ids), sorted(ids), "text and json list the same rules")

    def test_version(self):
        run = self.run_cli("--version")
        self.assertEqual(run.status, 0, run.describe())
        match = re.search(r"\d+\.\d+\.\d+\S*", run.stdout)
        self.assertIsNotNone(match, run.describe())
        if VERSION:
            self.assertEqual(match.group(0), VERSION)
        self.write("clean.json", pretty(clean_request()))
        run, report = self.lint_json("clean.json")
        self.assertEqual(report["tool"]["version"], match.group(0))

    def test_help(self):
        for flag in ("--help", "-h"):
            run = self.run_cli(flag)
            self.assertEqual(run.status, 0, run.describe())
            for option in ("--format", "--operation", "--jsonl", "--quiet", "--max-warnings", "--list-rules"):
                self.assertIn(option, run.stdout + run.stderr)


# ----------------------------------------------------------------------------------
class SecretsTest(CliTestCase):
    """No value of a sensitive member (nor a key of credentialsMap) is ever printed."""

    def setUp(self):
        super().setUp()
        self.markers = {}  # marker -> where it was put

    def secret(self, where, shape="plain"):
        """A unique marker; `shape` makes it faulty: 'space' (pattern), 'long' (max-length)."""
        token = "SeCrEt" + uuid.uuid4().hex[:12]
        self.markers[token] = where
        if shape == "space":
            second = uuid.uuid4().hex[:12]
            self.markers[second] = where + " (second half)"
            return f"{token} {second}"
        if shape == "long":
            return token + "x" * 9000
        return token

    def credentials(self, shape="plain"):
        """Per connector: credentials naming every sensitive member with a marker."""
        s = lambda where: self.secret(where, shape)  # noqa: E731
        key_shape = "space" if shape == "space" else ("long" if shape == "long" else "plain")
        return {
            "Salesforce": {"accessToken": s("Salesforce.accessToken"), "refreshToken": s("Salesforce.refreshToken"),
                           "oAuthRequest": {"authCode": s("Salesforce.authCode"), "redirectUri": "https://login.salesforce.com/services/oauth2/success"},
                           "jwtToken": (s("Salesforce.jwtToken") if shape != "plain" else
                                        f"{s('Salesforce.jwtToken.header')}.{s('Salesforce.jwtToken.claims')}.{s('Salesforce.jwtToken.signature')}"),
                           "clientCredentialsArn": ("arn:aws:secretsmanager:us-east-1:739275006351:secret:" + s("Salesforce.clientCredentialsArn"))},
            "Amplitude": {"apiKey": s("Amplitude.apiKey"), "secretKey": s("Amplitude.secretKey")},
            "Datadog": {"apiKey": s("Datadog.apiKey"), "applicationKey": s("Datadog.applicationKey")},
            "Dynatrace": {"apiToken": s("Dynatrace.apiToken")},
            "GoogleAnalytics": {"clientId": "appflow-ga", "clientSecret": s("GoogleAnalytics.clientSecret"),
                                "accessToken": s("GoogleAnalytics.accessToken"),
                                "refreshToken": s("GoogleAnalytics.refreshToken")},
            "InforNexus": {"accessKeyId": s("InforNexus.accessKeyId"), "userId": "appflow",
                           "secretAccessKey": s("InforNexus.secretAccessKey"), "datakey": s("InforNexus.datakey")},
            "Trendmicro": {"apiSecretKey": s("Trendmicro.apiSecretKey")},
            "Snowflake": {"username": "APPFLOW", "password": self.secret("Snowflake.password",
                                                                          "long" if shape != "plain" else "plain")},
            "ServiceNow": {"username": "appflow", "password": self.secret("ServiceNow.password",
                                                                           "long" if shape != "plain" else "plain")},
            "SAPOData": {"basicAuthCredentials": {"username": "appflow", "password": self.secret(
                "SAPOData.password", "long" if shape != "plain" else "plain")}},
            "CustomConnector": {
                "authenticationType": "CUSTOM",
                "oauth2": {"clientId": "appflow", "clientSecret": s("CustomConnector.clientSecret"),
                           "accessToken": s("CustomConnector.oauth2.accessToken")},
                "apiKey": {"apiKey": s("CustomConnector.apiKey"), "apiSecretKey": s("CustomConnector.apiSecretKey")},
                "basic": {"username": "appflow", "password": self.secret("CustomConnector.basic.password",
                                                                          "long" if shape != "plain" else "plain")},
                "custom": {"customAuthenticationType": "hmac", "credentialsMap": {
                    self.secret("credentialsMap key", key_shape)[:200]: s("credentialsMap value"),
                    "tenant": s("credentialsMap value 2")}},
            },
        }

    @staticmethod
    def request_for(connector, credentials, name="acme-profile"):
        return {"connectorProfileName": name, "connectionMode": "Public",
                "connectorProfileConfig": {"connectorProfileProperties": {connector: {}},
                                           "connectorProfileCredentials": {connector: credentials}}}

    @staticmethod
    def render_with_sensitive_objects_on_one_line(document, indent=0):
        """Pretty JSON, except that objects holding credentials sit on one line each."""
        pad = "  " * indent
        if isinstance(document, dict) and document:
            if indent >= 4:
                return json.dumps(document, ensure_ascii=False)
            members = [f'{pad}  {json.dumps(k)}: '
                       f'{SecretsTest.render_with_sensitive_objects_on_one_line(v, indent + 1)}'
                       for k, v in document.items()]
            return "{\n" + ",\n".join(members) + f"\n{pad}}}"
        return json.dumps(document, ensure_ascii=False)

    def where_markers_show(self, run):
        """'<secret> in <place>' for every marker in the output; places name JSON fields or text lines."""
        found = []
        for marker, where in self.markers.items():
            if marker in run.stderr:
                found.append(f"{where} in stderr")
            if marker not in run.stdout:
                continue
            if run.args[:2] == ["--format", "json"]:
                for file in json.loads(run.stdout)["files"]:
                    for diagnostic in file["diagnostics"]:
                        for field in ("message", "pointer", "suggestions"):
                            # The contract's pointer names the member, so a faulty
                            # credentialsMap entry's key is in it (docs/cli.md, Secrets);
                            # everywhere else the key is hidden.
                            if field == "pointer" and "/credentialsMap/" in diagnostic["pointer"] \
                                    and "credentialsMap key" in where:
                                continue
                            if marker in json.dumps(diagnostic.get(field, ""), ensure_ascii=False):
                                found.append(f"{where} in {file['path']} {diagnostic['rule']} {field}")
            else:
                for line in run.stdout.splitlines():
                    if marker in line:
                        kind = "a header/message line" if TEXT_HEADER.match(line) else "an excerpt or help line"
                        found.append(f"{where} in {kind}: {line[:160]!r}")
        return sorted(set(found))

    def assert_no_marker(self, *args):
        """Runs text and json output over `args`; fails naming every marker that shows, and where."""
        for output in (["--format", "text"], ["--format", "json"], ["--format", "text", "--color", "always"]):
            run = self.run_cli(*output, *args)
            self.assertEqual(run.status, 1, run.describe())
            if output[1] == "json":
                report = json.loads(run.stdout)
                self.check_report_shape(report, run)
                self.assertGreater(report["summary"]["errors"], 0)
            leaked = self.where_markers_show(run)
            self.assertEqual(leaked, [], f"secrets printed with {' '.join(output)}:\n" + "\n".join(leaked))
            # credentialsMap keys may stand in pointers only (the contract's pointer names the member).
            shown = re.sub(r'"pointer": "[^"]*/credentialsMap/[^"]*"', '"pointer": ""', run.stdout)
            self.assertNotIn("SeCrEt", shown + run.stderr, run.describe())

    def test_valid_secrets_next_to_an_unrelated_fault_on_the_same_line(self):
        for connector, credentials in self.credentials().items():
            credentials["unknownMember"] = True
            document = self.request_for(connector, credentials)
            self.write(f"pretty/{connector}.json", self.render_with_sensitive_objects_on_one_line(document) + "\n")
            self.write(f"minified/{connector}.json", minified(self.request_for(connector, credentials, "a b")))
        self.assertIn("SeCrEt", (self.dir / "pretty/Salesforce.json").read_text())
        self.assertEqual(len((self.dir / "minified/Salesforce.json").read_text().splitlines()), 1)
        self.assert_no_marker("pretty", "minified")

    def test_valid_secrets_in_json_lines(self):
        lines = "".join(minified(self.request_for(connector, credentials, "a b"))
                        for connector, credentials in self.credentials().items())
        self.write("batch.jsonl", lines)
        self.assert_no_marker("batch.jsonl")
        for output in ("text", "json"):
            run = self.run_cli("--format", output, "--jsonl", "-", stdin=lines)
            self.assertEqual(run.status, 1)
            # credentialsMap keys may stand in pointers only (the contract's pointer names the member).
            shown = re.sub(r'"pointer": "[^"]*/credentialsMap/[^"]*"', '"pointer": ""', run.stdout)
            self.assertNotIn("SeCrEt", shown + run.stderr, run.describe())

    def test_faulty_secrets_pattern(self):
        for connector, credentials in self.credentials("space").items():
            self.write(f"pretty/{connector}.json", pretty(self.request_for(connector, credentials)))
            self.write(f"minified/{connector}.json", minified(self.request_for(connector, credentials)))
        self.assert_no_marker("pretty", "minified")

    def test_faulty_secrets_too_long(self):
        for connector, credentials in self.credentials("long").items():
            self.write(f"pretty/{connector}.json", pretty(self.request_for(connector, credentials)))
            self.write(f"minified/{connector}.json", minified(self.request_for(connector, credentials)))
        self.assert_no_marker("pretty", "minified")

    def test_faulty_secrets_wrong_type(self):
        marker = self.secret("accessToken as an object")
        marker2 = self.secret("refreshToken as an array")
        marker3 = self.secret("credentialsMap value as an object")
        self.write("types.json", minified(self.request_for("Salesforce", {
            "accessToken": {"value": marker}, "refreshToken": [marker2]})))
        self.write("map.json", minified(self.request_for("CustomConnector", {
            "authenticationType": "CUSTOM",
            "custom": {"customAuthenticationType": "hmac", "credentialsMap": {"tenant": {"v": marker3}}}})))
        self.assert_no_marker("types.json", "map.json")

    def test_credentials_map_keys(self):
        faulty_key = self.secret("credentialsMap key with a space", "space")
        long_key = self.secret("credentialsMap key too long") + "k" * 200
        for name, key in (("space.json", faulty_key), ("long.json", long_key)):
            self.write(name, pretty(self.request_for("CustomConnector", {
                "authenticationType": "CUSTOM",
                "custom": {"customAuthenticationType": "hmac", "credentialsMap": {key: "value1"}}})))
        self.assert_no_marker("space.json", "long.json")

    def test_duplicate_sensitive_members(self):
        first, second = self.secret("first accessToken"), self.secret("second accessToken")
        first_key, second_value = self.secret("first credentialsMap key"), self.secret("duplicate key's value")
        self.write("member.json",
                   '{"connectorProfileName": "acme-profile", "connectionMode": "Public", "connectorProfileConfig": '
                   '{"connectorProfileProperties": {"Salesforce": {}}, "connectorProfileCredentials": {"Salesforce": '
                   f'{{"accessToken": "{first}", "accessToken": "{second}", "oAuth2GrantType": "bad"}}}}}}}}\n')
        self.write("map.json",
                   '{"connectorProfileName": "acme-profile", "connectionMode": "Public", "connectorProfileConfig": '
                   '{"connectorProfileProperties": {"CustomConnector": {}}, "connectorProfileCredentials": '
                   '{"CustomConnector": {"authenticationType": "CUSTOM", "custom": {"customAuthenticationType": "x", '
                   f'"credentialsMap": {{"{first_key}": "{second_value}", "{first_key}": "b"}}}}}}}}}}}}\n')
        json.loads((self.dir / "member.json").read_text())
        json.loads((self.dir / "map.json").read_text())
        self.assert_no_marker("member.json", "map.json")

    def test_syntax_error_right_after_a_secret(self):
        prefix = ('{"connectorProfileName": "acme-profile", "connectionMode": "Public", "connectorProfileConfig": '
                  '{"connectorProfileCredentials": {"Salesforce": {"accessToken": ')
        cases = {
            "missing-comma.json": lambda m: f'{prefix}"{m}" "refreshToken": "x"}}}}}}\n',
            "trailing-comma.json": lambda m: f'{prefix}"{m}",}}}}}}\n',
            "garbage.json": lambda m: f'{prefix}"{m}"x}}}}}}\n',
            "unterminated.json": lambda m: f'{prefix}"{m}',
            "truncated.json": lambda m: f'{prefix}"{m}"',
            "bad-escape.json": lambda m: f'{prefix}"{m}\\q{m}"}}}}}}\n',
            "control-char.json": lambda m: f'{prefix}"{m}\t{m}"}}}}}}\n',
            "pretty-missing-comma.json": lambda m: f'{{\n  "connectorProfileConfig": {{\n    "connectorProfileCredentials": {{\n      "Snowflake": {{"username": "u", "password": "{m}" "x": 1}}\n    }}\n  }}\n}}\n',
            "credentials-map-value.json": lambda m: (
                '{"connectorProfileConfig": {"connectorProfileCredentials": {"CustomConnector": '
                f'{{"custom": {{"credentialsMap": {{"tenant": "{m}" ,,}}}}}}}}}}}}\n'),
        }
        for name, make in cases.items():
            self.write(name, make(self.secret(name)))
        marker = self.secret("invalid UTF-8")
        self.write("invalid-utf8.json", (prefix + '"' + marker).encode() + b"\xff\xfe" + marker.encode() + b'"}}}}\n')
        lines = minified(self.request_for("Salesforce", {"accessToken": "x"}))
        self.write("lines.jsonl", lines + cases["missing-comma.json"](self.secret("jsonl line 2")))
        self.assert_no_marker(*sorted(os.listdir(self.dir)))

    def test_syntax_error_after_a_secret_key_or_an_unquoted_secret(self):
        # After a syntax error the linter cannot tell secrets from other text; a
        # credentialsMap key, and a secret in single quotes (a pasted Python dict),
        # are still secrets.
        prefix = ('{"connectorProfileName": "acme-profile", "connectionMode": "Public", "connectorProfileConfig": '
                  '{"connectorProfileCredentials": {"Salesforce": {"accessToken": ')
        key = self.secret("credentialsMap key before a syntax error")
        self.write("credentials-map-key.json",
                   '{"connectorProfileConfig": {"connectorProfileCredentials": {"CustomConnector": '
                   f'{{"custom": {{"credentialsMap": {{"{key}": "v" ,,}}}}}}}}}}}}\n')
        self.write("single-quotes.json", f"{prefix}'{self.secret('single-quoted accessToken')}'}}}}}}\n")
        self.assert_no_marker("credentials-map-key.json", "single-quotes.json")

    def test_quiet_and_stdin(self):
        marker = self.secret("stdin accessToken")
        text = minified(self.request_for("Salesforce", {"accessToken": marker, "refreshToken": "a b"}, "a b"))
        for args in (["-"], ["--quiet", "-"]):
            for output in ("text", "json"):
                run = self.run_cli("--format", output, *args, stdin=text)
                self.assertEqual(run.status, 1)
                self.assertNotIn(marker, run.stdout + run.stderr, run.describe())

    def test_secrets_under_a_misspelled_connector(self):
        # The AWS documentation's sample spells the connector `salesforce`: the tokens
        # pasted into it are still tokens, and CI logs must not show them.
        document = json.loads(SEED_SAMPLE)
        credentials = document["connectorProfileConfig"]["connectorProfileCredentials"]["salesforce"]
        credentials["accessToken"] = self.secret("salesforce.accessToken (misspelled connector)")
        credentials["refreshToken"] = self.secret("salesforce.refreshToken (misspelled connector)")
        self.write("seed-with-tokens.json", json.dumps(document) + "\n")
        self.assert_no_marker("seed-with-tokens.json")


# ----------------------------------------------------------------------------------
class HostileInputTest(CliTestCase):
    def assert_fast(self, run, seconds):
        # CPU time, not wall-clock time: the tests share the machine with builds.
        # A hang is caught by the subprocess timeout instead.
        self.assertLess(run.cpu_seconds, seconds, run.describe())

    def test_100000_nested_arrays(self):
        self.write("deep.json", "[" * 100000 + "]" * 100000)
        run, report = self.lint_json("deep.json", expect_status=1, timeout=120)
        self.assert_fast(run, 10)
        # Above the limit the document is still checked: the root is an array, not a request.
        self.assertEqual(sorted(d["rule"] for d in self.diagnostics(report)), ["json.too-deep", "schema.type"])
        self.assertTrue(all(d["severity"] == "error" for d in self.diagnostics(report)))
        text = self.run_cli("deep.json", timeout=120)
        self.assertEqual(text.status, 1)
        self.assertLess(len(text.stdout), 5000)

    def test_100000_nested_objects_and_unclosed_nesting(self):
        self.write("objects.json", '{"a":' * 100000 + "1" + "}" * 100000)
        self.write("unclosed.json", "[" * 100000)
        self.write("lines.jsonl", "[" * 100000 + "]" * 100000 + "\n" + minified(clean_request()))
        run, report = self.lint_json("objects.json", "unclosed.json", "lines.jsonl", expect_status=1, timeout=120)
        self.assert_fast(run, 10)
        self.assertEqual(sorted({d["rule"] for d in self.diagnostics(report, "objects.json")}),
                         ["json.too-deep", "schema.required", "schema.unknown-property"])
        self.assertEqual([d["rule"] for d in self.diagnostics(report, "unclosed.json")], ["json.syntax"])
        self.assertEqual(sorted((d["rule"], d["document"]) for d in self.diagnostics(report, "lines.jsonl")),
                         [("json.too-deep", 0), ("schema.type", 0)])

    def test_20_mb_request_padded_with_whitespace(self):
        text = minified(clean_request())
        padded = text[:-2] + " " * (20 * 1024 * 1024) + "\n\t" + text[-2:]
        self.write("big.json", padded)
        run, report = self.lint_json("big.json", expect_status=0, timeout=120)
        self.assert_fast(run, 10)
        self.assertEqual(report["summary"]["documents"], 1)

    def test_20_mb_request_with_a_fault_after_the_padding(self):
        text = minified(clean_request("a b"))
        padded = text[:1] + " " * (20 * 1024 * 1024) + text[1:]
        self.write("big.json", padded)
        run = self.run_cli("big.json", timeout=120)
        self.assertEqual(run.status, 1, run.describe())
        self.assert_fast(run, 10)
        self.assertLess(len(run.stdout), 5000, "excerpts of a huge line stay short")

    def test_huge_profile_properties_map(self):
        request = clean_request()
        request["connectorProfileConfig"]["connectorProfileProperties"] = {
            "CustomConnector": {"profileProperties": {f"key_{i}": f"value-{i}" for i in range(200000)}}}
        self.write("map.json", minified(request))
        run, report = self.lint_json("map.json", expect_status=1, timeout=120)
        self.assert_fast(run, 10)
        # Past 10,000 entries in one object the document is answered, not parsed.
        self.assertEqual([(d["rule"], d["pointer"]) for d in self.diagnostics(report)], [("json.too-large", "")])
        request["connectorProfileConfig"]["connectorProfileProperties"]["CustomConnector"]["profileProperties"] = {
            f"key_{i}": f"value-{i}" for i in range(9000)}
        self.write("map.json", minified(request))
        run, report = self.lint_json("map.json", expect_status=1, timeout=120)
        self.assertEqual([(d["rule"], d["pointer"]) for d in self.diagnostics(report)],
                         [("schema.max-properties",
                           "/connectorProfileConfig/connectorProfileProperties/CustomConnector/profileProperties")])

    def test_long_string_values(self):
        # Longer than maxLength: schema.max-length, not a crash, however long.
        for length in (5000, 100000, 2 * 1024 * 1024):
            with self.subTest(length=length):
                request = clean_request()
                request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceUrl"] = (
                    "https://acme.my.salesforce.com/" + "a" * length)
                self.write("long.json", minified(request))
                run, report = self.lint_json("long.json", expect_status=1, timeout=120)
                self.assert_fast(run, 10)
                self.assertEqual([d["rule"] for d in self.diagnostics(report)], ["schema.max-length"])
                text = self.run_cli("long.json", timeout=120)
                self.assertEqual(text.status, 1, text.describe())
                self.assertLess(len(text.stdout), 5000)

    def test_long_string_values_in_other_members(self):
        for pointer_name, mutate in {
            "connectorProfileName": lambda r: r.__setitem__("connectorProfileName", "n" * 100000),
            "clientToken": lambda r: r.__setitem__("clientToken", "t" * 100000),
            "bucketPrefix (pattern .*)": lambda r: r["connectorProfileConfig"].__setitem__(
                "connectorProfileProperties", {"Redshift": {"bucketName": "acme-bucket", "bucketPrefix": "p" * 100000,
                                                            "roleArn": "arn:aws:iam::739275006351:role/x"}}),
        }.items():
            with self.subTest(pointer_name):
                request = clean_request()
                mutate(request)
                self.write("long.json", minified(request))
                run, report = self.lint_json("long.json", expect_status=1, timeout=120)
                self.assertIn("schema.max-length", [d["rule"] for d in self.diagnostics(report)])

    def test_invalid_utf8(self):
        cases = {
            "in-value.json": b'{"connectorProfileName": "p\xff\xfe1", "connectionMode": "Public"}\n',
            "in-key.json": b'{"connector\xc3ProfileName": "p1"}\n',
            "overlong.json": b'{"connectorProfileName": "\xc0\xaf"}\n',
            "surrogate.json": b'{"connectorProfileName": "\xed\xa0\x80"}\n',
            "truncated-at-end.json": b'{"connectorProfileName": "\xe2\x82',
            "outside-strings.json": b'{"connectorProfileName": "p1"}\xff\n',
        }
        for name, content in cases.items():
            self.write(name, content)
        run, report = self.lint_json(*cases, expect_status=1)
        for name in cases:
            with self.subTest(name):
                diagnostics = self.diagnostics(report, name)
                self.assertEqual([d["rule"] for d in diagnostics], ["json.syntax"])
        run.stdout_bytes.decode("utf-8")  # RFC 8259: JSON text is UTF-8
        text = self.run_cli(*cases)
        self.assertEqual(text.status, 1, text.describe())
        for name in cases:
            self.assertIn(f"{name}:1:", text.stdout)

    def test_lone_surrogate_escape(self):
        self.write("escape.json", '{"connectorProfileName": "\\ud800", "connectionMode": "Public"}\n')
        run, report = self.lint_json("escape.json", expect_status=1)
        self.assertTrue(self.diagnostics(report))

    def test_byte_order_mark_is_accepted(self):
        self.write("bom.json", b"\xef\xbb\xbf" + pretty(clean_request()).encode())
        run, report = self.lint_json("bom.json", expect_status=0)
        self.assertEqual(self.diagnostics(report), [])
        text = pretty(clean_request("a b"))
        self.write("bom-faulty.json", b"\xef\xbb\xbf" + text.encode())
        run, report = self.lint_json("bom-faulty.json", expect_status=1)
        [diagnostic] = self.diagnostics(report)
        self.assertEqual(diagnostic["rule"], "schema.pattern")
        self.assertEqual(diagnostic["range"]["start"], {"line": 2, "column": text.split("\n")[1].index('"a b"') + 1})
        self.write("bom.jsonl", b"\xef\xbb\xbf" + minified(clean_request()).encode() + minified(clean_request()).encode())
        self.lint_json("bom.jsonl", expect_status=0)

    def test_empty_and_blank_files(self):
        self.write("empty.json", b"")
        self.write("blank.json", b" \n\t\r\n")
        run, report = self.lint_json("empty.json", "blank.json", expect_status=1)
        for name in ("empty.json", "blank.json"):
            diagnostics = self.diagnostics(report, name)
            self.assertEqual([(d["rule"], d["pointer"], d["severity"]) for d in diagnostics],
                             [("json.syntax", "", "error")], name)
        text = self.run_cli("empty.json")
        self.assertEqual(text.status, 1)
        self.assertIn("empty.json:1:1: error: ", text.stdout)

    def test_not_a_request(self):
        cases = {"array.json": "[]\n", "string.json": '"hello"\n', "number.json": "42\n", "null.json": "null\n",
                 "nul-byte.json": '{"connectorProfileName": "a\u0000b"}\n', "raw-nul.json": b'{"a":\x00}',
                 "two-values.json": "{} {}\n", "comment.json": '// comment\n{}\n', "nan.json": '{"a": NaN}\n'}
        for name, content in cases.items():
            self.write(name, content)
        run, report = self.lint_json(*cases, expect_status=1)
        for name in cases:
            with self.subTest(name):
                self.assertTrue([d for d in self.diagnostics(report, name) if d["severity"] == "error"])


# ----------------------------------------------------------------------------------
class SeedSampleTest(CliTestCase):
    EXPECTED = {
        "/kmsArn": '"kmsArn"',
        "/connectorType": '"connectorType"',
        "/connectorProfileConfig/connectorProfileProperties/salesforce": '"salesforce"',
        "/connectorProfileConfig/connectorProfileCredentials/salesforce": '"salesforce"',
    }

    def check(self, text, path):
        run, report = self.lint_json(path, expect_status=1)
        schema = [d for d in self.diagnostics(report) if d["rule"].startswith("schema.")]
        self.assertEqual(sorted((d["rule"], d["pointer"]) for d in schema),
                         sorted(("schema.unknown-property", pointer) for pointer in self.EXPECTED))
        for diagnostic in schema:
            self.assertEqual(diagnostic["severity"], "error")
            self.assertEqual(text_at(text, diagnostic["range"]), self.EXPECTED[diagnostic["pointer"]])
        for pointer in ("/connectorProfileConfig/connectorProfileProperties/salesforce",
                        "/connectorProfileConfig/connectorProfileCredentials/salesforce"):
            diagnostic = next(d for d in schema if d["pointer"] == pointer)
            texts = [s["replacement"]["text"] for s in diagnostic.get("suggestions", []) if "replacement" in s]
            self.assertEqual(texts, ['"Salesforce"'], diagnostic)
        self.assertNotIn("json.syntax", [d["rule"] for d in self.diagnostics(report)])

    def test_seed_sample_as_printed(self):
        self.write("seed.json", SEED_SAMPLE)
        self.check(SEED_SAMPLE, "seed.json")

    def test_seed_sample_pretty_printed(self):
        text = pretty(json.loads(SEED_SAMPLE))
        self.write("seed.json", text)
        self.check(text, "seed.json")

    def test_seed_sample_in_examples(self):
        text = (EXAMPLES / "profiles" / "aws-docs-sample.json").read_text()
        self.check(text, str(EXAMPLES / "profiles" / "aws-docs-sample.json"))


# ----------------------------------------------------------------------------------
class ExamplesTest(CliTestCase):
    PROFILES = EXAMPLES / "profiles"
    CLEAN = ["salesforce.json", "snowflake.json", "redshift-serverless.json"]
    FAULTY = {  # file -> (rule, pointer) pairs of its errors, schema layer and syntax only
        "aws-docs-sample.json": None,  # checked by SeedSampleTest
        "name-with-space.json": [("schema.pattern", "/connectorProfileName")],
        "wrong-enum-case.json": [("schema.enum", "/connectionMode")],
        "null-value.json": [("schema.type", "/connectorProfileConfig/connectorProfileProperties/Datadog/instanceUrl")],
        "trailing-comma.json": [("json.syntax", "")],
        "batch.jsonl": [("schema.type",
                         "/connectorProfileConfig/connectorProfileProperties/Salesforce/isSandboxEnvironment")],
    }

    def test_profiles_folder(self):
        on_disk = sorted(p.name for p in self.PROFILES.iterdir() if p.suffix in (".json", ".jsonl", ".ndjson"))
        self.assertEqual(on_disk, sorted(self.CLEAN + list(self.FAULTY)))
        run, report = self.lint_json(str(self.PROFILES), expect_status=1)
        by_name = {Path(file["path"]).name: file for file in report["files"]}
        self.assertEqual(sorted(by_name), on_disk)
        for name in self.CLEAN:
            with self.subTest(name):
                self.assertEqual(by_name[name]["operation"], UPDATE)
                self.assert_clean(report, by_name[name]["path"])
        for name, expected in self.FAULTY.items():
            with self.subTest(name):
                errors = [d for d in by_name[name]["diagnostics"] if d["severity"] == "error"]
                self.assertTrue(errors, f"{name} shows no error")
                if expected is not None:
                    found = [(d["rule"], d["pointer"]) for d in errors
                             if d["rule"].startswith("schema.") or d["rule"] == "json.syntax"]
                    self.assertEqual(found, expected)
        batch = by_name["batch.jsonl"]["diagnostics"]
        self.assertEqual({d["document"] for d in batch if d["severity"] in ("error", "warning")}, {1})
        self.assertTrue(all(d["range"]["start"]["line"] == d["document"] + 1 for d in batch))

    def test_create_folder(self):
        folder = EXAMPLES / "create"
        run, report = self.lint_json("--operation", CREATE, str(folder), expect_status=1)
        by_name = {Path(file["path"]).name: file for file in report["files"]}
        self.assertEqual(sorted(by_name), ["custom-connector.json", "servicenow-type-spelling.json", "slack.json"])
        for name in ("custom-connector.json", "slack.json"):
            with self.subTest(name):
                self.assertEqual(by_name[name]["operation"], CREATE)
                self.assert_clean(report, by_name[name]["path"])
        errors = [(d["rule"], d["pointer"]) for d in by_name["servicenow-type-spelling.json"]["diagnostics"]
                  if d["severity"] == "error"]
        self.assertIn(("schema.enum", "/connectorType"), errors)

    def test_clean_examples_alone_exit_0(self):
        paths = [str(self.PROFILES / name) for name in self.CLEAN]
        self.lint_json(*paths, expect_status=0)
        self.lint_json("--operation", CREATE, str(EXAMPLES / "create" / "custom-connector.json"),
                       str(EXAMPLES / "create" / "slack.json"), expect_status=0)

# ----------------------------------------------------------------------------------
class DiscoveryTest(CliTestCase):
    """What a folder walk lints: ignore files, default skips, and PATHs that yield nothing."""

    def linted_paths(self, *args, expect_status=None):
        run, report = self.lint_json(*args, expect_status=expect_status)
        return run, sorted(Path(file["path"]).as_posix() for file in report["files"])

    def write_repository(self):
        request = pretty(clean_request("acme salesforce"))  # one schema.pattern error each
        for name in ("a.json", "keep.gen.json", "other.gen.json", "build/out.json", "sub/build/out.json",
                     "anchored.json", "sub/anchored.json", "docs/x/y/deep.json", "docs/top.json",
                     "node_modules/pkg/req.json", ".git/req.json", ".hidden/req.json", ".dot.json",
                     "sub/local.json", "sub/skip-me.json", "vendor/keep/req.json", "vendor/drop/req.json",
                     "logs/a.json", "logs/keep.json", "x/fixtures/f.json"):
            self.write(name, request)
        self.write(".gitignore", "\n".join([
            "# build output, at any depth", "build/", "*.gen.json", "!keep.gen.json", "/anchored.json",
            "docs/**/deep.json", "vendor/*", "!vendor/keep", "trailing-space.json   ", "logs/**", "!logs/keep.json", "**/fixtures", ""]))
        self.write("sub/.ignore", "skip-me.json\r\n")
        self.write("trailing-space.json", request)

    def test_ignore_files_and_default_skips(self):
        self.write_repository()
        run, paths = self.linted_paths(".", expect_status=1)
        self.assertEqual(paths, ["a.json", "docs/top.json", "keep.gen.json", "logs/keep.json", "sub/anchored.json",
                                 "sub/local.json", "vendor/keep/req.json"], run.describe())

    def test_no_ignore_walks_everything(self):
        self.write_repository()
        run, paths = self.linted_paths("--no-ignore", ".", expect_status=1)
        self.assertIn("node_modules/pkg/req.json", paths)
        self.assertIn(".git/req.json", paths)
        self.assertIn(".hidden/req.json", paths)
        self.assertIn("build/out.json", paths)
        self.assertEqual(len(paths), 21, run.describe())

    def test_files_named_on_the_command_line_are_always_linted(self):
        self.write_repository()
        named = ["build/out.json", "node_modules/pkg/req.json", ".dot.json", "sub/skip-me.json"]
        run, paths = self.linted_paths(*named, expect_status=1)
        self.assertEqual(paths, sorted(named), run.describe())

    def test_force_exclude_chooses_named_files_as_a_walk_would(self):
        self.write("req.json", pretty(clean_request("acme salesforce")))
        self.write("package.json", '{"name": "x", "version": "1.0.0"}')
        self.write("notes.txt", "not JSON")
        self.write("gen/out.json", pretty(clean_request("acme salesforce")))
        self.write(".appflow-lint.json", '{"ignore": ["gen/**"]}')
        named = ["req.json", "package.json", "notes.txt", "gen/out.json"]
        run, paths = self.linted_paths("--force-exclude", *named, expect_status=1)
        self.assertEqual(paths, ["req.json"], run.describe())
        verbose = self.run_cli("--force-exclude", "--verbose", "package.json", "notes.txt")
        self.assertEqual(verbose.status, 0, verbose.describe())  # nothing to lint is no fault of a hook's files
        self.assertIn("appflow-lint: skipped package.json: not a request", verbose.stderr)
        self.assertIn("appflow-lint: skipped notes.txt: not a JSON file", verbose.stderr)
        # Without it, every named file is linted.
        run, paths = self.linted_paths(*named[:2], expect_status=1)
        self.assertEqual(paths, ["package.json", "req.json"], run.describe())

    def test_a_walk_of_a_subfolder_honours_the_ignore_files_above_it_in_the_repository(self):
        self.write_repository()  # it has a .git: the top .gitignore's build/ applies to sub/build
        run, paths = self.linted_paths("sub", expect_status=1)
        self.assertEqual(paths, ["sub/anchored.json", "sub/local.json"], run.describe())

    def test_outside_a_repository_the_ignore_files_above_the_walked_folder_do_not_apply(self):
        self.write(".gitignore", "*.json\n")  # no .git here: git would not read it for sub/ either
        self.write("sub/a.json", pretty(clean_request()))
        run, paths = self.linted_paths("sub", expect_status=0)
        self.assertEqual(paths, ["sub/a.json"], run.describe())
        self.write(".git/HEAD", "ref: refs/heads/main\n")
        self.assertEqual(self.run_cli("sub").status, 2)  # now a repository: everything in sub is ignored

    def test_verbose_says_what_was_skipped_and_why(self):
        self.write_repository()
        run = self.run_cli("--verbose", "--format", "json", ".")
        self.assertEqual(run.status, 1, run.describe())
        lines = run.stderr.splitlines()
        for line in lines:
            self.assertTrue(line.startswith("appflow-lint: skipped "), line)
        self.assertIn("appflow-lint: skipped ./node_modules: node_modules", lines)
        self.assertIn("appflow-lint: skipped ./.git: hidden", lines)
        self.assertIn("appflow-lint: skipped ./build: ignored by .gitignore:2 (build/)", lines)
        self.assertIn("appflow-lint: skipped ./sub/skip-me.json: ignored by sub/.ignore:1 (skip-me.json)", lines)
        self.assertIn("appflow-lint: skipped ./vendor/drop: ignored by .gitignore:7 (vendor/*)", lines)
        quiet = self.run_cli("--format", "json", ".")
        self.assertEqual(quiet.stderr, "", quiet.describe())

    def test_in_folders_only_json_shaped_like_a_request_is_linted(self):
        faulty = clean_request("acme salesforce")
        self.write("tree/package.json", '{"name": "x", "version": "1.0.0", "scripts": {"connectionMode": 1}}\n')
        self.write("tree/list.json", json.dumps([faulty]))
        self.write("tree/unrelated-broken.json", "{\n")
        self.write("tree/misspelt.json", pretty({"ConnectorProfileConfig": {}}))
        self.write("tree/create-member.json", pretty({"kmsArn": "not an arn"}))
        self.write("tree/broken-request.json", '{"connectorProfileName": "x",, }\n')
        self.write("tree/utf16.json", json.dumps(faulty).encode("utf-16"))
        self.write("tree/lines.jsonl", "\n  \n" + minified(faulty))
        self.write("tree/other.ndjson", '{"event": 1}\n' + minified(faulty))
        self.write("tree/empty.jsonl", "")
        run, paths = self.linted_paths("tree", expect_status=1)
        self.assertEqual(paths, ["tree/broken-request.json", "tree/create-member.json", "tree/lines.jsonl",
                                 "tree/misspelt.json", "tree/utf16.json"], run.describe())
        verbose = self.run_cli("--verbose", "tree")
        for name in ("package.json", "list.json", "unrelated-broken.json", "other.ndjson", "empty.jsonl"):
            self.assertIn(f"appflow-lint: skipped tree/{name}: not a request (no top-level member of "
                          "UpdateConnectorProfile or CreateConnectorProfile)", verbose.stderr.splitlines())
        # Named on the command line, it is linted whatever it holds.
        named, paths = self.linted_paths("tree/package.json", expect_status=1)
        self.assertEqual(paths, ["tree/package.json"])

    def test_the_files_globs_of_the_configuration_choose_instead(self):
        self.write(".appflow-lint.json", json.dumps({"files": ["profiles/*"]}))
        self.write("profiles/a.req", pretty(clean_request("a b")))
        self.write("profiles/not-shaped.json", '{"name": "x"}\n')
        self.write("other/request.json", pretty(clean_request("a b")))
        run, paths = self.linted_paths(".", expect_status=1)
        self.assertEqual(paths, ["profiles/a.req", "profiles/not-shaped.json"], run.describe())
        verbose = self.run_cli("--verbose", ".")
        self.assertIn("appflow-lint: skipped ./other/request.json: not named by the \"files\" of .appflow-lint.json",
                      verbose.stderr.splitlines(), verbose.describe())

    def test_a_missing_path_exits_2_in_one_line_unless_no_error_on_unmatched(self):
        self.write("clean.json", pretty(clean_request()))
        run = self.run_cli("missing.json", "clean.json")
        self.assertEqual(run.status, 2, run.describe())
        self.assertEqual(run.stderr, "appflow-lint: missing.json: no such file or directory\n")
        warned, report = self.lint_json("--no-error-on-unmatched", "missing.json", "clean.json", expect_status=0)
        self.assertEqual(warned.stderr, "appflow-lint: warning: missing.json: no such file or directory\n")
        self.assertEqual([file["path"] for file in report["files"]], ["clean.json"])

    def test_a_folder_with_no_file_to_lint_exits_2(self):
        self.write("empty/README.md", "# nothing here\n")
        self.write("ignored/.gitignore", "*.json\n")
        self.write("ignored/x.json", pretty(clean_request()))
        for folder in ("empty", "ignored"):
            with self.subTest(folder):
                run = self.run_cli(folder)
                self.assertEqual(run.status, 2, run.describe())
                [line] = run.stderr.splitlines()
                self.assertTrue(line.startswith(f"appflow-lint: {folder}: no file to lint"), line)
                self.assertNotIn("no problems in 0 files", run.stdout)
                warned = self.run_cli("--no-error-on-unmatched", folder)
                self.assertEqual(warned.status, 0, warned.describe())
                self.assertTrue(warned.stderr.startswith(f"appflow-lint: warning: {folder}: no file to lint"))

# ----------------------------------------------------------------------------------
class ConfigResolutionTest(CliTestCase):
    """The configuration of each file is the nearest .appflow-lint.json above it."""

    def severities(self, report):
        return {Path(file["path"]).as_posix(): [d["severity"] for d in file["diagnostics"]] for file in report["files"]}

    def write_tree(self):
        faulty = pretty(clean_request("a b"))  # one schema.pattern error
        self.write("repo/.appflow-lint.json", json.dumps({"rules": {"schema.pattern": "off"}}))
        self.write("repo/team/.appflow-lint.json", json.dumps({"rules": {"schema.pattern": "warning"}}))
        for name in ("repo/a.json", "repo/team/b.json", "repo/team/deep/c.json", "loose.json"):
            self.write(name, faulty)

    def test_each_file_takes_the_nearest_configuration_above_it(self):
        self.write_tree()
        run, report = self.lint_json("repo", "loose.json", expect_status=1)
        self.assertEqual(self.severities(report), {"repo/a.json": [], "repo/team/b.json": ["warning"],
                                                   "repo/team/deep/c.json": ["warning"], "loose.json": ["error"]})

    def test_not_the_configuration_of_the_working_folder(self):
        self.write_tree()
        run = self.run_cli("--format", "json", "../a.json", "b.json", cwd=self.dir / "repo" / "team")
        self.assertEqual(run.status, 0, run.describe())
        self.assertEqual(self.severities(json.loads(run.stdout)), {"../a.json": [], "b.json": ["warning"]})

    def test_an_explicit_config_applies_to_every_file(self):
        self.write_tree()
        self.write("strict.json", json.dumps({"rules": {"schema.pattern": "info"}}))
        run, report = self.lint_json("--config", "strict.json", "repo", "loose.json", expect_status=0)
        self.assertEqual(set(map(tuple, self.severities(report).values())), {("info",)})

    def test_a_syntax_error_in_a_configuration_names_line_and_column(self):
        self.write_tree()
        self.write("repo/team/.appflow-lint.json", '{\n  "rules": {"schema.pattern": "off",}\n}\n')
        run = self.run_cli("repo")
        self.assertEqual(run.status, 2, run.describe())
        self.assertEqual(run.stdout, "", "nothing is linted with a broken configuration")
        [line] = run.stderr.splitlines()
        self.assertRegex(line, r"^appflow-lint: repo/team/\.appflow-lint\.json:2:37: \S", run.describe())
        # The same file named by --config.
        explicit = self.run_cli("--config", "repo/team/.appflow-lint.json", "loose.json")
        self.assertEqual(explicit.status, 2, explicit.describe())
        self.assertRegex(explicit.stderr, r"^appflow-lint: repo/team/\.appflow-lint\.json:2:37: ")

    def test_an_unknown_rule_or_severity_in_a_configuration_gets_a_suggestion(self):
        self.write_tree()
        cases = {'{"rules": {"schema.patern": "off"}}':
                 "unknown rule 'schema.patern' (see --list-rules); did you mean schema.pattern?",
                 '{"rules": {"schema.pattern": "warn"}}':
                 "rule 'schema.pattern': the severity must be one of off, info, warning, error; did you mean warning?",
                 '{"rules": {"schema.pattern": 2}}':
                 "rule 'schema.pattern': the severity must be one of off, info, warning, error"}
        for text, message in cases.items():
            with self.subTest(text=text):
                self.write("repo/team/.appflow-lint.json", text)
                run = self.run_cli("repo")
                self.assertEqual(run.status, 2, run.describe())
                self.assertEqual(run.stderr, f"appflow-lint: repo/team/.appflow-lint.json: {message}\n", run.describe())

    def test_a_number_too_large_in_a_configuration_names_line_and_column(self):
        # nlohmann reports this as out_of_range, not as a syntax error: found by the
        # config fuzzer, which it had crashed.
        self.write_tree()
        for text, place in (('{\n  "rules": {"schema.pattern": 1e999}\n}\n', "2:31"), ("66666E6666666666", "1:1")):
            with self.subTest(text=text):
                self.write("repo/team/.appflow-lint.json", text)
                run = self.run_cli("repo")
                self.assertEqual(run.status, 2, run.describe())
                self.assertEqual(run.stdout, "", run.describe())
                [line] = run.stderr.splitlines()
                self.assertRegex(line, rf"^appflow-lint: repo/team/\.appflow-lint\.json:{place}: number overflow", run.describe())


def main():
    global BINARY
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        sys.exit(f"usage: {sys.argv[0]} PATH/TO/appflow-lint [unittest options]")
    BINARY = os.path.abspath(sys.argv[1])
    if not os.access(BINARY, os.X_OK) or not stat.S_ISREG(os.stat(BINARY).st_mode):
        sys.exit(f"{BINARY}: not an executable file")
    unittest.main(argv=[sys.argv[0], *sys.argv[2:]], verbosity=2)


if __name__ == "__main__":
    main()
