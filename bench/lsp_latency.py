#!/usr/bin/env python3
"""Latency of `appflow-lint server`: from a change to its diagnostics.

    python3 bench/lsp_latency.py --cli build-rel/cli/appflow-lint [--changes 400]

Opens one pretty-printed ~2 KB UpdateConnectorProfile request (a custom connector with
OAuth and twenty profile properties, one fault) and sends `--changes` didChange
notifications, each editing one value, waiting each time for the publishDiagnostics
of that version. Interleaved with them, the same number of round trips of a request
the server answers at once (an unknown method: the JSON-RPC error comes straight
back), which is the floor of this measurement: pipes, framing and the Python client.
Prints the medians and the 95th percentiles of both, and their ratio. Standard library
only; a benchmark, not a test: docs/benchmarks.md records its figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time


def profile(value: str) -> str:
    properties = {f"setting{i:02d}": f"value-{i:02d}-for-the-connector" for i in range(20)}
    request = {
        "connectorProfileName": "custom-profile",
        "connectionMode": "Public",
        "connectorProfileConfig": {
            "connectorProfileProperties": {
                "CustomConnector": {
                    "profileProperties": properties,
                    "oAuth2Properties": {
                        "tokenUrl": "https://login.acme-sso.net/oauth2/token",
                        "oAuth2GrantType": "CLIENT_CREDENTIALS",
                        "tokenUrlCustomProperties": {"audience": "crm"},
                    },
                }
            },
            "connectorProfileCredentials": {
                "CustomConnector": {
                    "authenticationType": "OAUTH2",
                    "oauth2": {
                        "clientId": "3MVG9cLient1d7ok",
                        "clientSecret": "Zq8hV2mW4pX9rT6yB1nK",
                        "oAuthRequest": {"authCode": "code-4f1d", "redirectUri": "https://app.acme-crm.net/cb"},
                    },
                    "custom": {"customAuthenticationType": value, "credentialsMap": {"apiKey": "k-8e2f9a7c"}},
                }
            },
        },
    }
    return json.dumps(request, indent=2)


class Client:
    def __init__(self, cli: str) -> None:
        self.process = subprocess.Popen([cli, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        length = 0
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params: dict) -> dict:
        request_id = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == request_id:
                return message

    def notify(self, method: str, params: dict) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri: str, version: int) -> list:
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri:
                if params.get("version") == version:
                    return params["diagnostics"]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--changes", type=int, default=400)
    args = parser.parse_args()

    client = Client(args.cli)
    client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    uri = "untitled:bench-profile.json"
    text = profile("CUSTOM")
    client.notify("textDocument/didOpen",
                  {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}})
    first = client.diagnostics(uri, 1)
    # The edited value sits on one line; each change rewrites it (same length), so that
    # every lint sees a different text of the same size.
    line_number = next(i for i, line in enumerate(text.splitlines()) if '"customAuthenticationType"' in line)
    line = text.splitlines()[line_number]
    start = line.index('"CUSTOM"') + 1
    change_times: list[float] = []
    floor_times: list[float] = []
    for version in range(2, args.changes + 2):
        value = f"C{version % 100000:05d}"
        began = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line_number, "character": start},
                                          "end": {"line": line_number, "character": start + 6}},
                                "text": value[:6]}]})
        client.diagnostics(uri, version)
        change_times.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        client.request("appflow-lint/ping", {})
        floor_times.append((time.perf_counter() - began) * 1000)
    client.request("shutdown", None)
    client.notify("exit", None)
    client.process.wait(timeout=10)

    change_median = statistics.median(change_times)
    floor_median = statistics.median(floor_times)
    print(f"document: {len(text.encode())} bytes, {len(first)} diagnostic(s) on open; {args.changes} changes")
    print(f"{'':34} {'median ms':>10} {'p95 ms':>8}")
    print(f"{'change -> publishDiagnostics':34} {change_median:10.3f} {percentile(change_times, 0.95):8.3f}")
    print(f"{'request -> reply (the floor)':34} {floor_median:10.3f} {percentile(floor_times, 0.95):8.3f}")
    print(f"change / floor: {change_median / floor_median:.2f}x; goal: change <= 5 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
