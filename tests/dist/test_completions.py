#!/usr/bin/env python3
"""The bash, zsh and fish completion scripts (`appflow-lint --completions SHELL`).

Usage: test_completions.py PATH/TO/appflow-lint [unittest options]

Each script names every option --help lists; bash's is loaded into a real bash and
asked to complete option names, choices, numbers and file names the way readline
would; zsh and fish check their script's syntax when they are installed (bash
always is). A shell that is not installed is reported as a skipped test case.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dist_support import long_options  # noqa: E402

BINARY = None


def script(shell):
    run = subprocess.run([BINARY, "--completions", shell], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


class CompletionsTest(unittest.TestCase):
    def bash_complete(self, words, cwd=None):
        """What bash offers for the last of `words` (the word being completed)."""
        with tempfile.NamedTemporaryFile("w", suffix=".bash", delete=False) as file:
            file.write(script("bash"))
        try:
            line = " ".join(f"'{w}'" for w in words)
            program = (f"source {file.name}\n"
                       f"COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}\n"
                       "_appflow_lint\n"
                       "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
            run = subprocess.run(["bash", "-c", program], capture_output=True, text=True, cwd=cwd)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(run.stderr, "")
            return [w for w in run.stdout.split("\n") if w]
        finally:
            os.unlink(file.name)

    def test_every_script_names_every_option_of_help(self):
        options = long_options(BINARY)
        self.assertIn("--format", options)
        self.assertIn("--completions", options)
        for shell in ("bash", "zsh", "fish"):
            text = script(shell)
            for option in options:
                spelled = f"-l {option[2:]}" if shell == "fish" else option
                self.assertIn(spelled, text, f"{shell}'s script lacks {option}")

    def test_an_unknown_shell_is_a_usage_error(self):
        run = subprocess.run([BINARY, "--completions", "tcsh"], capture_output=True, text=True)
        self.assertEqual(run.returncode, 2, run.stderr)
        self.assertEqual(run.stdout, "")

    def test_bash_completes_option_names(self):
        self.assertEqual(self.bash_complete(["appflow-lint", "--form"]), ["--format"])
        self.assertIn("--no-ignore", self.bash_complete(["appflow-lint", "--no-"]))

    def test_bash_completes_the_choices_of_an_option(self):
        self.assertEqual(sorted(self.bash_complete(["appflow-lint", "--format", ""])),
                         ["gcc", "github", "json", "sarif", "text"])
        self.assertEqual(self.bash_complete(["appflow-lint", "--operation", "Cr"]), ["CreateConnectorProfile"])
        self.assertEqual(self.bash_complete(["appflow-lint", "--color", "n"]), ["never"])

    def test_bash_offers_nothing_for_a_number_and_files_elsewhere(self):
        self.assertEqual(self.bash_complete(["appflow-lint", "--jobs", ""]), [])
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "profile.json").write_text("{}")
            Path(folder, "profiles").mkdir()
            self.assertEqual(sorted(self.bash_complete(["appflow-lint", "pro"], cwd=folder)), ["profile.json", "profiles"])
            self.assertEqual(self.bash_complete(["appflow-lint", "--config", "profile."], cwd=folder), ["profile.json"])
            self.assertEqual(self.bash_complete(["appflow-lint", "-q", "ser"], cwd=folder), [],
                             "server is a first word only")
            self.assertEqual(self.bash_complete(["appflow-lint", "ser"], cwd=folder), ["server"])

    def test_zsh_script_parses(self):
        if shutil.which("zsh") is None:
            self.skipTest("zsh is not installed")
        run = subprocess.run(["zsh", "-n"], input=script("zsh"), capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stderr), (0, ""))

    def test_fish_script_parses(self):
        if shutil.which("fish") is None:
            self.skipTest("fish is not installed")
        run = subprocess.run(["fish", "--no-execute"], input=script("fish"), capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stderr), (0, ""))

    def test_flags_take_no_value_and_options_do(self):
        zsh = script("zsh")
        self.assertIn("'(--fix)--fix[", zsh)
        self.assertIn("'(-h --help)--help[", zsh)
        self.assertIn("'(--format)--format=[", zsh)
        self.assertIn("'*--rule=[", zsh, "repeatable")
        fish = {line.split(" -l ")[1].split()[0]: line for line in script("fish").splitlines() if " -l " in line}
        self.assertNotRegex(fish["fix"], r" -[rxF] ")
        self.assertIn(" -x -a ", fish["format"])
        self.assertIn(" -r -F ", fish["config"])

    def test_zsh_descriptions_are_quoted(self):
        # Every spec line is one single-quoted word: an odd number of unescaped quotes
        # would swallow the next option.
        for line in script("zsh").splitlines():
            if line.startswith("  '"):
                self.assertTrue(line.endswith("' \\") or line.endswith("'"), line)
                self.assertEqual(line.replace("'\\''", "").count("'") % 2, 0, line)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
