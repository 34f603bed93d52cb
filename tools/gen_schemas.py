#!/usr/bin/env python3
"""Generate the JSON Schemas in schemas/ from the AWS botocore AppFlow service model.

    python3 tools/gen_schemas.py --model <botocore>/data/appflow/2020-08-23/service-2.json --out schemas
    python3 tools/gen_schemas.py --model ... --out schemas --check

Like cfn-lint's schema updater, what to generate is a declarative table (TARGETS)
and the facts the model lacks are a declarative patch list (PATCHES); everything
else is a mechanical translation whose conventions the C++ engine relies on (see
docs/schemas.md). Standard library only: this runs on a stock Debian python3.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
ID_BASE = "https://appflow-lint.dev/schemas/"

EXIT_DIFFERENT = 1
EXIT_ERROR = 2
EXIT_SKIP = 77  # what meson (and automake) report as SKIP


@dataclass(frozen=True)
class Target:
    """One schema file: the input or output shape of one operation."""

    operation: str
    direction: str  # "input" | "output"
    file_name: str


@dataclass(frozen=True)
class ShapePatch:
    """Keys to set on a model shape before generation, with the reason."""

    shape: str
    set: dict = field(default_factory=dict)
    why: str = ""


TARGETS = (
    Target("UpdateConnectorProfile", "input", "UpdateConnectorProfile.request.schema.json"),
    Target("CreateConnectorProfile", "input", "CreateConnectorProfile.request.schema.json"),
    Target("UpdateConnectorProfile", "output", "UpdateConnectorProfile.response.schema.json"),
)

# Facts the model lacks. Keep each entry small and cite where the fact comes from,
# e.g. ShapePatch("PortNumber", {"min": 1}, why="API reference: ...").
# Credentials the model leaves unmarked: marking them sensitive only stops the
# linter from ever echoing them; it changes no verdict.
_CREDENTIAL = "a credential the model does not mark sensitive; never echo it"
PATCHES: tuple[ShapePatch, ...] = (
    ShapePatch("RefreshToken", {"sensitive": True}, why="OAuth refresh token: " + _CREDENTIAL),
    ShapePatch("AuthCode", {"sensitive": True}, why="OAuth authorization code: " + _CREDENTIAL),
    ShapePatch("ApplicationKey", {"sensitive": True}, why="Datadog application key: " + _CREDENTIAL),
    ShapePatch("ApiToken", {"sensitive": True}, why="Dynatrace API token: " + _CREDENTIAL),
    ShapePatch("Key", {"sensitive": True}, why="Infor Nexus secretAccessKey/datakey: " + _CREDENTIAL),
)


class GenerationError(Exception):
    """The model cannot be translated under our conventions; fail loudly."""


# --- documentation ------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:!?)])")  # left where a tag was
# A sentence ends at . ! or ? followed by whitespace and a capital (so "e.g. foo"
# and "v1.2" do not end one), or at the end of the text.
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?=\s+[A-Z]|$)")


def summarize(documentation: str | None) -> str:
    """Plain-text first sentence of a botocore HTML documentation string."""
    if not documentation:
        return ""
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", documentation))).strip()
    text = _SPACE_BEFORE_PUNCTUATION.sub("", text)
    match = _FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


# --- shapes -> schema nodes ---------------------------------------------------


def _copy_bounds(shape: dict, node: dict, min_key: str, max_key: str) -> None:
    if "min" in shape:
        node[min_key] = shape["min"]
    if "max" in shape:
        node[max_key] = shape["max"]


class SchemaBuilder:
    """Translates shapes into fully inlined schema nodes.

    Inlined because valijson 1.0 mis-validates `propertyNames` inside a $ref'd
    definition; the connector profile shapes form a tree, so nothing is lost, and
    a recursive shape is reported instead of looping.
    """

    def __init__(self, shapes: dict):
        self.shapes = shapes
        self.stack: list[str] = []  # shapes being translated, outermost first

    def node(self, ref: dict) -> dict:
        """The schema node for a member reference ({"shape": ..., ...})."""
        name = ref["shape"]
        shape = self._shape(name)
        if name in self.stack:
            cycle = " -> ".join(self.stack[self.stack.index(name):] + [name])
            raise GenerationError(f"recursive shape {cycle}: cannot inline it")
        self.stack.append(name)
        try:
            body = self._body(name, shape)
        finally:
            self.stack.pop()
        return {**self._annotations(name, ref, shape), **body}

    def _shape(self, name: str) -> dict:
        try:
            return self.shapes[name]
        except KeyError:
            raise GenerationError(f"shape {name} is referenced but not defined") from None

    @staticmethod
    def _annotations(name: str, ref: dict, shape: dict) -> dict:
        node: dict = {}
        description = summarize(ref.get("documentation") or shape.get("documentation"))
        if description:
            node["description"] = description
        node["x-aws-shape"] = name
        if ref.get("sensitive") or shape.get("sensitive"):
            node["x-appflow-sensitive"] = True
        return node

    def _body(self, name: str, shape: dict) -> dict:
        kind = shape.get("type")
        translate = {
            "structure": self._structure,
            "map": self._map,
            "list": self._list,
            "string": _string,
            "integer": _integer,
            "long": _integer,
            "double": _number,
            "float": _number,
            "boolean": _boolean,
        }.get(kind)
        if translate is None:
            raise GenerationError(f"shape {name} has unsupported type {kind!r}")
        return translate(name, shape)

    def _structure(self, name: str, shape: dict) -> dict:
        members = shape.get("members", {})
        required = shape.get("required", [])
        unknown = [m for m in required if m not in members]
        if unknown:
            raise GenerationError(f"shape {name} requires undefined members {unknown}")
        node: dict = {
            "type": "object",
            "properties": {member: self.node(ref) for member, ref in members.items()},
        }
        if required:
            node["required"] = list(required)
        node["additionalProperties"] = False
        return node

    def _map(self, name: str, shape: dict) -> dict:
        node = {
            "type": "object",
            "propertyNames": self.node(shape["key"]),
            "additionalProperties": self.node(shape["value"]),
        }
        _copy_bounds(shape, node, "minProperties", "maxProperties")
        return node

    def _list(self, name: str, shape: dict) -> dict:
        node = {"type": "array", "items": self.node(shape["member"])}
        _copy_bounds(shape, node, "minItems", "maxItems")
        return node


def _string(name: str, shape: dict) -> dict:
    node: dict = {"type": "string"}
    _copy_bounds(shape, node, "minLength", "maxLength")
    if "enum" in shape:
        node["enum"] = list(shape["enum"])
    if "pattern" in shape:
        # AWS matches the whole string; valijson uses an unanchored regex_search.
        node["pattern"] = f"^(?:{shape['pattern']})$"
        node["x-aws-pattern"] = shape["pattern"]
    return node


def _integer(name: str, shape: dict) -> dict:
    node = {"type": "integer"}
    _copy_bounds(shape, node, "minimum", "maximum")
    return node


def _number(name: str, shape: dict) -> dict:
    node = {"type": "number"}
    _copy_bounds(shape, node, "minimum", "maximum")
    return node


def _boolean(name: str, shape: dict) -> dict:
    return {"type": "boolean"}


# --- model -> files -----------------------------------------------------------


def apply_patches(model: dict, patches) -> dict:
    """A copy of the model with the patches applied; stale patches are errors."""
    patched = copy.deepcopy(model)
    shapes = patched["shapes"]
    for patch in patches:
        if patch.shape not in shapes:
            raise GenerationError(f"patch for unknown shape {patch.shape} ({patch.why})")
        shape = shapes[patch.shape]
        if all(shape.get(key) == value for key, value in patch.set.items()):
            raise GenerationError(
                f"patch for {patch.shape} is redundant, the model now says it: remove it")
        shape.update(patch.set)
    return patched


def target_shape(model: dict, target: Target) -> str:
    try:
        return model["operations"][target.operation][target.direction]["shape"]
    except KeyError:
        raise GenerationError(
            f"model has no {target.direction} shape for operation {target.operation}") from None


def build_schema(model: dict, target: Target) -> dict:
    direction = "request" if target.direction == "input" else "response"
    ref = {"shape": target_shape(model, target)}
    if target.direction == "input":
        # Request shapes are undocumented; the operation's own text describes them.
        ref["documentation"] = model["operations"][target.operation].get("documentation")
    header = {
        "$schema": SCHEMA_DIALECT,
        "$id": ID_BASE + target.file_name,
        "title": f"AppFlow {target.operation} {direction}",
        "$comment": f"Generated by tools/gen_schemas.py from {model['metadata']['uid']} - do not edit",
    }
    return {**header, **SchemaBuilder(model["shapes"]).node(ref)}


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def generate(model: dict, targets=TARGETS, patches=PATCHES) -> dict[str, str]:
    """File name -> file text for every target."""
    patched = apply_patches(model, patches)
    return {t.file_name: render(build_schema(patched, t)) for t in targets}


def write(outputs: dict[str, str], out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    for file_name, text in outputs.items():
        (out_dir / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {out_dir / file_name} ({len(text.encode('utf-8'))} bytes)")
    return 0


def check(outputs: dict[str, str], out_dir: Path) -> int:
    """Print a unified diff for every file that is stale; 1 if any is."""
    stale = False
    for file_name, expected in outputs.items():
        path = out_dir / file_name
        actual = path.read_text(encoding="utf-8") if path.exists() else ""
        if actual == expected:
            continue
        stale = True
        sys.stdout.writelines(difflib.unified_diff(
            actual.splitlines(keepends=True), expected.splitlines(keepends=True),
            fromfile=str(path), tofile=f"{file_name} (regenerated)"))
    if stale:
        print("schemas are out of date: rerun tools/gen_schemas.py without --check")
        return EXIT_DIFFERENT
    print(f"{len(outputs)} schemas in {out_dir} are up to date")
    return 0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, type=Path, help="botocore service-2.json")
    parser.add_argument("--out", required=True, type=Path, help="directory of the schemas")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files in --out instead of writing; exit 1 if different")
    parser.add_argument("--skip-missing-model", action="store_true",
                        help=f"exit {EXIT_SKIP} (test SKIP) instead of failing when --model does not exist")
    parser.add_argument("--no-patches", action="store_true",
                        help="generate from the model alone (for models other than AppFlow's, e.g. test fixtures)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not args.model.is_file():
        if args.skip_missing_model:
            print(f"SKIP: service model not found at {args.model}; "
                  "cannot check schemas are up to date")
            return EXIT_SKIP
        print(f"gen_schemas.py: error: service model not found at {args.model}", file=sys.stderr)
        return EXIT_ERROR
    try:
        model = json.loads(args.model.read_text(encoding="utf-8"))
        outputs = generate(model, patches=() if args.no_patches else PATCHES)
    except (GenerationError, json.JSONDecodeError) as error:
        print(f"gen_schemas.py: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    return check(outputs, args.out) if args.check else write(outputs, args.out)


if __name__ == "__main__":
    sys.exit(main())
