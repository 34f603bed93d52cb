#!/usr/bin/env python3
"""The man page that help2man generates from --help and --version.

Usage: test_man_page.py PATH/TO/appflow-lint PATH/TO/appflow-lint.1

It documents every option --help lists, the version, the exit statuses and the
configuration file, and groff renders it without a warning. Exits 77 (meson's skip)
with the reason when the build has no man page (help2man was not installed).
"""

import re
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dist_support import long_options  # noqa: E402

BINARY = None
PAGE = None


def roff_escaped(option):
    return option.replace("-", "\\-")


class ManPageTest(unittest.TestCase):
    def setUp(self):
        self.page = Path(PAGE).read_text(encoding="utf-8")

    def test_every_option_of_help_is_documented(self):
        for option in long_options(BINARY):
            self.assertIn(roff_escaped(option), self.page, f"the man page lacks {option}")

    def test_the_name_version_and_sections(self):
        version = subprocess.run([BINARY, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
        title = next(line for line in self.page.splitlines() if line.startswith(".TH "))
        self.assertRegex(title, r'^\.TH APPFLOW-LINT "?1"? ', "section 1")
        self.assertIn(f"appflow-lint {version}", title)
        for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "SEE ALSO"):
            self.assertRegex(self.page, rf"(?m)^\.SH \"?{section}\"?$", section)
        self.assertIn("appflow-lint \\- lint AWS AppFlow connector-profile requests", self.page)
        self.assertIn(".appflow-lint.json", self.page)

    def test_groff_renders_it_without_warnings(self):
        if shutil.which("groff") is None:
            self.skipTest("groff is not installed")
        run = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", PAGE], capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stderr), (0, ""))
        text = subprocess.run(["groff", "-man", "-Tutf8", "-P-c", PAGE], capture_output=True, text=True).stdout
        self.assertRegex(re.sub(r".\x08", "", text), r"--format")


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    PAGE = sys.argv.pop(1)
    if not Path(PAGE).is_file():
        print(f"SKIPPED: no man page was built ({PAGE}): install help2man and reconfigure "
              "(meson option man=auto builds it when help2man is found)")
        raise SystemExit(77)
    unittest.main(verbosity=2)
