#!/usr/bin/env python3
"""Driver for `ninja bench`: appflow-lint side by side with ajv 8, in one run.

1. Writes the corpus with gen_corpus.py when it is missing.
2. In-process, one thread: runs `lint_bench --json` (Linter::lint_text, all rules,
   full diagnostics) and bench/peers/ajv_bench.js (JSON.parse + a validator compiled
   once) on the same corpus, alternating for --rounds rounds, and reports the
   median of the rounds: requests/s and the ratio to ajv, the latency of one valid
   and one faulty ~1 KB request (the same lines for both tools), and what a faulty
   request costs appflow-lint against a valid one.
3. With --cli PATH: whole processes. `appflow-lint --format json DIR` against
   `ajv validate -s SCHEMA -d 'DIR/*.json'` on --cli-files request files, best of
   --cli-runs; `--jobs 1` against `--jobs 2` when the CLI has that option; one small
   file (median of 20 runs); and the CLI's peak RSS on a generated JSON Lines file
   of --big-mb MiB.

Runs `npm ci` in bench/peers when its node_modules is missing.

    python3 bench/run_bench.py --gen bench/gen_corpus.py --corpus /tmp/corpus.jsonl \\
        --lint-bench build-rel/bench/lint_bench --cli build-rel/cli/appflow-lint

`--text -- LINT_BENCH [ARGS...]` runs lint_bench's own text report instead (the old
behaviour of this script).
"""

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(message):
    print(message, file=sys.stderr, flush=True)


