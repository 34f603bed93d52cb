#!/usr/bin/env python3
"""No secret in any output: a marker planted in every member the model marks
sensitive, under every kind of misspelling and misplacement, in hostile shapes
(syntax errors, repeated keys, JSON Lines, stray bytes), must appear in no format's
stdout or stderr, not even in part.

Usage: test_secrets.py PATH/TO/appflow-lint SCHEMAS_DIR [unittest options]
The sensitive members are read from the project's generated schemas
(`x-appflow-sensitive`), so a member the model adds is covered without an edit here.
Standard library only (Debian 12 python3).
"""

import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

BINARY = None
SCHEMAS = None
FORMATS = ("text", "json", "sarif", "gcc", "github")
MARKER = "Q7ZX9KW4JP2M8TVR"      # no 4 characters of it occur in ordinary output
NUMBER_MARKER = "738291046571"   # a secret written as a number (after a syntax error)
# The shortest piece of each marker that counts as shown: ordinary output has
# 4-digit numbers (file counts, columns), never 6 digits of the number marker.
WINDOWS = {MARKER: 4, NUMBER_MARKER: 6}


def sensitive_paths(schema_file):
    """(parent path, member name) of every sensitive member of one request schema."""
    schema = json.loads(Path(schema_file).read_text(encoding="utf-8"))
    found = []

    def walk(node, path):
        for name, child in node.get("properties", {}).items():
            if child.get("x-appflow-sensitive"):
                found.append((tuple(path), name))
            walk(child, path + [name])
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            walk(extra, path + ["entry"])

    walk(schema, [])
    return found


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def misspellings(name):
    """The member name as people get it wrong."""
    return {
        "upper-first": name[0].upper() + name[1:],
        "all-caps": name.upper(),
        "lower": name.lower(),
        "snake": snake(name),
        "kebab": snake(name).replace("_", "-"),
        "dropped-letter": name[:-2] + name[-1],
        "doubled-letter": name[:2] + name[1] + name[2:],
    }


def nest(path, leaf):
    """{"a": {"b": leaf}} for path ("a", "b")."""
    for key in reversed(path):
        leaf = {key: leaf}
    return leaf


def request(config):
    # connectionMode is wrong on purpose: every document has at least one diagnostic,
    # so every document's one line is quoted.
    return {"connectorProfileName": "p", "connectionMode": "public", "connectorProfileConfig": config}


def config_of(path, leaf):
    """The request for a member at `path` (from the root) holding `leaf`."""
    assert path[0] == "connectorProfileConfig", path
    return request(nest(path[1:], leaf))


