#!/usr/bin/env python3
"""The GitHub composite action (action.yml) and its steps (cli/dist/github-action.sh).

Usage: test_github_action.py PATH/TO/appflow-lint SOURCE_ROOT [unittest options]

GitHub itself cannot run here, so: action.yml is parsed and each step must call the
script as GitHub would (bash, from $GITHUB_ACTION_PATH); the `lint` step is run for
real with the built binary, as the action's `appflow-lint` input does, and must print
annotations, write a SARIF log, record its outputs and pass on the exit status.
The install and build steps are checked for syntax only (they need root and minutes).
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dist_support import CLEAN_REQUEST, FAULTY_REQUEST  # noqa: E402

BINARY = None
SOURCE = None


def action():
    import yaml  # PyYAML: Debian's python3-yaml; the test is skipped without it
    return yaml.safe_load(Path(SOURCE, "action.yml").read_text())


class GitHubActionTest(unittest.TestCase):
    def test_the_action_runs_the_script_steps(self):
        try:
            spec = action()
        except ImportError:
            self.skipTest("PyYAML is not installed (python3-yaml)")
        self.assertEqual(spec["runs"]["using"], "composite")
        steps = spec["runs"]["steps"]
        script = '"$GITHUB_ACTION_PATH/cli/dist/github-action.sh"'
        self.assertEqual([s["run"] for s in steps], [f"{script} install", f"{script} build", f"{script} lint"])
        self.assertTrue(all(s["shell"] == "bash" for s in steps))
        self.assertEqual(set(spec["inputs"]), {"paths", "args", "sarif-file", "appflow-lint"})
        lint = next(s for s in steps if s.get("id") == "lint")
        for name in spec["inputs"]:
            self.assertIn("${{ inputs.%s }}" % name, lint["env"].values())

    def test_the_script_is_valid_bash(self):
        run = subprocess.run(["bash", "-n", str(Path(SOURCE, "cli", "dist", "github-action.sh"))],
                             capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stderr), (0, ""))

    def lint_step(self, folder, **env):
        output = Path(folder, "github-output")
        output.write_text("")
        environment = dict(os.environ, GITHUB_ACTION_PATH=SOURCE, GITHUB_OUTPUT=str(output),
                           APPFLOW_LINT=str(Path(BINARY).resolve()), **env)
        run = subprocess.run(["bash", str(Path(SOURCE, "cli", "dist", "github-action.sh")), "lint"],
                             cwd=folder, env=environment, capture_output=True, text=True, timeout=120)
        return run, dict(line.split("=", 1) for line in output.read_text().splitlines())

    def test_the_lint_step_annotates_writes_sarif_and_passes_the_status_on(self):
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "profiles").mkdir()
            Path(folder, "profiles", "bad.json").write_text(FAULTY_REQUEST)
            run, outputs = self.lint_step(folder, APPFLOW_LINT_PATHS="profiles",
                                          APPFLOW_LINT_ARGS="--operation UpdateConnectorProfile",
                                          APPFLOW_LINT_SARIF="out/results.sarif")
            self.assertEqual(run.returncode, 1, run.stderr)
            self.assertRegex(run.stdout, r"(?m)^::error file=profiles/bad\.json,line=3,")
            self.assertEqual(outputs, {"sarif-file": "out/results.sarif", "exit-status": "1"})
            log = json.loads(Path(folder, "out", "results.sarif").read_text())
            self.assertEqual(log["version"], "2.1.0")
            self.assertEqual([r["ruleId"] for r in log["runs"][0]["results"]], ["schema.enum"])

    def test_a_clean_tree_exits_0(self):
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "ok.json").write_text(CLEAN_REQUEST)
            run, outputs = self.lint_step(folder, APPFLOW_LINT_PATHS="ok.json")
            self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
            self.assertEqual(outputs["exit-status"], "0")
            self.assertEqual(json.loads(Path(folder, "appflow-lint.sarif").read_text())["runs"][0]["results"], [])


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    SOURCE = sys.argv.pop(1)
    unittest.main(verbosity=2)
