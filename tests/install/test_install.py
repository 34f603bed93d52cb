#!/usr/bin/env python3
"""Install check: `meson install --destdir` into a temporary folder, then build
examples/preflight.cpp and tests/install/api_consumer.cpp with
`c++ -std=c++17` and `-std=c++20` `$(pkg-config --cflags --libs appflow-lint)` against
that tree only and run them, and run the installed appflow-lint without
LD_LIBRARY_PATH, in place and after the whole prefix is moved elsewhere.

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


# The standards the public headers are promised to compile as (docs/library.md).
STANDARDS = ("c++17", "c++20")


def run(command, env=None, timeout=600, cwd=None, unset=()):
    full_env = dict(os.environ)
    full_env.update(env or {})
    for name in unset:
        full_env.pop(name, None)
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

    def compile(self, sources, output, standard, extra=()):
        command = [*shlex.split(ARGS.cxx), f"-std={standard}", "-Wall", "-Wextra", "-Wpedantic", "-Werror", *extra,
                   *sources, "-o", output, *self.flags]
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
        cflags = shlex.split(self.pkg_config("--cflags", "appflow-lint"))
        for standard in STANDARDS:
            for header in headers:
                with self.subTest(header=header.name, standard=standard):
                    source = self.tmp / f"include_{header.stem}.cpp"
                    source.write_text(f"#include <appflow_lint/{header.name}>\nint main() {{ return 0; }}\n")
                    command = [*shlex.split(ARGS.cxx), f"-std={standard}", "-Wall", "-Wextra", "-Wpedantic",
                               "-Werror", "-fsyntax-only", *cflags, str(source)]
                    completed = run(command)
                    self.assertEqual(completed.returncode, 0, describe(completed))

    # --- the parts of the API that once needed C++20, from C++17 and C++20 -----------
    def test_api_consumer(self):
        for standard in STANDARDS:
            with self.subTest(standard=standard):
                program = self.tmp / f"api_consumer_{standard}"
                self.compile([ARGS.consumer], program, standard)
                checked = run([program], env=self.run_env, timeout=60)
                self.assertEqual(checked.returncode, 0, describe(checked))
                self.assertIn(f"C++ {'201703' if standard == 'c++17' else '202002'}", checked.stdout)
                self.assertNotIn("FAILED", checked.stdout)
                self.assertIn("all checks passed", checked.stdout)

    # --- examples/preflight.cpp against the installed tree ---------------------------
    def test_preflight_example(self):
        for standard in STANDARDS:
            with self.subTest(standard=standard):
                self.check_preflight(standard)

    def check_preflight(self, standard):
        program = self.tmp / f"preflight_{standard}"
        self.compile([ARGS.example], program, standard)
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

    # --- the installed command, without LD_LIBRARY_PATH --------------------------------
    def check_cli(self, prefix):
        """Runs PREFIX/bin/appflow-lint as a user would: no LD_LIBRARY_PATH, from another folder."""
        binary = prefix / "bin" / "appflow-lint"
        self.assertTrue(binary.is_file(), binary)
        ldd = shutil.which("ldd")
        if ldd:
            linked = run([ldd, binary], unset=["LD_LIBRARY_PATH"])
            line = next((l for l in linked.stdout.splitlines() if "libappflow-lint" in l), "")
            self.assertIn(f"=> {prefix}/", line, "libappflow-lint is loaded from the prefix itself\n" + describe(linked))
        version = run([binary, "--version"], timeout=60, unset=["LD_LIBRARY_PATH"])
        self.assertEqual(version.returncode, 0, describe(version))
        self.assertIn(ARGS.version, version.stdout)
        with tempfile.TemporaryDirectory() as cwd:
            clean = run([binary, "--format", "json", Path(ARGS.profiles) / "salesforce.json"],
                        timeout=60, cwd=cwd, unset=["LD_LIBRARY_PATH"])
            self.assertEqual(clean.returncode, 0, describe(clean))
            faulty = run([binary, Path(ARGS.profiles) / "name-with-space.json"], timeout=60, cwd=cwd,
                         unset=["LD_LIBRARY_PATH"])
            self.assertEqual(faulty.returncode, 1, describe(faulty))
            self.assertIn("[schema.pattern]", faulty.stdout)

    def test_installed_cli(self):
        readelf = shutil.which("readelf")
        if readelf:
            dynamic = run([readelf, "-d", self.staged_prefix / "bin" / "appflow-lint"])
            runpath = re.search(r"\((?:RUNPATH|RPATH)\).*\[(.*)\]", dynamic.stdout)
            self.assertIsNotNone(runpath, describe(dynamic))
            self.assertTrue(runpath.group(1).startswith("$ORIGIN/"), runpath.group(1))
        self.check_cli(self.staged_prefix)

    def test_completions_are_installed_where_the_shells_look(self):
        share = self.staged_prefix / "share"
        for path, first_line in ((share / "bash-completion" / "completions" / "appflow-lint", "# bash completion"),
                                 (share / "zsh" / "vendor-completions" / "_appflow-lint", "#compdef appflow-lint"),
                                 (share / "fish" / "vendor_completions.d" / "appflow-lint.fish", "# fish completion")):
            self.assertTrue(path.is_file(), path)
            self.assertTrue(path.read_text().startswith(first_line), path)

    def test_installed_cli_after_moving_the_prefix(self):
        moved = self.tmp / "elsewhere" / "opt" / "appflow lint"  # a space, too
        moved.parent.mkdir(parents=True)
        shutil.move(self.staged_prefix, moved)
        try:
            self.assertFalse(self.staged_prefix.exists())
            self.check_cli(moved)
        finally:
            shutil.move(moved, self.staged_prefix)


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meson", required=True)
    parser.add_argument("--pkg-config", required=True)
    parser.add_argument("--cxx", default="c++", help="compiler command (may hold several words)")
    parser.add_argument("--build-root", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--consumer", required=True, help="tests/install/api_consumer.cpp")
    parser.add_argument("--profiles", required=True)
    parser.add_argument("--version", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