def documents():
    """name -> document text (one line each)."""
    docs = {}
    for operation_schema in sorted(Path(SCHEMAS).glob("*.request.schema.json")):
        for parent, name in sensitive_paths(operation_schema):
            parent = tuple("k1" if p == "entry" else p for p in parent)
            tag = "-".join(parent[-2:] + (name,))
            full = parent + (name,)
            docs[f"exact-{tag}"] = json.dumps(config_of(full, MARKER))
            for kind, spelled in misspellings(name).items():
                docs[f"{kind}-{tag}"] = json.dumps(config_of(parent + (spelled,), MARKER))
            if len(parent) >= 3 and parent[1] == "connectorProfileCredentials":
                connector = parent[2]
                wrong_parent = ("connectorProfileConfig", "connectorProfileProperties") + parent[2:] + (name,)
                docs[f"wrong-parent-{tag}"] = json.dumps(config_of(wrong_parent, MARKER))
                other = "Zendesk" if connector != "Zendesk" else "Slack"
                wrong_connector = parent[:2] + (other,) + parent[3:] + (name,)
                docs[f"wrong-connector-{tag}"] = json.dumps(config_of(wrong_connector, MARKER))
                as_array = parent[:3]
                inner = nest(parent[3:] + (name,), MARKER)
                docs[f"array-parent-{tag}"] = json.dumps(config_of(as_array, [inner]))
            docs[f"object-valued-{tag}"] = json.dumps(config_of(full, {MARKER: "${X}", "k": [MARKER]}))
            docs[f"placeholder-{tag}"] = json.dumps(config_of(full, "${" + MARKER + "}"))
            docs[f"angle-{tag}"] = json.dumps(config_of(full, "<" + MARKER + ">"))
            docs[f"spaced-{tag}"] = json.dumps(config_of(full, MARKER[:8] + " " + MARKER[8:]))
            exact = json.dumps(config_of(full, MARKER))
            quoted = json.dumps(MARKER)
            # Broken documents: the structure cannot be trusted, so nothing is shown.
            docs[f"unterminated-{tag}"] = exact.replace(quoted, '"' + MARKER, 1)[: exact.index(quoted) + 17]
            docs[f"control-char-{tag}"] = exact.replace(quoted, '"' + MARKER[:8] + "\x01" + MARKER[8:] + '"', 1)
            docs[f"trailing-comma-{tag}"] = exact.replace(quoted, quoted + ",", 1)
            docs[f"bare-word-{tag}"] = exact.replace(quoted, MARKER + ",", 1)
            docs[f"number-{tag}"] = exact.replace(quoted, NUMBER_MARKER + ",", 1)
            docs[f"stray-bytes-{tag}"] = exact.replace('"p"', '"\x92\x92\x92"', 1)
            member = json.dumps(name)
            docs[f"duplicate-first-{tag}"] = exact.replace(f"{member}: {quoted}", f"{member}: {quoted}, {member}: \"x\"", 1)
            docs[f"duplicate-last-{tag}"] = exact.replace(f"{member}: {quoted}", f"{member}: \"x\", {member}: {quoted}", 1)
            docs[f"duplicate-number-{tag}"] = exact.replace(
                f"{member}: {quoted}", f"{member}: {NUMBER_MARKER}, {member}: \"x\"", 1)
    # Secrets in URLs of shown members.
    for url in (f"https://user:{MARKER}@acme.my.salesforce.com", f"https://acme.my.salesforce.com/?access_token={MARKER}",
                f"https://acme.my.salesforce.com/?x=1&client_secret={MARKER}#f"):
        docs[f"url-{len(docs)}"] = json.dumps(
            request({"connectorProfileProperties": {"Salesforce": {"instanceUrl": url}},
                     "connectorProfileCredentials": {"Salesforce": {}}}))
    # credentialsMap keys are secrets too, and credentialsMap given as a string.
    custom = ("connectorProfileConfig", "connectorProfileCredentials", "CustomConnector")
    docs["credentials-map-key"] = json.dumps(config_of(custom, {
        "authenticationType": "CUSTOM",
        "custom": {"customAuthenticationType": "t", "credentialsMap": {MARKER + "-x": "${V}", "b": MARKER}}}))
    docs["credentials-map-string"] = json.dumps(config_of(custom, {
        "authenticationType": "CUSTOM", "custom": {"customAuthenticationType": "t", "credentialsMap": MARKER}}))
    docs["credentials-map-duplicate-key"] = json.dumps(config_of(custom, {
        "authenticationType": "CUSTOM", "custom": {"customAuthenticationType": "t",
                                                   "credentialsMap": {MARKER: "a"}}})).replace(
        f'"{MARKER}": "a"', f'"{MARKER}": "a", "{MARKER}": "b"')
    docs["free-map-secret"] = json.dumps(config_of(
        ("connectorProfileConfig", "connectorProfileProperties", "CustomConnector"),
        {"profileProperties": {"db_password": MARKER + " x", "API-TOKEN": MARKER}}))
    # A credentialsMap's entries where the schema cannot place them: their keys may be
    # secrets, so no key among credentials that is no name of the model is named.
    entries = {MARKER + "_key": {MARKER: "${X}"}}
    credentials = custom[:2]
    for label, path, leaf in (("credentials", credentials, entries),
                              ("connector", custom, entries),
                              ("misspelt-connector", credentials + ("customconnector",), entries),
                              ("custom", custom + ("custom",), entries),
                              ("credentials-array", credentials, [entries]),
                              ("custom-array", custom + ("custom",), [entries])):
        docs[f"misplaced-map-{label}"] = json.dumps(config_of(path, leaf))
    return docs


def windows_1252_quotes(text):
    """UTF-8 bytes of `text`, with each U+0092 written as the lone byte 0x92 (a
    Windows-1252 right quote: a stray UTF-8 continuation byte)."""
    return text.encode("utf-8").replace(b"\xc2\x92", b"\x92")


def leaked(output):
    """Every piece of a marker (of the marker's window length) found in `output`."""
    pieces = set()
    for marker, window in WINDOWS.items():
        for i in range(len(marker) - window + 1):
            if marker[i:i + window] in output:
                pieces.add(marker[i:i + window])
    return sorted(pieces)


