#!/usr/bin/env python3
"""Stands in for a test written for Node when `node` is not installed, so that meson
reports it as skipped (exit status 77) instead of leaving it out.

    skip_without_node.py "WHAT IT NEEDS"
"""
import sys

needs = sys.argv[1] if len(sys.argv) > 1 else "`npm ci --prefix tests/lsp`"
print(f"SKIPPED: this test needs Node.js (Debian: apt-get install nodejs npm), then {needs}")
raise SystemExit(77)
