#!/usr/bin/env python3
"""Stands in for the LSP client tests when `node` is not installed, so that meson
reports them as skipped (exit status 77) instead of leaving them out."""
print("SKIPPED: the LSP client tests need Node.js (Debian: apt-get install nodejs npm), "
      "then `npm ci --prefix tests/lsp`")
raise SystemExit(77)
