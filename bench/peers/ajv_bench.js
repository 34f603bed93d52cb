#!/usr/bin/env node
// ajv_bench: the ajv 8 side of bench/run_bench.py (see docs/benchmarks.md).
//
//   node ajv_bench.js --schema SCHEMA.json --corpus CORPUS.jsonl
//                     [--latency-iters N] [--valid-line N] [--faulty-line N]
//
// Compiles the schema once, with Ajv's default options (draft-07 is Ajv 8's
// default draft, so the plain `ajv` import is the right one); the only addition
// is the annotation vocabulary in ajv_vocabulary.js. Then, for the same JSON
// Lines corpus as lint_bench:
//   - throughput: JSON.parse + validate for every line, after one warm-up pass
//     of the same loop; also JSON.parse alone, as a baseline;
//   - latency: one valid and one faulty request (the lines lint_bench chose, or
//     the ones closest to 1 KB) repeated N times, one hrtime pair per call.
// Prints one JSON object on stdout.
"use strict";

const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const addAppflowVocabulary = require("./ajv_vocabulary.js");

function parseArgs(argv) {
  const options = { schema: "", corpus: "", latencyIters: 20000, validLine: -1, faultyLine: -1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === "--schema") options.schema = next();
    else if (arg === "--corpus") options.corpus = next();
    else if (arg === "--latency-iters") options.latencyIters = Number(next());
    else if (arg === "--valid-line") options.validLine = Number(next());
    else if (arg === "--faulty-line") options.faultyLine = Number(next());
    else throw new Error(`unexpected argument '${arg}'`);
  }
  if (!options.schema || !options.corpus) throw new Error("--schema and --corpus are required");
  if (!(options.latencyIters > 0)) throw new Error("--latency-iters must be positive");
  return options;
}

function nowNs() {
  return process.hrtime.bigint();
}

function secondsSince(start) {
  return Number(nowNs() - start) / 1e9;
}

function throughput(seconds, requests, bytes) {
  return {
    seconds,
    requests,
    bytes,
    requests_per_s: requests / seconds,
    mib_per_s: bytes / seconds / (1024 * 1024),
    us_per_request: (seconds * 1e6) / requests,
  };
}

function quantile(sorted, q) {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

// Times work() `iters` times after iters/10 untimed calls, like lint_bench's measure_latency.
function latency(iters, work) {
  let sink = 0;
  for (let i = 0; i < Math.floor(iters / 10) + 1; i++) sink += work();
  const samples = new Float64Array(iters);
  for (let i = 0; i < iters; i++) {
    const start = nowNs();
    sink += work();
    samples[i] = Number(nowNs() - start) / 1e3;
  }
  samples.sort();
  return { median_us: quantile(samples, 0.5), p99_us: quantile(samples, 0.99), sink };
}

function closestTo(lines, target, wanted) {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < lines.length; i++) {
    if (!wanted(i)) continue;
    const distance = Math.abs(Buffer.byteLength(lines[i]) - target);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const schema = JSON.parse(fs.readFileSync(options.schema, "utf8"));
  const ajv = addAppflowVocabulary(new Ajv());
  const compileStart = nowNs();
  const validate = ajv.compile(schema);
  const compileSeconds = secondsSince(compileStart);

  const lines = fs
    .readFileSync(options.corpus, "utf8")
    .split("\n")
    .filter((line) => line.length > 0);
  if (lines.length === 0) throw new Error("the corpus is empty");
  let bytes = 0;
  for (const line of lines) bytes += Buffer.byteLength(line);

  // The pass that is timed, and its warm-up. A line that is not JSON counts as invalid.
  const pass = () => {
    let valid = 0;
    for (let i = 0; i < lines.length; i++) {
      let value;
      try {
        value = JSON.parse(lines[i]);
      } catch {
        continue;
      }
      if (validate(value)) valid++;
    }
    return valid;
  };
  const parsePass = () => {
    let members = 0;
    for (let i = 0; i < lines.length; i++) members += Object.keys(JSON.parse(lines[i])).length;
    return members;
  };

  // Warm-up, which also classifies every line.
  const isValid = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    try {
      isValid[i] = validate(JSON.parse(lines[i])) ? 1 : 0;
    } catch {
      isValid[i] = 0;
    }
  }
  let valid = 0;
  for (const v of isValid) valid += v;
  pass();

  let start = nowNs();
  const validAgain = pass();
  const validateSeconds = secondsSince(start);
  if (validAgain !== valid) throw new Error("two passes over the corpus disagree");

  parsePass();
  start = nowNs();
  let sink = parsePass();
  const parseSeconds = secondsSince(start);

  const out = {
    tool: "ajv",
    version: require("ajv/package.json").version,
    node: process.version,
    corpus: path.resolve(options.corpus),
    requests: lines.length,
    bytes,
    valid,
    invalid: lines.length - valid,
    compile_ms: compileSeconds * 1e3,
    validate: throughput(validateSeconds, lines.length, bytes),
    parse_only: throughput(parseSeconds, lines.length, bytes),
    latency: {},
  };

  const pick = (given, wanted) => {
    if (given >= 0) {
      if (given >= lines.length) throw new Error(`line ${given} is past the corpus`);
      return given;
    }
    return closestTo(lines, 1024, wanted);
  };
  const measure = (what, index) => {
    if (index < 0) return;
    const text = lines[index];
    const l = latency(options.latencyIters, () => (validate(JSON.parse(text)) ? 1 : 2));
    sink += l.sink;
    out.latency[what] = {
      line: index,
      bytes: Buffer.byteLength(text),
      iters: options.latencyIters,
      median_us: l.median_us,
      p99_us: l.p99_us,
      valid: isValid[index] === 1,
    };
  };
  measure("valid", pick(options.validLine, (i) => isValid[i] === 1));
  measure("faulty", pick(options.faultyLine, (i) => isValid[i] === 0));

  if (sink === 0) throw new Error("no work was done");
  process.stdout.write(JSON.stringify(out) + "\n");
}

try {
  main();
} catch (error) {
  process.stderr.write(`ajv_bench: ${error.message}\n`);
  process.exit(2);
}
