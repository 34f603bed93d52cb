#!/usr/bin/env python3
"""Rule selection: --select / --ignore and the configuration's "select" /
"ignoreRules" (docs/cli.md, "Outputs and rule selection").

Usage: test_selection.py PATH/TO/appflow-lint [unittest options]

- a pattern is a rule id, an id prefix that ends at a dot (`schema`, `url`) or a
  glob (`url.*`); patterns are comma-separated and repeatable;
- --select keeps only what it names, --ignore removes, --rule ID=SEVERITY still
  wins; each run's diagnostics are the full run's, filtered as the patterns say;
- in the configuration, the file's select/ignoreRules < its rules < --select /
  --ignore < --rule; "ignore" still names paths;
- a pattern that matches no rule is a usage error (exit 2, one line) with a
  did-you-mean when a rule id or prefix is close.

Standard library only; the helpers come from test_cli.py.
"""

import fnmatch
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_cli  # noqa: E402
from test_cli import CliTestCase, clean_request, pretty  # noqa: E402


def faulty_request():
    """Faults of several rule families: schema.pattern, schema.enum and url.*."""
    request = clean_request("acme sf")
    request["connectionMode"] = "public"
    request["connectorProfileConfig"]["connectorProfileProperties"]["Salesforce"]["instanceUrl"] = \
        "http://example.com"
    return request


def named(pattern, rule):
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(rule, pattern)
    return rule == pattern or rule.startswith(pattern + ".")


class SelectionCase(CliTestCase):
    def setUp(self):
        super().setUp()
        self.write("p.json", pretty(faulty_request()))
        _, report = self.lint_json("p.json", expect_status=1)
        self.all = [(d["rule"], d["severity"], d["pointer"]) for d in self.diagnostics(report)]
        families = {rule.split(".")[0] for rule, _, _ in self.all}
        self.assertTrue({"schema", "url"} <= families, self.all)
        self.assertGreaterEqual(len({rule for rule, _, _ in self.all if rule.startswith("url.")}), 2, self.all)

    def lint(self, *args, path="p.json"):
        run = self.run_cli("--format", "json", *args, path)
        self.assertIn(run.status, (0, 1), run.describe())
        report = json.loads(run.stdout)
        return [(d["rule"], d["severity"], d["pointer"]) for d in self.diagnostics(report)]

    def expect(self, select=None, ignore=()):
        return [d for d in self.all
                if (select is None or any(named(p, d[0]) for p in select)) and not any(named(p, d[0]) for p in ignore)]

    def assert_usage_error(self, run, *words):
        self.assertEqual(run.status, 2, run.describe())
        lines = run.stderr.splitlines()
        self.assertEqual(len(lines), 1, run.describe())
        self.assertTrue(lines[0].startswith("appflow-lint: "), run.describe())
        for word in words:
            self.assertIn(word, lines[0])
        self.assertEqual(run.stdout, "")


