#!/usr/bin/env python3
"""Install check: `meson install --destdir` into a temporary folder, then build
examples/preflight.cpp with `c++ -std=c++20 $(pkg-config --cflags --libs appflow-lint)`
against that tree only, run it, and run the installed appflow-lint.

Standard library only. Exit status 0 when every check passes.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ARGS = None


def run(command, env=None, timeout=600, cwd=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    completed = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                               env=full_env, timeout=timeout, cwd=cwd)
    return completed


def describe(completed):
    return (f"$ {shlex.join(str(part) for part in completed.args)}\nexit status {completed.returncode}\n"
            f"--- stdout\n{completed.stdout[-4000:]}\n--- stderr\n{completed.stderr[-4000:]}")


class InstalledTree(unittest.TestCase):
    """One staged install shared by every test (installing and compiling are slow)."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="appflow-lint-install-")
        cls.tmp = Path(cls._tmp.name)
        cls.destdir = cls.tmp / "stage"
        cls.install = run([ARGS.meson, "install", "-C", ARGS.build_root, "--destdir", cls.destdir, "--no-rebuild"])
        if cls.install.returncode != 0:
            raise AssertionError("meson install failed\n" + describe(cls.install))
        found = sorted(cls.destdir.rglob("pkgconfig/appflow-lint.pc"))
        if len(found) != 1:
            raise AssertionError(f"expected one installed appflow-lint.pc, found {found}")
        cls.pc_file = found[0]
        prefix = re.search(r"^prefix=(.*)$", cls.pc_file.read_text(), re.MULTILINE)
        if prefix is None or not prefix.group(1).startswith("/"):
            raise AssertionError(f"no absolute prefix= in {cls.pc_file}")
        cls.prefix = Path(prefix.group(1))
        cls.staged_prefix = Path(str(cls.destdir) + str(cls.prefix))
        search_path = [str(cls.pc_file.parent)]
        if os.environ.get("PKG_CONFIG_PATH"):
            search_path.append(os.environ["PKG_CONFIG_PATH"])
        cls.pkg_env = {"PKG_CONFIG_PATH": os.pathsep.join(search_path)}
        cls.relocate = f"--define-variable=prefix={cls.staged_prefix}"
        flags = cls.pkg_config("--cflags", "--libs", "appflow-lint")
        cls.flags = shlex.split(flags)
        cls.libdir = Path(cls.pkg_config("--variable=libdir", "appflow-lint"))
        cls.includedir = Path(cls.pkg_config("--variable=includedir", "appflow-lint"))
        cls.run_env = {"LD_LIBRARY_PATH": os.pathsep.join(
            filter(None, [str(cls.libdir), os.environ.get("LD_LIBRARY_PATH")]))}

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    @classmethod
    def pkg_config(cls, *args):
        completed = run([ARGS.pkg_config, cls.relocate, *args], env=cls.pkg_env)
        if completed.returncode != 0:
            raise AssertionError("pkg-config failed\n" + describe(completed))
        return completed.stdout.strip()

    def compile(self, sources, output, extra=()):
        command = [*shlex.split(ARGS.cxx), "-std=c++20", *extra, *sources, "-o", output, *self.flags]
        completed = run(command)
        self.assertEqual(completed.returncode, 0, describe(completed))
        return completed

    # --- the installed tree ---------------------------------------------------------
    def test_pkg_config_metadata(self):
        self.assertEqual(self.pkg_config("--modversion", "appflow-lint"), ARGS.version)
        self.assertTrue(str(self.includedir).startswith(str(self.destdir)), self.includedir)
        self.assertTrue(str(self.libdir).startswith(str(self.destdir)), self.libdir)
        self.assertIn(f"-I{self.includedir}", self.flags)
        self.assertIn(f"-L{self.libdir}", self.flags)
        self.assertIn("-lappflow-lint", self.flags)
        self.assertTrue(any(self.libdir.glob("libappflow-lint.so*")), sorted(self.libdir.iterdir()))

    def test_public_headers_stand_alone(self):
        headers = sorted((self.includedir / "appflow_lint").glob("*.hpp"))
        names = [header.name for header in headers]
        for wanted in ("appflow_lint.hpp", "lint.hpp", "diagnostic.hpp", "rule_info.hpp", "nlohmann.hpp",
                       "version.hpp"):
            self.assertIn(wanted, names)
        for header in headers:
            with self.subTest(header.name):
                source = self.tmp / f"include_{header.stem}.cpp"
                source.write_text(f"#include <appflow_lint/{header.name}>\nint main() {{ return 0; }}\n")
                command = [*shlex.split(ARGS.cxx), "-std=c++20", "-fsyntax-only",
                           *shlex.split(self.pkg_config("--cflags", "appflow-lint")), str(source)]
                completed = run(command)
                self.assertEqual(completed.returncode, 0, describe(completed))

    # --- examples/preflight.cpp against the installed tree ---------------------------
    def test_preflight_example(self):
        program = self.tmp / "preflight"
        self.compile([ARGS.example], program)
        ldd = shutil.which("ldd")
        if ldd:
            linked = run([ldd, program], env=self.run_env)
            line = next((l for l in linked.stdout.splitlines() if "libappflow-lint" in l), "")
            self.assertIn(str(self.libdir), line, describe(linked))

        fixed = run([program], env=self.run_env, timeout=60)
        self.assertEqual(fixed.returncode, 0, describe(fixed))
        lines = fixed.stdout.splitlines()
        self.assertEqual(lines[0], f"appflow-lint {ARGS.version}")
        self.assertIn("first attempt:", lines)
        refused = fixed.stdout.split("after fixing:")[0]
        self.assertRegex(refused, r"error schema\.pattern at /connectorProfileName: ")
        self.assertRegex(refused, r"error schema\.enum at /connectionMode: ")
        self.assertIn("refusing to send: 2 error(s)", refused)
        self.assertNotIn("sending UpdateConnectorProfile", refused)
        self.assertEqual(lines[-2:], ["after fixing:", "sending UpdateConnectorProfile for acme-salesforce-prod"])
        self.assertNotIn("5Aep861TSESvWeug", fixed.stdout, "the refresh token is never printed")

        refusal = run([program, "--no-fix"], env=self.run_env, timeout=60)
        self.assertEqual(refusal.returncode, 1, describe(refusal))
        self.assertIn("refusing to send: 2 error(s)", refusal.stdout)
        self.assertNotIn("sending UpdateConnectorProfile", refusal.stdout)

    # --- the installed command --------------------------------------------------------
    def test_installed_cli(self):
        binary = self.staged_prefix / "bin" / "appflow-lint"
        self.assertTrue(binary.is_file(), binary)
        version = run([binary, "--version"], env=self.run_env, timeout=60)
        self.assertEqual(version.returncode, 0, describe(version))
        self.assertIn(ARGS.version, version.stdout)
        with tempfile.TemporaryDirectory() as cwd:
            clean = run([binary, "--format", "json", Path(ARGS.profiles) / "salesforce.json"],
                        env=self.run_env, timeout=60, cwd=cwd)
            self.assertEqual(clean.returncode, 0, describe(clean))
            faulty = run([binary, Path(ARGS.profiles) / "name-with-space.json"], env=self.run_env, timeout=60,
                         cwd=cwd)
            self.assertEqual(faulty.returncode, 1, describe(faulty))
            self.assertIn("[schema.pattern]", faulty.stdout)


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meson", required=True)
    parser.add_argument("--pkg-config", required=True)
    parser.add_argument("--cxx", default="c++", help="compiler command (may hold several words)")
    parser.add_argument("--build-root", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--profiles", required=True)
    parser.add_argument("--version", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
