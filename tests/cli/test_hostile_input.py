#!/usr/bin/env python3
"""Hostile input through the command line: keys that would drive a terminal, NUL
bytes, wide encodings, broken links and unreadable folders, endless standard input.
Each gets a clear diagnostic or problem and the right exit status; nothing of the
input's raw bytes reaches the output.

Usage: test_hostile_input.py PATH/TO/appflow-lint [unittest options]
Standard library only (Debian 12 python3).
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BINARY = None
FORMATS = ("text", "json", "sarif", "gcc", "github")
VALID = {
    "connectorProfileName": "zq-profile-7731", "connectionMode": "Public",
    "connectorProfileConfig": {
        "connectorProfileProperties": {"Slack": {"instanceUrl": "https://acme.slack.com"}},
        "connectorProfileCredentials": {"Slack": {"clientId": "1234.5678", "clientSecret": "a1b2c3d4e5f6",
                                                  "accessToken": "xoxb-1234-5678-abcdef"}}}}


def run(args, **kwargs):
    return subprocess.run([BINARY, "--color", "never", *args], capture_output=True, timeout=120, **kwargs)


class Workspace(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        for root, dirs, _ in os.walk(self.dir):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        self.tmp.cleanup()

    def write(self, name, data):
        path = self.dir / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path


class ControlCharacters(Workspace):
    KEY = "a\nb\u001b[31mRED\r"

    def test_keys_never_reach_the_terminal_raw(self):
        document = json.dumps(dict(VALID, **{self.KEY: 1}))
        document = document[:-1] + ', ' + json.dumps(self.KEY) + ': 2}'  # and once more: a duplicate key
        path = self.write("keys.json", document)
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                result = run(["--format", fmt, str(path)])
                self.assertEqual(result.returncode, 1)
                output = result.stdout + result.stderr
                self.assertNotIn(b"\x1b", output)
                self.assertNotIn(b"\r", output)
                if fmt in ("gcc", "github"):
                    lines = result.stdout.decode().splitlines()
                    self.assertEqual(len(lines), 2, lines)  # unknown member + duplicate key, one line each
                    self.assertTrue(all("\\u001b" in line for line in lines), lines)

    def test_a_path_with_a_line_break_stays_on_its_line(self):
        path = self.write("bad\nname.json", "{")
        result = run(["--format", "gcc", str(path)])
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stdout.decode().splitlines()), 1)


class NulBytes(Workspace):
    def test_nothing_after_a_nul_is_ignored(self):
        text = json.dumps(VALID).encode()
        for name, data in {"after-document": text + b"\0 garbage {", "after-whitespace": text + b"\n  \0",
                           "in-string": text.replace(b'"zq-profile-7731"', b'"zq-profile\0-7731"')}.items():
            with self.subTest(name):
                result = run(["--format", "json", str(self.write(name + ".json", data))])
                self.assertEqual(result.returncode, 1)
                diagnostics = json.loads(result.stdout)["files"][0]["diagnostics"]
                self.assertEqual([d["rule"] for d in diagnostics], ["json.syntax"])


class WideEncodings(Workspace):
    def test_utf16_and_utf32_are_named_and_not_echoed(self):
        text = json.dumps(VALID)
        for codec, words in {"utf-16": "UTF-16 LE", "utf-16-be": "UTF-16 BE", "utf-32": "UTF-32 LE",
                             "utf-32-be": "UTF-32 BE"}.items():
            path = self.write(codec + ".json", text.encode(codec))
            for fmt in FORMATS:
                with self.subTest(codec=codec, format=fmt):
                    result = run(["--format", fmt, str(path)])
                    self.assertEqual(result.returncode, 1)
                    output = result.stdout + result.stderr
                    self.assertFalse(b"\0" in output, "a NUL byte in the output")
                    self.assertFalse(b"\xff\xfe" in output, "the byte-order mark in the output")
                    self.assertFalse(b"zq-profile-7731" in output, "the document's text in the output")
                    self.assertTrue(words.encode() in output, f"no {words} in the output")
            result = run(["--format", "json", str(path)])
            start = json.loads(result.stdout)["files"][0]["diagnostics"][0]["range"]["start"]
            self.assertEqual(start, {"line": 1, "column": 1})


class PathsThatCannotBeRead(Workspace):
    def test_broken_links_are_named_and_exit_2(self):
        self.write("good.json", json.dumps(VALID))
        os.symlink("missing.json", self.dir / "dangling.json")
        os.symlink("loop.json", self.dir / "loop.json")
        result = run([str(self.dir)])
        self.assertEqual(result.returncode, 2)
        errors = result.stderr.decode()
        self.assertIn("dangling.json: broken symbolic link", errors)
        self.assertIn("loop.json: broken symbolic link", errors)
        self.assertIn("no problems in 1 file", result.stdout.decode())  # the others are still linted

    def test_an_unreadable_folder_is_named_and_exits_2(self):
        if os.geteuid() == 0 and not hasattr(os, "setuid"):
            self.skipTest("running as root without setuid: a mode-000 folder stays readable")
        os.chmod(self.dir, 0o755)
        self.write("good.json", json.dumps(VALID))
        locked = self.dir / "locked"
        locked.mkdir()
        (locked / "hidden.json").write_text("{")
        os.chmod(locked, 0)
        # As root a mode-000 folder is still readable: run as nobody instead.
        demote = (lambda: os.setuid(65534)) if os.geteuid() == 0 else None
        result = run([str(self.dir)], preexec_fn=demote)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("locked: cannot read directory", result.stderr.decode())
        self.assertIn("no problems in 1 file", result.stdout.decode())


class IntegralFloats(Workspace):
    def test_a_float_for_an_integer_member_is_a_type_error_with_a_fix(self):
        document = {"connectorProfileName": "zq-sap", "connectionMode": "Public", "connectorProfileConfig": {
            "connectorProfileProperties": {"SAPOData": {
                "applicationHostUrl": "https://sap.acme-corp.com", "applicationServicePath": "/sap/opu/odata/sap/X",
                "portNumber": 443, "clientNumber": "100"}},
            "connectorProfileCredentials": {"SAPOData": {"basicAuthCredentials": {"username": "u", "password": "p"}}}}}
        for literal, fixed in (("443.0", "443"), ("4.43e2", "443"), ("-0.0", "0")):
            with self.subTest(literal):
                path = self.write("sap.json", json.dumps(document).replace('"portNumber": 443', '"portNumber": ' + literal))
                result = run(["--format", "json", str(path)])
                self.assertEqual(result.returncode, 1)
                [diagnostic] = json.loads(result.stdout)["files"][0]["diagnostics"]
                self.assertEqual(diagnostic["rule"], "schema.type")
                self.assertIn("boto3", diagnostic["message"])
                self.assertEqual(diagnostic["suggestions"][0]["replacement"]["text"], fixed)


class EndlessInput(unittest.TestCase):
    def test_standard_input_has_a_size_limit(self):
        with open("/dev/zero", "rb") as zero:
            result = run(["-"], stdin=zero)
        self.assertEqual(result.returncode, 2)
        self.assertIn(b"standard input: larger than", result.stderr)
        self.assertNotIn(b"\0", result.stdout + result.stderr)


if __name__ == "__main__":
    BINARY = sys.argv[1]
    unittest.main(argv=[sys.argv[0]] + sys.argv[2:])
