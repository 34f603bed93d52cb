#!/usr/bin/env python3
"""tools/embed_schemas.py: the library's copy drops the annotations, the language
server's copy (--keep-annotations) keeps them, both minified, and --namespace and
--header name what the generated source opens and includes.

    test_embed_schemas.py SOURCE_ROOT

Python 3 standard library only; writes to a scratch folder.
"""

import json
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SOURCE_ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
EMBED = SOURCE_ROOT / "tools" / "embed_schemas.py"

# A member named "description" is data, not an annotation: it must survive either way.
SCHEMA = {
    "title": "Demo request",
    "description": "A demo.",
    "type": "object",
    "properties": {
        "description": {"description": "A member called description.", "type": "string", "maxLength": 5},
        "note": {"title": "Note", "type": "string"},
    },
    "additionalProperties": False,
}


def embedded_text(source: str, name: str) -> str:
    """The JSON text of constant NAME in a generated source (its raw string pieces joined)."""
    block = re.search(rf"constexpr char {name}Data\[\] =\n(.*?);\n", source, re.S).group(1)
    return "".join(piece for _, piece in re.findall(r'R"(json\d*)\((.*?)\)\1"', block, re.S))


class EmbedSchemas(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory(prefix="embed_schemas_test.")
        self.root = Path(self.scratch.name)
        self.schema = self.root / "Demo.schema.json"
        self.schema.write_text(json.dumps(SCHEMA, indent=2), encoding="utf-8")
        self.out = self.root / "bundle.cpp"

    def tearDown(self):
        self.scratch.cleanup()

    def embed(self, *options):
        return subprocess.run([sys.executable, str(EMBED), "--out", str(self.out), *options, f"kDemo={self.schema}"],
                              capture_output=True, text=True, timeout=60)

    def test_by_default_annotations_are_dropped_and_the_library_namespace_is_used(self):
        run = self.embed()
        self.assertEqual(run.returncode, 0, run.stderr)
        source = self.out.read_text(encoding="utf-8")
        self.assertIn('#include "appflow_lint/schema_engine/schema_bundle.hpp"', source)
        self.assertIn("namespace appflow_lint::schema_bundle {", source)
        text = embedded_text(source, "kDemo")
        self.assertNotIn("\n", text)
        self.assertEqual(json.loads(text), {
            "type": "object",
            "properties": {"description": {"type": "string", "maxLength": 5}, "note": {"type": "string"}},
            "additionalProperties": False,
        })

    def test_keep_annotations_keeps_descriptions_minified_in_the_given_namespace_and_header(self):
        run = self.embed("--keep-annotations", "--namespace", "appflow_lint::server::editor_schema_bundle",
                         "--header", "server/editor_schema_bundle.hpp")
        self.assertEqual(run.returncode, 0, run.stderr)
        source = self.out.read_text(encoding="utf-8")
        self.assertIn('#include "server/editor_schema_bundle.hpp"', source)
        self.assertIn("namespace appflow_lint::server::editor_schema_bundle {", source)
        self.assertIn("}  // namespace appflow_lint::server::editor_schema_bundle", source)
        text = embedded_text(source, "kDemo")
        self.assertNotIn("\n", text)
        self.assertEqual(json.loads(text), SCHEMA)

    def test_refuses_a_namespace_or_header_that_would_not_compile(self):
        for option, value in (("--namespace", "a;b"), ("--namespace", "a::"), ("--header", 'x.hpp"\n#x')):
            with self.subTest(option=option, value=value):
                run = self.embed(option, value)
                self.assertEqual(run.returncode, 1)
                self.assertIn(option, run.stderr)
                self.assertFalse(self.out.exists())


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