FINGERPRINT = re.compile(r'"appflowLint/v1": "([0-9a-f]{16})"')


def without_fingerprints(output):
    """SARIF's partialFingerprints are 16 hex digits of a hash over rule, pointer and
    a path holding this test's random folder name: about 2% of runs would show six of
    the number marker's digits there by chance. Only values of exactly that shape are
    blanked, so anything else written under the key is still scanned."""
    return FINGERPRINT.sub('"appflowLint/v1": ""', output)


def run(args):
    result = subprocess.run([BINARY, "--color", "never", *args], capture_output=True, timeout=300)
    return result.returncode, result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")


class SecretsInEveryFormat(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.folder = Path(cls.tmp.name)
        cls.docs = documents()
        for name, text in cls.docs.items():
            (cls.folder / f"{name}.json").write_bytes(windows_1252_quotes(text))
        lines = "\n".join(cls.docs.values()) + "\n"
        # A raw line break inside a secret splits it over two JSON Lines documents.
        lines += json.dumps(request({"connectorProfileCredentials": {"Redshift": {
            "password": MARKER}}})).replace(MARKER, MARKER[:6] + "\n" + MARKER[6:]) + "\n"
        (cls.folder / "all.jsonl").write_bytes(windows_1252_quotes(lines))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_corpus_covers_the_model(self):
        paths = sensitive_paths(Path(SCHEMAS) / "UpdateConnectorProfile.request.schema.json")
        self.assertGreaterEqual(len(paths), 30, "the schema marks fewer sensitive members than the model has")
        self.assertGreater(len(self.docs), 30 * 20)

    def test_every_document_is_reported(self):
        # A document without diagnostics quotes nothing: it would prove nothing here.
        status, output = run(["--format", "json", str(self.folder)])
        self.assertEqual(status, 1)
        report = json.loads(output[: output.rindex("}") + 1])
        for file in report["files"]:
            self.assertTrue(file["diagnostics"], f"{file['path']} has no diagnostic")

    def test_no_marker_in_any_format(self):
        for fmt in FORMATS:
            with self.subTest(format=fmt):
                status, output = run(["--format", fmt, str(self.folder)])
                self.assertEqual(status, 1)
                self.assertEqual(leaked(without_fingerprints(output)), [], f"{fmt} output shows part of a secret")

    def test_no_marker_from_standard_input(self):
        for name in ("snake-Redshift-password", "unterminated-Salesforce-accessToken"):
            text = self.docs.get(name)
            if text is None:
                continue
            for fmt in FORMATS:
                result = subprocess.run([BINARY, "--color", "never", "--format", fmt, "-"], input=text.encode(),
                                        capture_output=True, timeout=60)
                output = (result.stdout + result.stderr).decode("utf-8", "replace")
                self.assertEqual(leaked(without_fingerprints(output)), [])

    def test_documents_with_the_marker_masked_still_point_at_the_member(self):
        status, output = run(["--format", "json", str(self.folder / "credentials-map-key.json")])
        diagnostics = json.loads(output)["files"][0]["diagnostics"]
        pointers = {d["pointer"] for d in diagnostics}
        self.assertIn("/connectorProfileConfig/connectorProfileCredentials/CustomConnector/custom/credentialsMap",
                      pointers)
        entries = [d for d in diagnostics if d["pointer"].endswith("/credentialsMap")]
        self.assertTrue(all("entry " in d["message"] for d in entries), entries)
        self.assertTrue(all(d.get("range") for d in entries))

    def test_unknown_keys_among_credentials_are_not_named_but_model_names_are(self):
        status, output = run(["--format", "json", str(self.folder / "misplaced-map-misspelt-connector.json")])
        diagnostics = json.loads(output)["files"][0]["diagnostics"]
        unknown = [d for d in diagnostics if d["rule"] == "schema.unknown-property"]
        # The misspelt connector is named (with its did-you-mean), the map key below it is not.
        self.assertEqual([d["pointer"] for d in unknown],
                         ["/connectorProfileConfig/connectorProfileCredentials/customconnector"], diagnostics)
        self.assertIn("did you mean 'CustomConnector'", unknown[0]["message"])
        below = [d for d in diagnostics if d["pointer"].startswith(unknown[0]["pointer"] + "/")]
        self.assertEqual(below, [], "a pointer goes through the hidden key")


if __name__ == "__main__":
    BINARY, SCHEMAS = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:])
