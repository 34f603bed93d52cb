#!/usr/bin/env python3
"""What including the library's umbrella header costs a program's compile.

Compiles a file that holds only `#include <appflow_lint/appflow_lint.hpp>` with
`-fsyntax-only`, as C++17 and as C++20, and prints the least compiler CPU time
(user + system of the child, not wall time: the machine is shared) of --runs runs.
For scale it times the standard headers those public headers include, alone, and
an empty file.

  python3 bench/include_cost.py --include lib/include --include BUILD/lib/include

(BUILD/lib/include holds the generated version.hpp.) docs/library.md records the
figures.
"""
import argparse
import os
import pathlib
import re
import resource
import subprocess
import sys
import tempfile


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def standard_headers(include_dirs):
    """The <...> headers the public headers include, other than nlohmann's."""
    names = set()
    for folder in include_dirs:
        for header in pathlib.Path(folder).glob("appflow_lint/*.hpp"):
            if header.name == "nlohmann.hpp":  # not part of appflow_lint.hpp
                continue
            names.update(re.findall(r"^#include <([a-z_]+)>", header.read_text(encoding="utf-8"), re.M))
    return sorted(names)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--include", action="append", required=True, help="an include folder (repeatable)")
    parser.add_argument("--compiler", default=os.environ.get("CXX", "g++"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    headers = standard_headers(args.include)
    sources = {
        "appflow_lint.hpp": "#include <appflow_lint/appflow_lint.hpp>\n",
        "its standard headers alone": "".join(f"#include <{name}>\n" for name in headers),
        "an empty file": "\n",
    }
    with tempfile.TemporaryDirectory() as folder:
        print(f"compiler: {subprocess.run([args.compiler, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
        print(f"standard headers: {' '.join(f'<{name}>' for name in headers)}")
        print(f"least CPU seconds of {args.runs} runs of -fsyntax-only; load {os.getloadavg()[0]:.1f} at the start")
        print(f"{'what':30} {'C++17':>7} {'C++20':>7}")
        for what, text in sources.items():
            path = pathlib.Path(folder) / "include_only.cpp"
            path.write_text(text, encoding="utf-8")
            cells = []
            for standard in ("c++17", "c++20"):
                command = [args.compiler, f"-std={standard}", "-fsyntax-only", *(f"-I{d}" for d in args.include), str(path)]
                cells.append(min(cpu_seconds(command) for _ in range(args.runs)))
            print(f"{what:30} {cells[0]:7.2f} {cells[1]:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
