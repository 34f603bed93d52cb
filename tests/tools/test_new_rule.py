#!/usr/bin/env python3
"""tools/new_rule on a copy of the source tree (lib/, meson.build and the case and doc
folders), never on the tree itself: what it writes, where, and what it refuses.

    test_new_rule.py SOURCE_ROOT [CXX...]

With a compiler command, the rule file it writes is compiled (syntax only) against
the copy's headers; where clang-format-14 is on PATH, what it writes must be as
.clang-format writes it. Python 3 standard library only.
"""

import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE_ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
CXX = sys.argv[2:]
NEW_RULE = SOURCE_ROOT / "tools" / "new_rule"

RULE_ID = "demo.thing-missing"
RULE_FILE = Path("lib/appflow_lint/rules/demo/thing_missing.cpp")
REGISTRY = Path("lib/appflow_lint/rules/registry.cpp")
SOURCES = Path("lib/appflow_lint/rules/meson.build")
CASES = Path("tests/rules") / RULE_ID
DECLARATION = "std::unique_ptr<RuleModule> make_demo_thing_missing();"


def project_version():
    return re.search(r"version\s*:\s*'([0-9.]+)'", (SOURCE_ROOT / "meson.build").read_text()).group(1)


class NewRule(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory(prefix="new_rule_test.")
        self.root = Path(self.scratch.name)
        shutil.copytree(SOURCE_ROOT / "lib", self.root / "lib")
        shutil.copytree(SOURCE_ROOT / "tests" / "rules", self.root / "tests" / "rules",
                        ignore=shutil.ignore_patterns("*.cpp"))
        shutil.copytree(SOURCE_ROOT / "docs" / "rules", self.root / "docs" / "rules")
        for name in ("meson.build", ".clang-format"):
            shutil.copy(SOURCE_ROOT / name, self.root / name)

    def tearDown(self):
        self.scratch.cleanup()

    def run_tool(self, *args):
        return subprocess.run([sys.executable, str(NEW_RULE), "--root", str(self.root), *args],
                              capture_output=True, text=True, timeout=60)

    def read(self, path):
        return (self.root / path).read_text(encoding="utf-8")

    def snapshot(self):
        return {path.relative_to(self.root): path.read_bytes() for path in self.root.rglob("*") if path.is_file()}

    def test_writes_the_rule_its_registry_and_source_lines_and_its_cases(self):
        before = self.snapshot()
        run = self.run_tool(RULE_ID, "--severity", "error", "--category", "security")
        self.assertEqual(run.returncode, 0, run.stderr)

        rule = self.read(RULE_FILE)
        self.assertIn(f'.id = "{RULE_ID}"', rule)
        major, minor, _ = project_version().split(".")
        expected_fields = {
            "severity": "Severity::Error",
            "category": "RuleCategory::Security",
            "fix": "FixAvailability::None",
            "since": f'"{major}.{int(minor) + 1}.0"',
        }
        for field, value in expected_fields.items():
            self.assertIn(f".{field} = {value},", rule)
        fields = re.findall(r"^    \.(\w+) = ", rule, flags=re.M)
        self.assertEqual(fields, ["id", "severity", "category", "fix", "since", "summary", "docs", "applies_to",
                                  "source", "failing_example", "passing_example"], "every RuleInfo field, in order")
        self.assertIn("void check(", rule)
        self.assertNotIn("node_paths() const override", rule, "the stub subscribes to nothing")
        self.assertIn("std::unique_ptr<RuleModule> make_demo_thing_missing()", rule)

        registry = self.read(REGISTRY).splitlines()
        self.assertEqual(registry.count(DECLARATION), 1)
        declarations = [line for line in registry if re.fullmatch(r"std::unique_ptr<RuleModule> make_\w+\(\);", line)]
        self.assertEqual(declarations, sorted(declarations), "declarations stay sorted")
        modules = registry[registry.index("constexpr ModuleFactory kModules[] = {") + 1:]
        modules = modules[:modules.index("};")]
        self.assertEqual(modules[-1], "    make_demo_thing_missing,", "a new module comes last: the order of the others holds")
        self.assertEqual(modules.count("    make_demo_thing_missing,"), 1)

        sources = [line for line in self.read(SOURCES).splitlines() if line.startswith("  '")]
        self.assertIn("  'demo/thing_missing.cpp',", sources)
        self.assertEqual(sources, sorted(sources), "the source list stays sorted")

        fires = self.read(CASES / "fires.case")
        annotations = [line for line in fires.splitlines() if line.startswith("//~")]
        self.assertEqual(len(annotations), 1, fires)
        self.assertRegex(annotations[0], rf"^//~ +\^+ error {re.escape(RULE_ID)} /connectorProfileName$")
        clean = self.read(CASES / "clean.case")
        self.assertNotIn("//~", clean)
        self.assertEqual(clean, "\n".join(line for line in fires.splitlines() if not line.startswith("//~")) + "\n")

        changed = {path for path, text in self.snapshot().items() if before.get(path) != text}
        self.assertEqual(changed, {RULE_FILE, REGISTRY, SOURCES, CASES / "fires.case", CASES / "clean.case"})

        if shutil.which("clang-format-14"):
            formatted = subprocess.run(["clang-format-14", "--dry-run", "-Werror", str(RULE_FILE), str(REGISTRY)],
                                       cwd=self.root, capture_output=True, text=True, timeout=60)
            self.assertEqual(formatted.returncode, 0, formatted.stderr)
        else:  # said out loud: the rest of the test still runs
            print("test_new_rule: clang-format-14 is not on PATH; the generated code's formatting is not checked",
                  file=sys.stderr)
        if CXX:
            compiled = subprocess.run([*CXX, "-std=c++20", "-fsyntax-only", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                                       "-I", str(self.root / "lib" / "include"), "-I", str(self.root / "lib"),
                                       str(self.root / RULE_FILE)], capture_output=True, text=True, timeout=120)
            self.assertEqual(compiled.returncode, 0, compiled.stderr)
        else:
            print("test_new_rule: no C++ compiler given; the generated rule file is not compiled", file=sys.stderr)

    def test_a_second_run_with_the_same_id_refuses_and_writes_nothing(self):
        self.assertEqual(self.run_tool(RULE_ID).returncode, 0)
        before = self.snapshot()
        run = self.run_tool(RULE_ID)
        self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
        self.assertIn("in use already", run.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_an_id_a_rule_has_is_refused(self):
        before = self.snapshot()
        for taken in ("arn.iam-role", "schema.pattern", "json.syntax", "idempotency.token-reused"):
            run = self.run_tool(taken)
            self.assertEqual(run.returncode, 1, taken + ": " + run.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_an_id_that_is_not_area_dot_kebab_case_is_refused(self):
        before = self.snapshot()
        for wrong in ("noarea", "Demo.thing", "demo.Thing", "demo.thing_missing", "demo.-thing", "demo.thing-",
                      "demo.a.b", "1demo.thing", "demo.2thing", "demo." + "x" * 60, "../x.y"):
            run = self.run_tool(wrong)
            self.assertEqual(run.returncode, 2, wrong + ": " + run.stderr)
            self.assertIn("is not a rule id", run.stderr)
        self.assertEqual(self.snapshot(), before)

    def test_a_tree_that_is_not_the_project_is_refused(self):
        empty = tempfile.TemporaryDirectory(prefix="new_rule_test.")
        self.addCleanup(empty.cleanup)
        run = subprocess.run([sys.executable, str(NEW_RULE), "--root", empty.name, RULE_ID],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 2, run.stderr)
        self.assertEqual(list(Path(empty.name).iterdir()), [])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
