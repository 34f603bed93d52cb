#!/usr/bin/env python3
"""Keeps the editor set-up honest: the VS Code extension's manifest against what
extension.js reads and what the build generates, and the copy-paste blocks of
docs/editors.md against the server's interface (`appflow-lint server`, nothing after it).

    test_editor_configs.py [SOURCE_ROOT]

Nothing is built or installed, and no editor is started; where node and the extension's
node_modules are there, its smoke test (editors/vscode/test/) runs. Python 3.11 standard library
only (tomllib; with an older Python the TOML checks are skipped); `node --check` is run on the extension's scripts when node is on PATH.
"""

import fnmatch
import json
import re
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

try:
    import tomllib  # Python 3.11
except ImportError:  # older: the TOML blocks are not checked
    tomllib = None

SOURCE_ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
EXTENSION = SOURCE_ROOT / "editors" / "vscode"
EDITORS_MD = SOURCE_ROOT / "docs" / "editors.md"
SCHEMAS = SOURCE_ROOT / "schemas"

needs_tomllib = unittest.skipIf(tomllib is None, "tomllib needs Python 3.11")

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)


def code_blocks(language):
    return [body for lang, body in FENCE.findall(EDITORS_MD.read_text(encoding="utf-8")) if lang == language]


def js_string_constant(source, name):
    match = re.search(r"\bconst %s = '([^']*)';" % re.escape(name), source)
    return match.group(1) if match else None