class CommandLine(SelectionCase):
    def test_select_by_prefix_id_and_glob(self):
        for select in (["schema"], ["url"], ["schema.enum"], ["url.*"], ["schema.enum", "url"], ["*.insecure-*"]):
            with self.subTest(select=select):
                got = self.lint("--select", ",".join(select))
                self.assertEqual(got, self.expect(select=select))
                self.assertTrue(got)

    def test_ignore_removes(self):
        for ignore in (["schema"], ["url.*"], ["schema.pattern", "url.insecure-scheme"]):
            with self.subTest(ignore=ignore):
                got = self.lint("--ignore", ",".join(ignore))
                self.assertEqual(got, self.expect(ignore=ignore))
                self.assertLess(len(got), len(self.all))

    def test_select_then_ignore_and_repeated_options(self):
        got = self.lint("--select", "schema", "--select", "url", "--ignore", "schema.enum", "--ignore", "url.*")
        self.assertEqual(got, self.expect(select=["schema", "url"], ignore=["schema.enum", "url.*"]))
        self.assertEqual(got, self.lint("--select", "schema,url,", "--ignore", ",schema.enum,url.*"))

    def test_a_prefix_ends_at_a_dot(self):
        self.assert_usage_error(self.run_cli("--select", "sch", "p.json"), "'sch' matches no rule")
        self.assert_usage_error(self.run_cli("--select", "schem", "p.json"), "did you mean 'schema'")
        self.assert_usage_error(self.run_cli("--select", "schema.patter", "p.json"), "did you mean 'schema.pattern'")

    def test_rule_still_wins(self):
        got = self.lint("--select", "schema", "--rule", "url.insecure-scheme=warning")
        self.assertEqual(sorted(got), sorted(self.expect(select=["schema"]) +
                                             [(r, "warning", p) for r, _, p in self.all if r == "url.insecure-scheme"]))
        got = self.lint("--ignore", "schema", "--rule", "schema.pattern=info")
        self.assertIn("schema.pattern", {rule for rule, _, _ in got})
        self.assertEqual({s for r, s, _ in got if r == "schema.pattern"}, {"info"})

    def test_nothing_selected_is_clean(self):
        run = self.run_cli("--select", "jwt", "p.json")
        self.assertEqual(run.status, 0, run.describe())
        self.assertIn("no problems", run.stdout)

    def test_unknown_patterns_get_a_did_you_mean(self):
        cases = {("--select", "jwtt"): "did you mean 'jwt'",
                 ("--ignore", "schema.patern"): "did you mean 'schema.pattern'",
                 ("--select", "salesforse.*"): "matches no rule",
                 ("--ignore", "schema,nosuchthing"): "'nosuchthing' matches no rule",
                 ("--select", "zzzzzzzz"): "see --list-rules"}
        for args, words in cases.items():
            with self.subTest(args=args):
                self.assert_usage_error(self.run_cli(*args, "p.json"), args[0], words)
        self.assert_usage_error(self.run_cli("--select", ",", "p.json"), "--select")


class Configuration(SelectionCase):
    def configure(self, config):
        self.write(".appflow-lint.json", json.dumps(config))

    def test_config_select_and_ignore_rules(self):
        self.configure({"select": ["schema", "url.*"], "ignoreRules": ["schema.enum"]})
        self.assertEqual(self.lint(), self.expect(select=["schema", "url.*"], ignore=["schema.enum"]))

    def test_config_rules_beat_its_selection_and_the_command_line_beats_both(self):
        self.configure({"ignoreRules": ["schema"], "rules": {"schema.enum": "warning"}})
        got = self.lint()
        self.assertEqual({(r, s) for r, s, _ in got if r.startswith("schema")}, {("schema.enum", "warning")})
        got = self.lint("--ignore", "schema.enum")
        self.assertEqual([r for r, _, _ in got if r.startswith("schema")], [])
        got = self.lint("--ignore", "schema.enum", "--rule", "schema.enum=error")
        self.assertEqual({(r, s) for r, s, _ in got if r.startswith("schema")}, {("schema.enum", "error")})

    def test_a_command_line_select_replaces_the_files(self):
        self.configure({"select": ["schema"], "ignoreRules": ["url.insecure-scheme"]})
        self.assertEqual(self.lint("--select", "url"), self.expect(select=["url"]))

    def test_ignore_still_names_paths(self):
        self.configure({"ignore": ["skipped/*"], "ignoreRules": ["url"]})
        self.write("skipped/q.json", pretty(faulty_request()))
        run = self.run_cli("--format", "json", ".")
        report = json.loads(run.stdout)
        self.assertEqual([Path(f["path"]) for f in report["files"]], [Path("p.json")], run.describe())
        self.assertEqual(self.lint(), self.expect(ignore=["url"]))

    def test_a_bad_selection_in_the_file_is_a_usage_error(self):
        self.configure({"select": ["jwtt"]})
        self.assert_usage_error(self.run_cli("p.json"), ".appflow-lint.json", '"select"', "did you mean 'jwt'")
        self.configure({"ignoreRules": "schema"})
        self.assert_usage_error(self.run_cli("p.json"), '"ignoreRules" must be an array')
        self.configure({"ignoreRule": ["schema"]})
        self.assert_usage_error(self.run_cli("p.json"), "ignoreRules")


if __name__ == "__main__":
    test_cli.main()  # sets test_cli.BINARY and runs this module's tests
