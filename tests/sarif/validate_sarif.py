#!/usr/bin/env python3
"""The SARIF of `appflow-lint --format sarif` passes Microsoft's SARIF multitool with
0 errors and 0 warnings: over examples/, every fixture of tests/rules/, and hostile
paths (spaces, '#', '%', '?', brackets, non-ASCII, absolute, standard input, a path
that cannot be read).

Usage: validate_sarif.py PATH/TO/appflow-lint SOURCE_ROOT
The multitool comes from npm at the version tests/sarif/package-lock.json pins
(`npm ci --prefix tests/sarif --no-audit --no-fund`); without it, or without Node,
the test says so and exits 77 (skipped). The multitool exits 0 even when it finds
errors, so this reads the log it writes.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77
HOSTILE_NAMES = ("sub dir/a b#c%20d.json", "naïve[1]?.json", "100%;x=1&y.json", "colon:first.json")


def skip(reason):
    print(f"SKIPPED: {reason}")
    raise SystemExit(SKIP)


def lint(binary, args, cwd, out, stdin=None):
    """Runs the CLI; its SARIF goes to `out`. A lint run exits 0, 1 or 2, never more."""
    with open(out, "wb") as sink:
        done = subprocess.run([binary, "--format", "sarif", *args], cwd=cwd, stdout=sink,
                              stderr=subprocess.PIPE, input=stdin, timeout=300)
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"FAIL: appflow-lint {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    json.loads(Path(out).read_text(encoding="utf-8"))  # one whole JSON log, whatever the status
    return out


def main():
    binary, root = os.path.abspath(sys.argv[1]), Path(sys.argv[2]).resolve()
    tool_dir = root / "tests" / "sarif"
    npx = shutil.which("npx")
    if npx is None:
        skip("this test needs Node.js and npm (Debian: apt-get install nodejs npm), "
             "then `npm ci --prefix tests/sarif --no-audit --no-fund`")
    if not (tool_dir / "node_modules" / ".bin" / "sarif-multitool").exists():
        skip("tests/sarif/node_modules is missing: run `npm ci --prefix tests/sarif --no-audit --no-fund`")

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        work = scratch / "work tree#1"  # the working directory itself needs encoding too
        sample = (root / "examples" / "profiles" / "name-with-space.json").read_bytes()
        for name in HOSTILE_NAMES:
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_bytes(sample)
        (work / "lines ü.jsonl").write_bytes((root / "examples" / "profiles" / "batch.jsonl").read_bytes())
        logs = scratch / "logs"  # npx runs the multitool through a shell: no space or "#" here
        logs.mkdir()
        fixtures = sorted(str(path) for path in (root / "tests" / "rules").glob("*/*.case"))
        # A baseline whose entries the configuration's suppression makes stale, and a
        # suppression that matches nothing: both are configuration notifications.
        configured = work / "configured"
        configured.mkdir()
        (configured / "a.json").write_bytes(sample)
        subprocess.run([binary, "--write-baseline", "baseline.json", "a.json"], cwd=configured, check=True,
                       stdout=subprocess.DEVNULL, timeout=300)
        (configured / ".appflow-lint.json").write_text(json.dumps({"suppressions": [
            {"path": "a.json", "rule": "schema.pattern", "reason": "renamed next release"},
            {"path": "a.json", "rule": "schema.type", "reason": "fixed since"}]}, indent=2), encoding="utf-8")

        written = [
            lint(binary, ["examples/profiles"], root, logs / "examples.sarif"),
            lint(binary, ["--operation", "CreateConnectorProfile", "examples/create"], root, logs / "create.sarif"),
            lint(binary, fixtures, root, logs / "fixtures.sarif"),
            lint(binary, ["."], work, logs / "relative.sarif"),
            lint(binary, [str(work / name) for name in HOSTILE_NAMES], scratch, logs / "absolute.sarif"),
            lint(binary, ["../work tree#1/sub dir"], work / "sub dir", logs / "parent.sarif"),
            lint(binary, ["--stdin-filename", "sub dir/std in?.json", "-"], work, logs / "stdin-named.sarif",
                 stdin=sample),
            lint(binary, ["-"], work, logs / "stdin.sarif", stdin=sample),
            lint(binary, ["missing dir/none.json", "naïve[1]?.json"], work, logs / "unreadable.sarif"),
            lint(binary, ["--rule", "schema.pattern=warning", "--rule", "value.placeholder=off", "examples/profiles"],
                 root, logs / "overrides.sarif"),
            lint(binary, ["--baseline", "baseline.json", "a.json"], configured, logs / "configuration-notes.sarif"),
        ]
        notified = json.loads((logs / "configuration-notes.sarif").read_text(encoding="utf-8"))
        notes = notified["runs"][0]["invocations"][0].get("toolConfigurationNotifications", [])
        if sorted(note["descriptor"]["id"] for note in notes) != ["baseline.stale", "config.unused-suppression"]:
            raise SystemExit(f"FAIL: expected an unused suppression and a stale baseline, got {notes}")

        report = scratch / "multitool.sarif"
        done = subprocess.run(
            [npx, "--no-install", "sarif-multitool", "validate", "--output", str(report),
             *map(str, written)],
            cwd=tool_dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        if not report.exists():
            print(done.stdout)
            raise SystemExit(f"FAIL: the multitool wrote no log (exit {done.returncode})")
        found = json.loads(report.read_text(encoding="utf-8-sig"))
        problems = []
        for run in found.get("runs", []):
            for result in run.get("results", []):
                level = result.get("level", "warning")
                if level in ("error", "warning"):
                    where = result.get("locations", [{}])[0].get("physicalLocation", {})
                    problems.append(f"{level} {result.get('ruleId')}: {result.get('message', {})} at {where}")
            for invocation in run.get("invocations", []):
                for note in invocation.get("toolExecutionNotifications", []):
                    if note.get("level", "warning") in ("error", "warning"):
                        problems.append(f"tool {note.get('level')}: {note.get('message', {}).get('text')}")
        errors = sum(p.startswith("error") or p.startswith("tool error") for p in problems)
        print(f"{len(written)} SARIF logs validated: {errors} errors, {len(problems) - errors} warnings")
        for problem in problems:
            print(problem)
        if problems:
            print(done.stdout)
            raise SystemExit(1)


if __name__ == "__main__":
    main()
