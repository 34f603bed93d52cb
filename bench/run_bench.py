#!/usr/bin/env python3
"""Driver for `ninja bench`: makes the corpus if it is missing, then runs lint_bench on it."""

import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gen", required=True, help="path of gen_corpus.py")
    ap.add_argument("--corpus", required=True, help="corpus file, written when missing")
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("bench", nargs=argparse.REMAINDER, help="-- lint_bench [ARGS...]")
    args = ap.parse_args()
    bench = args.bench[1:] if args.bench[:1] == ["--"] else args.bench
    if not bench:
        ap.error("no lint_bench command after --")
    if not os.path.exists(args.corpus):
        subprocess.run([sys.executable, args.gen, "--seed", str(args.seed), "--count", str(args.count),
                        "--out", args.corpus], check=True)
    return subprocess.run([bench[0], args.corpus, *bench[1:]]).returncode


if __name__ == "__main__":
    sys.exit(main())
