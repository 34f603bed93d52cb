#!/usr/bin/env python3
"""Embed JSON files into a C++ source as std::string_view constants.

    python3 tools/embed_schemas.py --out schema_bundle.cpp \\
        kUpdateConnectorProfileRequest=schemas/UpdateConnectorProfile.request.schema.json ...

Each NAME becomes `const std::string_view NAME` in namespace
appflow_lint::schema_bundle (declared in lib/appflow_lint/schema_engine/schema_bundle.hpp),
so the library needs no data files at run time. Standard library only.

The embedded copy is the schema minified, without the `description` and `title`
annotations (written for people and editors, which get the installed files): the
library parses it each time a Linter is built, and this halves the text to parse.

The language server shows the descriptions in hovers and completions, so it embeds
its own copy with --keep-annotations, in its own namespace and header:

    python3 tools/embed_schemas.py --keep-annotations \
        --namespace appflow_lint::server::editor_schema_bundle \
        --header server/editor_schema_bundle.hpp --out editor_schema_bundle.cpp NAME=FILE ...
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DEFAULT_NAMESPACE = "appflow_lint::schema_bundle"
DEFAULT_HEADER = "appflow_lint/schema_engine/schema_bundle.hpp"
# MSVC caps a single string literal at 16 KB; GCC/Clang do not care, but smaller
# pieces cost nothing and keep the generated file portable.
PIECE_CHARS = 8000
DELIMITER_CANDIDATES = ["json"] + [f"json{i}" for i in range(100)]
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NAMESPACE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*")
_HEADER = re.compile(r"[A-Za-z0-9_./-]+")


# Annotations for people; the engine ignores them (schema_engine/compiled_schema.cpp).
DROPPED_ANNOTATIONS = frozenset({"description", "title"})


class EmbedError(Exception):
    pass


# Keywords whose value is a map of names to subschemas, a subschema, or a list of them:
# the only places annotations are dropped, so that a member named "description" stays.
NAMED_SUBSCHEMAS = frozenset({"properties", "patternProperties", "definitions", "$defs"})
ONE_SUBSCHEMA = frozenset({"items", "additionalProperties", "propertyNames", "not", "if", "then", "else"})
LISTED_SUBSCHEMAS = frozenset({"allOf", "anyOf", "oneOf"})


def without_annotations(schema):
    if not isinstance(schema, dict):
        return schema  # a boolean schema
    kept = {}
    for keyword, value in schema.items():
        if keyword in DROPPED_ANNOTATIONS:
            continue
        if keyword in NAMED_SUBSCHEMAS and isinstance(value, dict):
            value = {name: without_annotations(sub) for name, sub in value.items()}
        elif keyword in ONE_SUBSCHEMA:
            value = without_annotations(value)
        elif keyword in LISTED_SUBSCHEMAS and isinstance(value, list):
            value = [without_annotations(sub) for sub in value]
        kept[keyword] = value
    return kept


def compact(text: str, keep_annotations: bool = False) -> str:
    """The schema minified, keys in their order, non-ASCII kept as UTF-8."""
    try:
        schema = json.loads(text)
    except ValueError as error:
        raise EmbedError(f"not JSON: {error}") from error
    if not keep_annotations:
        schema = without_annotations(schema)
    return json.dumps(schema, separators=(",", ":"), ensure_ascii=False)


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)] or [""]


def closes_only_at_end(piece: str, delimiter: str) -> bool:
    """True if R"delimiter(piece)delimiter" ends where we mean it to."""
    closing = f'){delimiter}"'
    return (piece + closing).find(closing) == len(piece)


def choose_delimiter(chunks: list[str]) -> str:
    for delimiter in DELIMITER_CANDIDATES:
        if all(closes_only_at_end(chunk, delimiter) for chunk in chunks):
            return delimiter
    raise EmbedError("no raw string delimiter is free in the input")


def data_array(name: str, text: str) -> str:
    chunks = pieces(text)
    delimiter = choose_delimiter(chunks)
    literals = "\n".join(f'    R"{delimiter}({chunk}){delimiter}"' for chunk in chunks)
    return f"constexpr char {name}Data[] =\n{literals};\n"


def constant(name: str) -> str:
    # constinit: other translation units may read these during their static
    # initialisation. sizeof - 1 rather than strlen: the length is known here.
    return f"constinit const std::string_view {name}{{{name}Data, sizeof({name}Data) - 1}};\n"


def render(entries: list[tuple[str, str, str]], namespace: str = DEFAULT_NAMESPACE,
           header: str = DEFAULT_HEADER) -> str:
    """entries: (name, file name for the comment, file text)."""
    sources = "".join(f"//   {name} <- {source}\n" for name, source, _ in entries)
    arrays = "\n".join(data_array(name, text) for name, _, text in entries)
    constants = "".join(constant(name) for name, _, _ in entries)
    return (f"// Generated by tools/embed_schemas.py - do not edit.\n{sources}\n"
            f'#include "{header}"\n\n'
            f"namespace {namespace} {{\n\n"
            f"namespace {{\n\n{arrays}\n}}  // namespace\n\n"
            f"{constants}\n"
            f"}}  // namespace {namespace}\n")


def parse_entry(argument: str) -> tuple[str, Path]:
    name, sep, path = argument.partition("=")
    if not sep or not _IDENTIFIER.fullmatch(name) or not path:
        raise EmbedError(f"expected NAME=path.json with NAME a C++ identifier, got {argument!r}")
    return name, Path(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=Path, help="C++ source to write")
    parser.add_argument("--keep-annotations", action="store_true",
                        help="keep description and title (for the language server's hovers)")
    parser.add_argument("--namespace", default=DEFAULT_NAMESPACE, help="C++ namespace of the constants")
    parser.add_argument("--header", default=DEFAULT_HEADER, help="header declaring them, as #included")
    parser.add_argument("entries", nargs="+", metavar="NAME=path.json")
    args = parser.parse_args(argv)
    try:
        if not _NAMESPACE.fullmatch(args.namespace):
            raise EmbedError(f"--namespace must be a C++ namespace name, got {args.namespace!r}")
        if not _HEADER.fullmatch(args.header):
            raise EmbedError(f"--header must be a plain include path, got {args.header!r}")
        entries = []
        for name, path in map(parse_entry, args.entries):
            if any(name == seen for seen, _, _ in entries):
                raise EmbedError(f"{name} is given twice")
            entries.append((name, path.name, compact(path.read_text(encoding="utf-8"), args.keep_annotations)))
        text = render(entries, args.namespace, args.header)
    except (EmbedError, OSError) as error:
        print(f"embed_schemas.py: error: {error}", file=sys.stderr)
        return 1
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
