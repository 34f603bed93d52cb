#!/usr/bin/env python3
"""The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself.

Usage: test_pre_commit.py PATH/TO/appflow-lint SOURCE_ROOT [unittest options]

`pre-commit try-repo SOURCE_ROOT appflow-lint` runs in a throwaway git repository
with the built binary first on PATH (the hook is `language: system`, so nothing is
downloaded): a faulty request fails the hook with its diagnostic, a clean one and an
unrelated package.json pass. Exits 77 (meson's skip) with the reason when pre-commit
or git is missing, or when SOURCE_ROOT is not a git checkout (try-repo needs one).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dist_support import CLEAN_REQUEST, FAULTY_REQUEST  # noqa: E402

BINARY = None
SOURCE = None


class PreCommitHookTest(unittest.TestCase):
    def setUp(self):
        self.temp = tempfile.TemporaryDirectory()
        root = Path(self.temp.name)
        self.repo = root / "repo"
        self.repo.mkdir()
        bin_dir = root / "bin"
        bin_dir.mkdir()
        (bin_dir / "appflow-lint").symlink_to(Path(BINARY).resolve())
        self.env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                        PRE_COMMIT_HOME=str(root / "pre-commit-home"),
                        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
                        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid",
                        GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        self.git("init", "-q")

    def tearDown(self):
        self.temp.cleanup()

    def git(self, *args):
        subprocess.run(["git", *args], cwd=self.repo, env=self.env, check=True, capture_output=True)

    def try_repo(self, files):
        for name, text in files.items():
            (self.repo / name).write_text(text)
        self.git("add", *files)
        return subprocess.run(["pre-commit", "try-repo", SOURCE, "appflow-lint", "--verbose"],
                              cwd=self.repo, env=self.env, capture_output=True, text=True, timeout=300)

    def test_a_faulty_request_fails_the_hook_with_its_diagnostic(self):
        run = self.try_repo({"profile.json": FAULTY_REQUEST, "package.json": '{"name": "x", "version": "1.0.0"}\n'})
        self.assertEqual(run.returncode, 1, run.stdout + run.stderr)
        self.assertRegex(run.stdout, r"appflow-lint\.*Failed")
        self.assertIn("profile.json:3:", run.stdout)
        self.assertIn("schema.enum", run.stdout)
        self.assertNotIn("package.json:", run.stdout, "--force-exclude: package.json is not a request")

    def test_clean_requests_and_other_json_pass(self):
        run = self.try_repo({"profile.json": CLEAN_REQUEST, "package.json": '{"name": "x", "version": "1.0.0"}\n',
                             "notes.txt": "not JSON\n"})
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertRegex(run.stdout, r"appflow-lint\.*Passed")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    SOURCE = sys.argv.pop(1)
    for tool in ("pre-commit", "git"):
        if shutil.which(tool) is None:
            print(f"SKIPPED: {tool} is not installed (apt-get install pre-commit git)")
            raise SystemExit(77)
    inside = subprocess.run(["git", "-C", SOURCE, "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True)
    if inside.stdout.strip() != "true":
        print(f"SKIPPED: {SOURCE} is not a git checkout; pre-commit try-repo needs one")
        raise SystemExit(77)
    unittest.main(verbosity=2)