# --- running things -----------------------------------------------------------
def run_timed(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=None):
    """Runs cmd to completion. Returns (exit status, wall seconds, rusage of that one child)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, wall, usage


def run_json(cmd):
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out)


def ensure_corpus(args):
    if os.path.exists(args.corpus):
        return
    log(f"run_bench: writing {args.corpus} ({args.count} requests, seed {args.seed})")
    subprocess.run([sys.executable, args.gen, "--seed", str(args.seed), "--count", str(args.count),
                    "--out", args.corpus], check=True)


def ensure_peers(peers):
    """Returns the node binary, after `npm ci` if node_modules is missing; None without node."""
    node = shutil.which("node")
    if node is None:
        log("run_bench: node is not on PATH, so there is no ajv comparison")
        return None
    if not os.path.isdir(os.path.join(peers, "node_modules", "ajv")):
        npm = shutil.which("npm")
        if npm is None:
            log("run_bench: npm is not on PATH and bench/peers/node_modules is missing: no ajv comparison")
            return None
        log(f"run_bench: npm ci in {peers}")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=peers, check=True, stdout=sys.stderr)
    return node


# --- formatting ---------------------------------------------------------------
def table(headers, rows, align=None):
    align = align or ["<"] + [">"] * (len(headers) - 1)
    cells = [headers] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  " + "  ".join(f"{c:{a}{w}}" for c, a, w in zip(row, align, widths)))
        if n == 0:
            lines.append("  " + "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def num(x, digits=0):
    return f"{x:,.{digits}f}"


def ratio(x):
    return f"{x:.3f}x" if x < 0.1 else f"{x:.2f}x"


def median(values):
    return statistics.median(values) if values else float("nan")


# --- machine ------------------------------------------------------------------
def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "load": os.getloadavg() if hasattr(os, "getloadavg") else None}


# --- in-process comparison ----------------------------------------------------
def in_process(args, node):
    lint_cmd = [args.lint_bench, args.corpus, "--json", "--latency-iters", str(args.latency_iters)]
    ajv_cmd = None
    if node:
        ajv_cmd = [node, os.path.join(args.peers, "ajv_bench.js"), "--schema", args.schema,
                   "--corpus", args.corpus, "--latency-iters", str(args.latency_iters)]
    lint_runs, ajv_runs = [], []
    lines = []  # the latency lines lint_bench chose in round 1, given to every later run
    for r in range(args.rounds):
        order = ["lint", "ajv"] if r % 2 == 0 else ["ajv", "lint"]
        if r == 0:
            order = ["lint", "ajv"]  # lint_bench picks the latency lines
        for who in order:
            if who == "lint":
                log(f"run_bench: round {r + 1}/{args.rounds}: lint_bench")
                lint_runs.append(run_json(lint_cmd + lines))
                if not lines:
                    lat = lint_runs[0]["latency"]
                    lines = ["--valid-line", str(lat["valid"]["line"]), "--faulty-line", str(lat["faulty"]["line"])]
            elif ajv_cmd:
                log(f"run_bench: round {r + 1}/{args.rounds}: ajv_bench.js")
                ajv_runs.append(run_json(ajv_cmd + lines))
    return lint_runs, ajv_runs


def report_in_process(args, lint_runs, ajv_runs):
    L = lint_runs[0]
    A = ajv_runs[0] if ajv_runs else None
    res = {"rounds": len(lint_runs)}
    print(f"\nIn-process, one thread: {L['requests']:,} requests, mean {L['bytes'] / L['requests']:.0f} bytes "
          f"(median of {len(lint_runs)} rounds, run alternately)")
    print(f"  appflow-lint {L['version']}: {L['clean']:,} clean, {L['with_error']:,} with an error"
          + (f"; ajv {A['version']} (Node {A['node']}): {A['valid']:,} valid, {A['invalid']:,} invalid"
             if A else ""))
    if A:
        compile_ms = median([r["compile_ms"] for r in ajv_runs])
        res["ajv_compile_ms"] = compile_ms
        print(f"  ajv compiles the schema in {compile_ms:.0f} ms (once per run, not in the figures below)")

    lint_rps = median([r["lint_text"]["requests_per_s"] for r in lint_runs])
    nl_rps = median([r["parse_only"]["requests_per_s"] for r in lint_runs])
    rows = []
    res["lint_text_rps"] = lint_rps
    res["nlohmann_parse_rps"] = nl_rps
    if A:
        ajv_rps = median([r["validate"]["requests_per_s"] for r in ajv_runs])
        js_rps = median([r["parse_only"]["requests_per_s"] for r in ajv_runs])
        res.update(ajv_rps=ajv_rps, json_parse_rps=js_rps)
        rows.append([f"ajv {A['version']}: JSON.parse + validate", num(ajv_rps), num(1e6 / ajv_rps, 2), "1.00x"])
    rows.append(["appflow-lint: lint_text (all rules)", num(lint_rps), num(1e6 / lint_rps, 2),
                 ratio(lint_rps / ajv_rps) if A else "-"])
    if A:
        rows.append(["baseline: JSON.parse only (Node)", num(js_rps), num(1e6 / js_rps, 2), "-"])
    rows.append(["baseline: nlohmann::json::parse only", num(nl_rps), num(1e6 / nl_rps, 2), "-"])
    print("\nThroughput over the whole corpus (after a warm-up pass)")
    print(table(["", "requests/s", "us/request", "requests/s / ajv's"], rows))
    res["rounds_lint_rps"] = [r["lint_text"]["requests_per_s"] for r in lint_runs]
    if A:
        res["rounds_ajv_rps"] = [r["validate"]["requests_per_s"] for r in ajv_runs]

    print(f"\nLatency of one request, repeated {args.latency_iters:,} times (us)")
    rows = []
    for kind in ("valid", "faulty"):
        lat = L["latency"].get(kind)
        if not lat:
            continue
        lm = median([r["latency"][kind]["median_us"] for r in lint_runs])
        lp = median([r["latency"][kind]["p99_us"] for r in lint_runs])
        res[f"lint_{kind}_median_us"], res[f"lint_{kind}_p99_us"] = lm, lp
        label = f"{kind}, line {lat['line']}" + (f" ({', '.join(sorted(set(lat['diagnostics'])))})"
                                                 if lat["diagnostics"] else "")
        if A:
            am = median([r["latency"][kind]["median_us"] for r in ajv_runs])
            ap = median([r["latency"][kind]["p99_us"] for r in ajv_runs])
            res[f"ajv_{kind}_median_us"], res[f"ajv_{kind}_p99_us"] = am, ap
            agrees = A["latency"][kind]["valid"] == (kind == "valid")
            rows.append([f"ajv, {label}" + ("" if agrees else " [ajv disagrees]"), lat["bytes"],
                         num(am, 2), num(ap, 2), "1.00x"])
        rows.append([f"appflow-lint, {label}", lat["bytes"], num(lm, 2), num(lp, 2),
                     f"{lm / am:.2f}x" if A else "-"])
    print(table(["", "bytes", "median", "p99", "median / ajv's"], rows))

    mv = median([r["mean_us"]["valid"] for r in lint_runs])
    mf = median([r["mean_us"]["faulty"] for r in lint_runs])
    res.update(lint_mean_valid_us=mv, lint_mean_faulty_us=mf)
    print("\nappflow-lint: faulty request cost / valid request cost")
    rows = [[f"mean over the corpus ({L['mean_us']['faulty_requests']:,} faulty, "
             f"{L['mean_us']['valid_requests']:,} valid)", num(mf, 2), num(mv, 2), f"{mf / mv:.2f}"]]
    if "lint_faulty_median_us" in res and "lint_valid_median_us" in res:
        rows.append(["the ~1 KB pair above (latency medians)", num(res["lint_faulty_median_us"], 2),
                     num(res["lint_valid_median_us"], 2),
                     f"{res['lint_faulty_median_us'] / res['lint_valid_median_us']:.2f}"])
    print(table(["", "faulty us", "valid us", "ratio"], rows))
    return res


# --- CLI comparison -----------------------------------------------------------
def best_of(n, cmd, ok=(0, 1)):
    walls = []
    for _ in range(n):
        status, wall, _ = run_timed(cmd)
        if status not in ok:
            raise RuntimeError(f"{' '.join(cmd)} exited {status}")
        walls.append(wall)
    return min(walls)


def cli_has_jobs(cli):
    help_text = subprocess.run([cli, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True).stdout
    return re.search(r"(^|[\s,])--jobs\b", help_text) is not None


def cli_section(args, node):
    res = {}
    ajv_cli = os.path.join(args.peers, "node_modules", "ajv-cli", "dist", "index.js")
    vocabulary = os.path.join(args.peers, "ajv_vocabulary.js")
    have_ajv = node is not None and os.path.exists(ajv_cli)
    with open(args.corpus, encoding="utf-8") as f:
        corpus_lines = [line.rstrip("\n") for line in f if line.strip()]
    tmp = tempfile.mkdtemp(prefix="appflow-bench-")
    try:
        files_dir = os.path.join(tmp, "requests")
        os.mkdir(files_dir)
        n = min(args.cli_files, len(corpus_lines))
        total = 0
        for i in range(n):
            with open(os.path.join(files_dir, f"request-{i:05d}.json"), "w", encoding="utf-8") as f:
                f.write(corpus_lines[i] + "\n")
            total += len(corpus_lines[i]) + 1
        print(f"\nWhole processes (best of {args.cli_runs}, wall seconds)")
        rows = []
        lint_cmd = [args.cli, "--format", "json", files_dir]
        log(f"run_bench: CLI on {n} files")
        t_lint = best_of(args.cli_runs, lint_cmd)
        res["cli_dir_s"] = t_lint
        if have_ajv:
            ajv_cmd = [node, ajv_cli, "validate", "-s", args.schema, "-c", vocabulary, "-d",
                       os.path.join(files_dir, "*.json")]
            t_ajv = best_of(args.cli_runs, ajv_cmd)
            res["ajv_cli_dir_s"] = t_ajv
            rows.append([f"ajv-cli: ajv validate -s SCHEMA -d 'DIR/*.json' ({n:,} files)", num(t_ajv, 3),
                         num(n / t_ajv), "1.00x"])
        rows.append([f"appflow-lint --format json DIR ({n:,} files)", num(t_lint, 3), num(n / t_lint),
                     f"{t_lint / t_ajv:.2f}x" if have_ajv else "-"])

        # One small file: a valid request near the corpus median size, as a whole process.
        sizes = sorted(len(line) for line in corpus_lines)
        mid = sizes[len(sizes) // 2]
        small = os.path.join(tmp, "small.json")
        for line in sorted(corpus_lines[:5000], key=lambda s: abs(len(s) - mid)):
            with open(small, "w", encoding="utf-8") as f:
                f.write(line + "\n")
            if run_timed([args.cli, small])[0] == 0:
                break
        small_bytes = os.path.getsize(small)
        log(f"run_bench: one small file, {args.small_runs} runs each")
        walls = [run_timed([args.cli, "--format", "json", small])[1] for _ in range(args.small_runs)]
        res["cli_small_ms"] = median(walls) * 1e3
        if have_ajv:
            walls_ajv = [run_timed([node, ajv_cli, "validate", "-s", args.schema, "-c", vocabulary, "-d", small])[1]
                         for _ in range(args.small_runs)]
            res["ajv_cli_small_ms"] = median(walls_ajv) * 1e3
            rows.append([f"ajv-cli, one {small_bytes} B file (median of {args.small_runs})",
                         num(res["ajv_cli_small_ms"] / 1e3, 3), "-", "1.00x"])
        rows.append([f"appflow-lint, one {small_bytes} B file (median of {args.small_runs})",
                     num(res["cli_small_ms"] / 1e3, 3), "-",
                     f"{res['cli_small_ms'] / res['ajv_cli_small_ms']:.2f}x" if have_ajv else "-"])
        print(table(["", "seconds", "requests/s", "seconds / ajv-cli's"], rows))

        # A JSON Lines file: the corpus itself.
        jsonl = os.path.join(tmp, "corpus.jsonl")
        shutil.copyfile(args.corpus, jsonl)
        rows = []
        log(f"run_bench: CLI on the {len(corpus_lines)}-line corpus")
        t_jsonl = best_of(args.cli_runs, [args.cli, "--format", "json", jsonl])
        res["cli_jsonl_s"] = t_jsonl
        rows.append([f"appflow-lint --format json FILE.jsonl ({len(corpus_lines):,} lines)", num(t_jsonl, 2),
                     num(len(corpus_lines) / t_jsonl), "-"])
        if cli_has_jobs(args.cli):
            for what, target, count in (("DIR", files_dir, n), ("FILE.jsonl", jsonl, len(corpus_lines))):
                log(f"run_bench: --jobs 1 and 2 on {what}")
                t1 = best_of(args.cli_runs, [args.cli, "--jobs", "1", "--format", "json", target])
                t2 = best_of(args.cli_runs, [args.cli, "--jobs", "2", "--format", "json", target])
                res[f"cli_{what}_j1_s"], res[f"cli_{what}_j2_s"] = t1, t2
                rows.append([f"appflow-lint --jobs 1 {what} ({count:,})", num(t1, 3), num(count / t1), "1.00x"])
                rows.append([f"appflow-lint --jobs 2 {what} ({count:,})", num(t2, 3), num(count / t2),
                             f"{t1 / t2:.2f}x"])
            res["jobs"] = True
        else:
            res["jobs"] = False
        print(table(["", "seconds", "requests/s", "speed-up over --jobs 1"], rows))
        if not res["jobs"]:
            print("  `appflow-lint --help` lists no --jobs option: no --jobs 1 / --jobs 2 comparison")

        # Peak RSS on a big JSON Lines input. The CLI takes at most 256 MiB per input
        # (cli/inputs.hpp), so past --big-part-mb the input is a directory of parts.
        if args.big_mb > 0:
            res.update(big_peak_rss(args, tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def big_peak_rss(args, tmp):
    big_dir = os.path.join(tmp, "big")
    os.mkdir(big_dir)
    whole = os.path.join(tmp, "big-whole.jsonl")
    log(f"run_bench: writing {args.big_mb} MiB of JSON Lines (seed {args.seed + 1})")
    subprocess.run([sys.executable, args.gen, "--seed", str(args.seed + 1), "--bytes",
                    str(args.big_mb * 1024 * 1024), "--out", whole], check=True)
    part_limit = args.big_part_mb * 1024 * 1024
    parts, lines, size, out = [], 0, 0, None
    with open(whole, "rb") as f:
        for line in f:
            if out is None or out.tell() + len(line) > part_limit:
                if out:
                    out.close()
                parts.append(os.path.join(big_dir, f"part-{len(parts):03d}.jsonl"))
                out = open(parts[-1], "wb")
            out.write(line)
            lines += 1
            size += len(line)
    if out:
        out.close()
    os.remove(whole)
    target = parts[0] if len(parts) == 1 else big_dir
    what = "BIG.jsonl" if len(parts) == 1 else f"DIR ({len(parts)} .jsonl parts of <= {args.big_part_mb} MiB)"
    log(f"run_bench: CLI on {what}")
    with open(os.path.join(tmp, "big.stderr"), "w+", encoding="utf-8") as err:
        status, wall, usage = run_timed([args.cli, "--format", "json", target], stderr=err)
        err.seek(0)
        message = err.read().strip()
    rss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    print(f"\nPeak RSS of `appflow-lint --format json {what}` (wait4 rusage of that process)")
    print(table(["", "MiB in", "lines", "seconds", "MiB/s", "peak RSS MiB", "exit"],
                [["appflow-lint", num(size / 2**20, 1), num(lines), num(wall, 1),
                  num(size / 2**20 / wall, 2), num(rss_mib, 1), status]]))
    if status not in (0, 1):
        print(f"  appflow-lint exited {status}: {message[:300]}")
    return {"big_bytes": size, "big_lines": lines, "big_parts": len(parts), "big_s": wall,
            "big_rss_mib": rss_mib, "big_status": status}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gen", default=os.path.join(HERE, "gen_corpus.py"), help="path of gen_corpus.py")
    ap.add_argument("--corpus", required=True, help="corpus file, written when missing")
    ap.add_argument("--count", type=int, default=100000, help="requests in a new corpus (default 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lint-bench", help="the lint_bench binary")
    ap.add_argument("--schema", default=os.path.join(ROOT, "schemas", "UpdateConnectorProfile.request.schema.json"))
    ap.add_argument("--peers", default=os.path.join(HERE, "peers"), help="bench/peers (ajv)")
    ap.add_argument("--no-ajv", action="store_true", help="leave ajv out")
    ap.add_argument("--rounds", type=int, default=3,
                    help="rounds of each in-process bench (default 3; 0 skips the in-process part)")
    ap.add_argument("--latency-iters", type=int, default=20000)
    ap.add_argument("--cli", help="the appflow-lint binary: also compare whole processes")
    ap.add_argument("--cli-files", type=int, default=2000, help="request files for the CLI comparison")
    ap.add_argument("--cli-runs", type=int, default=3, help="take the best of this many CLI runs")
    ap.add_argument("--small-runs", type=int, default=20, help="runs of the one-small-file case")
    ap.add_argument("--big-mb", type=int, default=128, help="MiB of JSON Lines for the peak RSS run (0: skip)")
    ap.add_argument("--big-part-mb", type=int, default=200,
                    help="largest .jsonl file of the peak RSS run; more makes a directory of parts (default 200)")
    ap.add_argument("--json-out", help="also write every figure to this JSON file")
    ap.add_argument("--text", action="store_true", help="run `-- LINT_BENCH [ARGS...]`'s text report only")
    ap.add_argument("bench", nargs=argparse.REMAINDER, help="with --text: -- lint_bench [ARGS...]")
    args = ap.parse_args()
    for name in ("gen", "corpus", "schema", "peers", "cli", "lint_bench"):
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))

    ensure_corpus(args)
    if args.text:
        bench = args.bench[1:] if args.bench[:1] == ["--"] else args.bench
        if not bench:
            ap.error("--text needs -- lint_bench [ARGS...]")
        return subprocess.run([bench[0], args.corpus, *bench[1:]]).returncode
    if not args.lint_bench:
        ap.error("--lint-bench is required (or --text -- lint_bench ...)")

    m = machine()
    print(f"appflow-lint benchmark, {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"  machine: {m['nproc']} CPUs, {m['cpu']}, Linux {m['kernel']}, "
          f"load {' '.join(f'{x:.2f}' for x in m['load'])} at start")
    print(f"  corpus: {args.corpus}")
    node = None if args.no_ajv else ensure_peers(args.peers)
    results = {"date": time.strftime("%Y-%m-%d"), "machine": m}
    if args.rounds > 0:
        lint_runs, ajv_runs = in_process(args, node)
        results["in_process"] = report_in_process(args, lint_runs, ajv_runs)
        results["lint_bench_runs"], results["ajv_bench_runs"] = lint_runs, ajv_runs
    if args.cli:
        results["cli"] = cli_section(args, node)
    print(f"\n  load {' '.join(f'{x:.2f}' for x in os.getloadavg())} at the end")
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
