#!/usr/bin/env python3
"""`--format sarif` for code scanning: artifact URIs percent-encoded (RFC 3986) and
based on %SRCROOT%, fingerprints that survive line moves, the invocation with its
notifications, rule names, help and links, configured levels, and no secret.

Usage: test_sarif.py PATH/TO/appflow-lint [unittest options]
Standard library only (Debian 12 python3).
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
from pathlib import Path

BINARY = None
MARKER = "Q7ZX9KW4JP2M8TVR"
PROFILE = """{
  "connectorProfileName": "my profile",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme.my.salesforce.com"}},
    "connectorProfileCredentials": {"Salesforce": {"accessToken": "%s", "Password": "%s", "clientCredentialsArn": 7}}
  }
}
""" % (MARKER, MARKER)
# RFC 3986 path characters: pchar = unreserved / pct-encoded / sub-delims / ":" / "@", and "/".
URI_PATH = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$")


def run(args, cwd, stdin=None):
    done = subprocess.run([BINARY, "--format", "sarif", *args], cwd=cwd, input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return done.returncode, json.loads(done.stdout.decode("utf-8")), done.stderr.decode("utf-8", "replace")


def uris(log):
    run_ = log["runs"][0]
    return [result["locations"][0]["physicalLocation"]["artifactLocation"] for result in run_["results"]]


class SarifTest(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.dir = Path(self.scratch.name) / "wd ü#"
        self.dir.mkdir()

    def tearDown(self):
        self.scratch.cleanup()

    def write(self, name, text=PROFILE):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def test_relative_paths_are_encoded_under_srcroot(self):
        for name, uri in (("sub dir/a b#c%20d.json", "sub%20dir/a%20b%23c%2520d.json"),
                          ("naïve[1]?.json", "na%C3%AFve%5B1%5D%3F.json")):
            self.write(name)
            status, log, _ = run(["./" + name], self.dir)
            self.assertEqual(status, 1)
            for location in uris(log):
                self.assertEqual(location, {"uri": uri, "uriBaseId": "%SRCROOT%"})
                self.assertRegex(location["uri"], URI_PATH)
                self.assertEqual(urllib.parse.unquote(location["uri"]), name)
            base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            self.assertTrue(base.startswith("file:///") and base.endswith("/"), base)
            self.assertEqual(urllib.parse.unquote(base[len("file://"):]), str(self.dir.resolve()) + "/")

    def test_absolute_paths_are_file_uris(self):
        path = self.write("a b/x[1].json")
        _, log, _ = run([str(path)], Path(self.scratch.name))
        for location in uris(log):
            self.assertNotIn("uriBaseId", location)
            self.assertTrue(location["uri"].startswith("file:///"), location)
            self.assertEqual(urllib.parse.unquote(location["uri"][len("file://"):]), str(path))
            self.assertRegex(location["uri"][len("file://"):], URI_PATH)

    def test_a_path_above_the_working_directory_is_made_absolute(self):
        path = self.write("up.json")
        (self.dir / "below").mkdir()
        _, log, _ = run(["../up.json"], self.dir / "below")
        self.assertEqual({location["uri"] for location in uris(log)},
                         {"file://" + urllib.parse.quote(str(path.resolve()))})

    def test_stdin_takes_the_stdin_filename(self):
        _, log, _ = run(["--stdin-filename", "sub dir/in put.json", "-"], self.dir, stdin=PROFILE.encode())
        self.assertEqual({location["uri"] for location in uris(log)}, {"sub%20dir/in%20put.json"})
        self.assertEqual({location.get("uriBaseId") for location in uris(log)}, {"%SRCROOT%"})

    def fingerprints(self, log):
        return [(result["ruleId"], result["partialFingerprints"]["appflowLint/v1"])
                for result in log["runs"][0]["results"]]

    def test_fingerprints_survive_lines_inserted_above(self):
        self.write("p.json")
        _, before, _ = run(["p.json"], self.dir)
        self.write("p.json", "\n\n\n" + PROFILE.replace('  "connectionMode"', '\n\n  "connectionMode"'))
        _, after, _ = run(["p.json"], self.dir)
        lines_before = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before["runs"][0]["results"]]
        lines_after = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after["runs"][0]["results"]]
        self.assertNotEqual(lines_before, lines_after, "the edit moved no result: the test proves nothing")
        self.assertEqual(self.fingerprints(before), self.fingerprints(after))
        for _, fingerprint in self.fingerprints(before):
            self.assertRegex(fingerprint, r"^[0-9a-f]{16}$")
        # Distinct results (rule and pointer) get distinct fingerprints; another path, others again.
        self.assertEqual(len({f for _, f in self.fingerprints(before)}), len(before["runs"][0]["results"]))
        self.write("q.json")
        _, other, _ = run(["q.json"], self.dir)
        self.assertFalse({f for _, f in self.fingerprints(other)} & {f for _, f in self.fingerprints(before)})

    def test_a_clean_run_succeeds(self):
        self.write("p.json")
        _, log, _ = run(["p.json"], self.dir)
        invocation = log["runs"][0]["invocations"][0]
        self.assertIs(invocation["executionSuccessful"], True)
        self.assertNotIn("toolExecutionNotifications", invocation)

    def test_unreadable_paths_are_notifications(self):
        self.write("p.json")
        locked = self.write("locked.json")
        locked.chmod(0)
        try:
            if os.access(locked, os.R_OK):
                locked.chmod(0o644)
                locked = self.dir / "fifo.json"  # root reads anything: a FIFO is unreadable to the linter
                os.mkfifo(locked)
            status, log, stderr = run(["p.json", locked.name, "missing.json"], self.dir)
        finally:
            if locked.exists() and not locked.is_fifo():
                locked.chmod(0o644)
        self.assertEqual(status, 2)
        invocation = log["runs"][0]["invocations"][0]
        self.assertIs(invocation["executionSuccessful"], False)
        notes = [note["message"]["text"] for note in invocation["toolExecutionNotifications"]]
        self.assertEqual(len(notes), 2, notes)
        self.assertTrue(any(locked.name in note for note in notes), notes)
        self.assertTrue(any("missing.json" in note for note in notes), notes)
        for note in notes:
            self.assertIn(note, stderr)
        self.assertTrue(log["runs"][0]["results"], "the readable file is still reported")

    def test_nothing_matched_still_writes_the_log(self):
        status, log, stderr = run(["missing.json"], self.dir)
        self.assertEqual(status, 2)
        invocation = log["runs"][0]["invocations"][0]
        self.assertIs(invocation["executionSuccessful"], False)
        self.assertEqual(len(invocation["toolExecutionNotifications"]), 1)
        self.assertIn("missing.json", stderr)

    def test_unmatched_paths_that_only_warn_are_warning_notifications(self):
        self.write("p.json")
        status, log, stderr = run(["--no-error-on-unmatched", "p.json", "missing.json"], self.dir)
        self.assertEqual(status, 1, stderr)  # PROFILE's own faults; the unmatched PATH adds no exit 2
        invocation = log["runs"][0]["invocations"][0]
        self.assertIs(invocation["executionSuccessful"], True)
        self.assertEqual(invocation["toolExecutionNotifications"], [
            {"level": "warning", "message": {"text": "missing.json: no such file or directory"}}])
        self.assertIn("appflow-lint: warning: missing.json: no such file or directory", stderr)

    def test_rules_have_names_help_and_links(self):
        self.write("p.json")
        _, log, _ = run(["p.json"], self.dir)
        driver = log["runs"][0]["tool"]["driver"]
        self.assertTrue(driver["informationUri"].startswith("https://"))
        names = set()
        for rule in driver["rules"]:
            self.assertRegex(rule["name"], r"^[A-Z][A-Za-z0-9]*$")
            self.assertNotEqual(rule["name"], rule["id"])
            names.add(rule["name"])
            self.assertTrue(rule["helpUri"].endswith("/" + rule["id"] + ".md"), rule["helpUri"])
            self.assertIn("## Why", rule["help"]["markdown"])
            self.assertTrue(rule["help"]["text"].startswith(rule["shortDescription"]["text"]))
            self.assertIn(rule["defaultConfiguration"]["level"], ("error", "warning", "note"))
        self.assertEqual(len(names), len(driver["rules"]), "two rules share a name")
        by_id = {rule["id"]: rule for rule in driver["rules"]}
        self.assertEqual(by_id["schema.unknown-property"]["name"], "SchemaUnknownProperty")

    def test_help_markdown_is_the_rule_page(self):
        root = Path(__file__).resolve().parents[2]
        self.write("p.json")
        _, log, _ = run(["p.json"], self.dir)
        for rule in log["runs"][0]["tool"]["driver"]["rules"][:5]:
            page = (root / "docs" / "rules" / (rule["id"] + ".md")).read_text(encoding="utf-8")
            self.assertTrue(page.startswith(rule["help"]["markdown"]), rule["id"])

    def test_configured_levels(self):
        self.write("p.json")
        _, default, _ = run(["p.json"], self.dir)
        self.assertNotIn("ruleConfigurationOverrides", default["runs"][0]["invocations"][0])
        _, log, _ = run(["--rule", "schema.pattern=warning", "--rule", "schema.type=off", "p.json"], self.dir)
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        overrides = {o["descriptor"]["id"]: o for o in log["runs"][0]["invocations"][0]["ruleConfigurationOverrides"]}
        self.assertEqual(overrides["schema.pattern"]["configuration"], {"level": "warning"})
        self.assertEqual(overrides["schema.type"]["configuration"], {"enabled": False})
        for override in overrides.values():
            self.assertEqual(rules[override["descriptor"]["index"]]["id"], override["descriptor"]["id"])
        index = {rule["id"]: rule for rule in rules}
        self.assertEqual(index["schema.pattern"]["defaultConfiguration"]["level"], "error")
        levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
        self.assertEqual(levels.get("schema.pattern"), "warning")
        self.assertNotIn("schema.type", levels)

    def test_no_sensitive_value(self):
        self.write("p.json")
        self.write("lines.jsonl", PROFILE.replace("\n", " ") + "\n" + PROFILE.replace("\n", " ")[:-40] + "\n")
        for args in (["p.json", "lines.jsonl"], ["--rule", "schema.unknown-property=warning", "p.json"]):
            done = subprocess.run([BINARY, "--format", "sarif", *args], cwd=self.dir, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=120)
            self.assertTrue(json.loads(done.stdout)["runs"][0]["results"])
            for output in (done.stdout, done.stderr):
                self.assertNotIn(MARKER[:4].encode(), output)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main()
