#!/usr/bin/env python3
"""Runs one fuzz target the way CI does (meson test --suite fuzz calls this).

1. Replays fuzz/regressions/<target>/* (each file once); any failure fails the run.
2. Fuzzes for FUZZ_SECONDS (default 60) from a fresh copy of the seed corpus
   (fuzz/corpus/<target>/ plus the fixtures, see make_corpus.py), with the dictionary.
New inputs go to the copy under --work, never into the source tree; a crash, leak, UB
report or timeout leaves its reproducer under --work and the run prints its path.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_corpus  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--fuzzer", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--dict", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    seconds = int(os.environ.get("FUZZ_SECONDS", "60"))
    root = pathlib.Path(args.source_root)
    work = pathlib.Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "corpus"
    artifacts = work / "artifacts"
    corpus.mkdir(parents=True)
    artifacts.mkdir()
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:symbolize=1")
    env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
    for symbolizer in ("/usr/lib/llvm-14/bin/llvm-symbolizer", "/usr/bin/llvm-symbolizer"):
        if os.path.exists(symbolizer):
            env.setdefault("ASAN_SYMBOLIZER_PATH", symbolizer)
            break
    common = ["-timeout=10", "-rss_limit_mb=2048", "-malloc_limit_mb=2048"]

    regressions = sorted(p for p in (root / "fuzz" / "regressions" / args.target).glob("*") if p.is_file())
    if regressions:
        print(f"{args.target}: replaying {len(regressions)} regression input(s)", flush=True)
        for path in regressions:
            result = subprocess.run([args.fuzzer, *common, str(path)], env=env)
            if result.returncode != 0:
                print(f"FUZZ FAILURE ({args.target}): regression input fails: {path}", flush=True)
                return 1

    count = make_corpus.build(root, args.target, corpus)
    print(f"{args.target}: {count} seed input(s), {seconds} s", flush=True)
    command = [args.fuzzer, *common, f"-max_total_time={seconds}", f"-dict={args.dict}",
               f"-artifact_prefix={artifacts}/", "-print_final_stats=1", str(corpus)]
    result = subprocess.run(command, env=env)
    found = sorted(artifacts.iterdir())
    if result.returncode != 0 or found:
        for path in found:
            print(f"FUZZ FAILURE ({args.target}): reproducer {path}", flush=True)
        if not found:
            print(f"FUZZ FAILURE ({args.target}): exit status {result.returncode}, no reproducer written", flush=True)
        print(f"reproduce: {args.fuzzer} {' '.join(common)} REPRODUCER", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
