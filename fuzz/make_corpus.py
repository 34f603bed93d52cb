#!/usr/bin/env python3
"""Builds a fuzz target's seed corpus from the test fixtures (annotation lines of
.case files removed) and examples/, plus the committed fuzz/corpus/<target>/ files.

  make_corpus.py TARGET OUT_DIR      (run from anywhere; OUT_DIR is created)
"""
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def strip_case(data):
    return b"".join(line for line in data.splitlines(keepends=True) if not line.lstrip().startswith(b"//"))


def documents(root):
    """(is_jsonl, bytes) for every fixture and example."""
    for path in sorted((root / "tests" / "rules").rglob("*.case")):
        raw = path.read_bytes()
        yield b"//! jsonl" in raw, strip_case(raw)
    for path in sorted((root / "examples").rglob("*")):
        if path.suffix in (".json", ".jsonl"):
            yield path.suffix == ".jsonl", path.read_bytes()


def seeds(root, target):
    if target in ("lint_text", "secret"):
        # secret's input is a recipe, not a document: the documents still give it variety.
        return [data for jsonl, data in documents(root) if not jsonl]
    if target == "jsonl":
        out = [data for jsonl, data in documents(root) if jsonl]
        # single documents, minified, as lines
        singles = [data for jsonl, data in documents(root) if not jsonl]
        out += [b" ".join(data.split()) + b"\n" + b" ".join(data.split()) for data in singles[:60]]
        return out
    if target == "config":
        found = []
        for folder in ("tests", "examples", "docs"):
            found += sorted((root / folder).rglob(".appflow-lint*.json"))
        return [path.read_bytes() for path in found]
    return []  # lint_json: FuzzedDataProvider input, starts from nothing


def build(root, target, out):
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    committed = root / "fuzz" / "corpus" / target
    extra = [p.read_bytes() for p in sorted(committed.glob("*")) if p.is_file()] if committed.is_dir() else []
    for data in seeds(root, target) + extra:
        (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    return count


if __name__ == "__main__":
    print(build(ROOT, sys.argv[1], pathlib.Path(sys.argv[2])))