class ExtensionManifest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
        cls.source = (EXTENSION / "extension.js").read_text(encoding="utf-8")

    def test_identity_and_entry_point(self):
        m = self.manifest
        self.assertEqual(m["name"], "appflow-lint")
        self.assertEqual(m["publisher"], "appflow-lint")
        self.assertEqual(m["main"], "./extension.js")
        self.assertTrue((EXTENSION / m["main"]).is_file())
        self.assertIn("onLanguage:json", m["activationEvents"])
        self.assertIn("workspaceContains:**/.appflow-lint.json", m["activationEvents"])

    def test_the_engine_is_one_vscode_languageclient_accepts(self):
        # vscode-languageclient 9 throws on a VS Code older than 1.82.
        self.assertRegex(self.manifest["dependencies"]["vscode-languageclient"], r"^\^9\.")
        engine = re.fullmatch(r"\^1\.(\d+)\.\d+", self.manifest["engines"]["vscode"])
        self.assertIsNotNone(engine, self.manifest["engines"]["vscode"])
        self.assertGreaterEqual(int(engine.group(1)), 82)

    def test_contributed_settings_are_the_ones_extension_js_reads(self):
        section = js_string_constant(self.source, "SECTION")
        client_id = js_string_constant(self.source, "CLIENT_ID")
        self.assertEqual(section, "appflowLint")
        read = {f"{section}.{name}" for name in re.findall(r"config\.get\('([^']+)'", self.source)}
        # vscode-languageclient reads CLIENT_ID.trace.server by itself.
        read.add(f"{client_id}.trace.server")
        contributed = set(self.manifest["contributes"]["configuration"]["properties"])
        self.assertEqual(contributed, read)
        self.assertEqual(contributed,
                         {"appflowLint.path", "appflowLint.docsBaseUrl", "appflowLint.debounceMs",
                          "appflowLint.trace.server"})
        restart_on = re.search(r"const SERVER_SETTINGS = \[([^\]]*)\]", self.source).group(1)
        self.assertEqual({f"{section}.{n}" for n in re.findall(r"'([^']+)'", restart_on)},
                         contributed - {f"{client_id}.trace.server"})

    def test_defaults(self):
        properties = self.manifest["contributes"]["configuration"]["properties"]
        self.assertEqual(properties["appflowLint.path"]["default"], "appflow-lint")
        self.assertEqual(properties["appflowLint.trace.server"]["enum"], ["off", "messages", "verbose"])
        self.assertIn("appflowLint.path",
                      self.manifest["capabilities"]["untrustedWorkspaces"]["restrictedConfigurations"])

    def test_the_restart_command_is_registered(self):
        commands = [c["command"] for c in self.manifest["contributes"]["commands"]]
        self.assertEqual(commands, [js_string_constant(self.source, "RESTART_COMMAND")])
        self.assertIn("registerCommand(RESTART_COMMAND", self.source)
        (command,) = self.manifest["contributes"]["commands"]
        self.assertEqual(f'{command["category"]}: {command["title"]}', "appflow-lint: Restart server")

    def test_the_server_is_started_with_server_alone(self):
        self.assertIn("args: ['server']", self.source)
        # The command line as written: no transport, so the client appends nothing.
        self.assertNotRegex(self.source, r"\btransport\s*:")
        self.assertNotIn("TransportKind", re.sub(r"//.*", "", self.source))
        for selector in ("{ scheme: 'file', language: 'json' }", "{ scheme: 'untitled', language: 'json' }"):
            self.assertIn(selector, self.source)
        self.assertEqual(js_string_constant(self.source, "CONFIG_GLOB"), "**/.appflow-lint.json")
        self.assertIn("initializationOptions: initializationOptions(config)", self.source)
        for option in ("docsBaseUrl", "debounceMs"):
            self.assertIn(f"options.{option} =", self.source)

    def test_json_validation_points_at_generated_request_schemas(self):
        meson = (SCHEMAS / "meson.build").read_text(encoding="utf-8")
        generated = set(re.findall(r"'([A-Za-z]+\.request\.schema\.json)'", meson))
        self.assertEqual(generated, {"UpdateConnectorProfile.request.schema.json",
                                     "CreateConnectorProfile.request.schema.json"})
        urls = {}
        for entry in self.manifest["contributes"]["jsonValidation"]:
            match = re.fullmatch(r"\./schemas/([A-Za-z]+\.request\.schema\.json)", entry["url"])
            self.assertIsNotNone(match, entry["url"])
            self.assertIn(match.group(1), generated)
            self.assertTrue((SCHEMAS / match.group(1)).is_file())
            urls[match.group(1).split(".")[0]] = entry["fileMatch"]
        self.assertEqual(set(urls), {"UpdateConnectorProfile", "CreateConnectorProfile"})

    def test_file_name_conventions_pick_one_schema(self):
        # VS Code's rule: some pattern matches and the last matching one is not a '!' one;
        # a pattern without '/' matches the name in any folder.
        def matches(patterns, path):
            verdict = False
            for pattern in patterns:
                include = not pattern.startswith("!")
                glob = "**/" + pattern.lstrip("!")
                regex = re.escape(glob).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
                if re.fullmatch(regex, path):
                    verdict = include
            return verdict

        schemas = {e["url"].split("/")[-1].split(".")[0]: e["fileMatch"]
                   for e in self.manifest["contributes"]["jsonValidation"]}
        expect = {
            "p/salesforce.connector-profile.json": "UpdateConnectorProfile",
            "salesforce.update-connector-profile.json": "UpdateConnectorProfile",
            "a/connector-profiles/redshift.json": "UpdateConnectorProfile",
            "salesforce.create-connector-profile.json": "CreateConnectorProfile",
            "a/connector-profiles/x.create-connector-profile.json": "CreateConnectorProfile",
            "connector-profiles/create/redshift.json": "CreateConnectorProfile",
            "package.json": None,
            "a/profiles/redshift.json": None,
        }
        for path, schema in expect.items():
            chosen = [name for name, patterns in schemas.items() if matches(patterns, path)]
            self.assertEqual(chosen, [schema] if schema else [], path)

    def test_packaging(self):
        scripts = self.manifest["scripts"]
        self.assertIn("copy-schemas.js", scripts["vscode:prepublish"])
        self.assertIn("vsce package", scripts["package"])
        ignored = (EXTENSION / ".gitignore").read_text(encoding="utf-8").split()
        for entry in ("node_modules/", "schemas/", "*.vsix"):
            self.assertIn(entry, ignored)
        copier = (EXTENSION / "scripts" / "copy-schemas.js").read_text(encoding="utf-8")
        self.assertIn("'.request.schema.json'", copier)
        self.assertTrue((EXTENSION / "README.md").is_file())

    def test_the_lock_file_matches_the_manifest(self):
        lock_path = EXTENSION / "package-lock.json"
        if not lock_path.is_file():
            self.skipTest("no package-lock.json")
        root = json.loads(lock_path.read_text(encoding="utf-8"))["packages"][""]
        for key in ("name", "version", "dependencies", "devDependencies", "engines"):
            self.assertEqual(root.get(key), self.manifest.get(key), key)

    def test_scripts_are_valid_javascript(self):
        node = shutil.which("node")
        if node is None:
            self.skipTest("node is not on PATH")
        for script in ("extension.js", "scripts/copy-schemas.js", "test/smoke.js", "test/vscode-stub.js",
                       "test/fake-server.js"):
            run = subprocess.run([node, "--check", str(EXTENSION / script)], capture_output=True, text=True,
                                 timeout=60)
            self.assertEqual(run.returncode, 0, script + ": " + run.stderr)


