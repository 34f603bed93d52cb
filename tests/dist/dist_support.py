"""What the tests of tests/dist share: the options `appflow-lint --help` lists (what
the man page and the completion scripts must cover, read from the binary itself), and
a request the rules accept, with its faulty twin."""

import re
import subprocess


def help_text(binary):
    return subprocess.run([binary, "--help"], capture_output=True, text=True, check=True).stdout


def long_options(binary):
    """Every --long option in --help's Options section, in order."""
    options_section = help_text(binary).split("Options:", 1)[1]
    names = []
    for name in re.findall(r"^\s+(?:-\w,)?(--[a-z][a-z0-9-]*)", options_section, re.MULTILINE):
        if name not in names:
            names.append(name)
    return names


CLEAN_REQUEST = """{
  "connectorProfileName": "acme",
  "connectionMode": "Public",
  "connectorProfileConfig": {
    "connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme-corp.my.salesforce.com"}}
  }
}
"""
# schema.enum on line 3: the mode's spelling.
FAULTY_REQUEST = CLEAN_REQUEST.replace('"Public"', '"Publik"')