class EditorsGuide(unittest.TestCase):
    @needs_tomllib
    def test_every_toml_block_parses(self):
        blocks = code_blocks("toml")
        self.assertGreaterEqual(len(blocks), 2)
        for block in blocks:
            tomllib.loads(block)

    @needs_tomllib
    def test_helix_runs_appflow_lint_server_next_to_the_json_server(self):
        configs = [tomllib.loads(b) for b in code_blocks("toml")]
        (helix,) = [c for c in configs if "appflow-lint" in c.get("language-server", {})]
        server = helix["language-server"]["appflow-lint"]
        self.assertEqual(server["command"], "appflow-lint")
        self.assertEqual(server["args"], ["server"])
        self.assertEqual(set(server.get("config", {})) - {"docsBaseUrl", "debounceMs"}, set())
        (json_language,) = [lang for lang in helix["language"] if lang["name"] == "json"]
        self.assertEqual(json_language["language-servers"], ["vscode-json-language-server", "appflow-lint"])

    def test_every_json_block_parses(self):
        for block in code_blocks("json"):
            json.loads(block)

    def test_neovim_and_emacs_start_server_alone(self):
        lua = "\n".join(code_blocks("lua"))
        self.assertEqual(lua.count("cmd = { 'appflow-lint', 'server' }"), 2)
        self.assertNotIn("--stdio", lua)
        self.assertIn("vim.lsp.start(", lua)
        self.assertIn("vim.lsp.config('appflow_lint'", lua)
        self.assertIn("source.fixAll.appflow-lint", lua)
        elisp = "\n".join(code_blocks("elisp"))
        self.assertIn("eglot-server-programs", elisp)
        self.assertEqual(elisp.count('("appflow-lint" "server"'), 2)
        self.assertEqual(elisp.count("("), elisp.count(")"))

    @needs_tomllib
    def test_schema_mappings_in_the_guide_are_the_extensions(self):
        manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
        extension = {e["url"].split("/")[-1]: e["fileMatch"] for e in manifest["contributes"]["jsonValidation"]}
        (settings,) = [json.loads(b) for b in code_blocks("json") if '"json.schemas"' in b]
        guide = {e["url"].split("/")[-1]: e["fileMatch"] for e in settings["json.schemas"]}
        self.assertEqual(guide, extension)
        helix = [tomllib.loads(b) for b in code_blocks("toml")]
        (json_server,) = [c["language-server"]["vscode-json-language-server"] for c in helix
                          if "vscode-json-language-server" in c.get("language-server", {})]
        self.assertEqual({e["url"].split("/")[-1]: e["fileMatch"] for e in json_server["config"]["json"]["schemas"]},
                         extension)
        for url in re.findall(r"file://(/[^\"' ]+)", EDITORS_MD.read_text(encoding="utf-8")):
            self.assertTrue(url.startswith("/usr/local/share/appflow-lint/schemas/"), url)
            self.assertTrue((SCHEMAS / Path(url).name).is_file(), url)

    def test_the_gcc_pattern_reads_gcc_lines(self):
        (tasks,) = [json.loads(b) for b in code_blocks("json") if '"problemMatcher"' in b]
        pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
        line = ("examples/profiles/name-with-space.json:2:27: error: connectorProfileName must match "
                "[\\w/!@#+=.-]+ (letters, digits and _/!@#+=.- only); found a space at character 11 [schema.pattern]")
        match = re.fullmatch(pattern["regexp"], line)
        self.assertIsNotNone(match)
        self.assertEqual(match.group(pattern["file"]), "examples/profiles/name-with-space.json")
        self.assertEqual(match.group(pattern["column"]), "27")
        self.assertEqual(match.group(pattern["severity"]), "error")
        self.assertEqual(match.group(pattern["code"]), "schema.pattern")
        self.assertTrue(fnmatch.fnmatch(match.group(pattern["message"]), "connectorProfileName must match *"))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
