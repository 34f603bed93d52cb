#!/usr/bin/env python3
"""Raw-frame robustness of `appflow-lint server` (JSON-RPC 2.0 over stdio with
Content-Length framing), against the server's interface: malformed headers, a
missing or huge Content-Length, bodies that are not JSON or not JSON-RPC,
requests before initialize and after shutdown, unknown methods, $/cancelRequest,
a 10 MB document, a client that goes away mid-frame, and a secret marker that
must never appear in anything the server writes (stdout or stderr).

Usage: test_server_protocol.py PATH/TO/appflow-lint [unittest options]
Standard library only (Debian 12 python3). Every wait has a timeout: a hang is a
failure, not a stuck test run.
"""

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

BINARY = None  # set in __main__

MARKER = "Q7ZX9KW4JP2M8TVR"  # planted in sensitive members; no 6 characters of it may be written
WAIT = float(os.environ.get("APPFLOW_LSP_WAIT_SECONDS", "30"))
MAX_BODY = 64 * 1024 * 1024

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
SERVER_NOT_INITIALIZED = -32002
REQUEST_CANCELLED = -32800

REFRESH = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrKbKxJ4lXz3QW9kmRDs7NQ1cVxaG0Hp2oLuZfYt8iEnC6jMw"


def profile(**top):
    document = {
        "connectorProfileName": "acme-salesforce-prod",
        "connectionMode": "public",
        "connectorProfileConfig": {
            "connectorProfileProperties": {
                "Salesforce": {"instanceUrl": "https://acme.my.salesforce.com", "isSandboxEnvironment": False}},
            "connectorProfileCredentials": {
                "Salesforce": {"accessToken": MARKER, "refreshToken": REFRESH}},
        },
    }
    document.update(top)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def frame(body, extra_headers=b""):
    if isinstance(body, str):
        body = body.encode("utf-8")
    elif not isinstance(body, bytes):
        body = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return extra_headers + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body


def assert_no_secret(case, data, where):
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    for i in range(len(MARKER) - 5):
        piece = MARKER[i:i + 6]
        case.assertNotIn(piece, text, f"the secret marker (its piece {piece}) appears in {where}")


class Server:
    """One `appflow-lint server` process, its output parsed into frames as it comes."""

    def __init__(self):
        self.process = subprocess.Popen([BINARY, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, bufsize=0)
        self.raw_stdout = bytearray()
        self.raw_stderr = bytearray()
        self.messages = queue.Queue()
        self.received = []          # every message, in order
        self.framing_errors = []    # what on stdout is not a well-formed frame
        self.next_id = 1000
        self._lock = threading.Lock()
        self._readers = [threading.Thread(target=self._read_stdout, daemon=True),
                         threading.Thread(target=self._read_stderr, daemon=True)]
        for reader in self._readers:
            reader.start()

    # --- reading ----------------------------------------------------------------
    def _read_stderr(self):
        while True:
            chunk = self.process.stderr.read(65536)
            if not chunk:
                return
            with self._lock:
                self.raw_stderr += chunk

    def _read_stdout(self):
        buffer = b""
        stream = self.process.stdout
        while True:
            chunk = stream.read(65536)
            if not chunk:
                if buffer:
                    self.framing_errors.append(f"{len(buffer)} bytes left at end of output: {buffer[:200]!r}")
                self.messages.put(None)
                return
            with self._lock:
                self.raw_stdout += chunk
            buffer += chunk
            while True:
                end = buffer.find(b"\r\n\r\n")
                if end < 0:
                    break
                headers = buffer[:end].split(b"\r\n")
                length = None
                for header in headers:
                    name, sep, value = header.partition(b":")
                    if not sep:
                        self.framing_errors.append(f"header line without a colon: {header!r}")
                    elif name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is None:
                    self.framing_errors.append(f"a frame without Content-Length: {buffer[:end]!r}")
                    buffer = buffer[end + 4:]
                    continue
                if len(buffer) < end + 4 + length:
                    break
                body = buffer[end + 4:end + 4 + length]
                buffer = buffer[end + 4 + length:]
                try:
                    message = json.loads(body.decode("utf-8"))
                except ValueError as error:
                    self.framing_errors.append(f"a body that is not JSON ({error}): {body[:200]!r}")
                    continue
                self.received.append(message)
                self.messages.put(message)

    def next_message(self, timeout=WAIT):
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            return "timeout"

    def wait_for(self, predicate, what, timeout=WAIT):
        """The next message satisfying predicate (others are kept in `received`)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out ({timeout} s) waiting for {what}\n{self.describe()}")
            message = self.next_message(left)
            if message == "timeout":
                continue
            if message is None:
                raise AssertionError(f"the server closed its output while waiting for {what}\n{self.describe()}")
            if isinstance(message, dict) and predicate(message):
                return message

    def response(self, id_, what=None, timeout=WAIT):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == id_ and ("result" in m or "error" in m),
                             what or f"the response to request {id_!r}", timeout)

    def error_response(self, code, id_=None, what=None, timeout=WAIT):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == id_ and
                             isinstance(m.get("error"), dict) and m["error"].get("code") == code,
                             what or f"an error {code} with id {id_!r}", timeout)

    # --- writing ----------------------------------------------------------------
    def write(self, data):
        try:
            self.process.stdin.write(data)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def send(self, message):
        message = dict(message)
        message["jsonrpc"] = "2.0"
        self.write(frame(message))

    def request(self, method, params=None, id_=None):
        if id_ is None:
            self.next_id += 1
            id_ = self.next_id
        message = {"id": id_, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return id_

    def call(self, method, params=None, timeout=WAIT):
        return self.response(self.request(method, params), f"the answer to {method}", timeout)

    def notify(self, method, params=None):
        message = {"method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def initialize(self, encodings=("utf-16",)):
        answer = self.call("initialize", {
            "processId": os.getpid(), "rootUri": None,
            "capabilities": {"general": {"positionEncodings": list(encodings)}},
            "initializationOptions": {"debounceMs": 0}})
        if "error" in answer:
            raise AssertionError(f"initialize failed: {answer}")
        self.notify("initialized", {})
        return answer["result"]

    def open(self, uri, text, version=1):
        self.notify("textDocument/didOpen",
                    {"textDocument": {"uri": uri, "languageId": "json", "version": version, "text": text}})

    def diagnostics(self, uri, version, timeout=WAIT):
        message = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                                m["params"]["uri"] == uri and m["params"].get("version") == version,
                                f"the diagnostics of {uri} version {version}", timeout)
        return message["params"]["diagnostics"]

    def alive_check(self, case, what):
        """A request the server must still answer."""
        answer = self.call("textDocument/hover", {"textDocument": {"uri": "untitled:none"},
                                                   "position": {"line": 0, "character": 0}})
        case.assertTrue("result" in answer or "error" in answer, f"{what}: {answer}")
        case.assertIsNone(self.process.poll(), f"{what}: the server exited")

    # --- ending -----------------------------------------------------------------
    def wait_exit(self, timeout=WAIT):
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return "hang"

    def close_input(self):
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        # The readers end at the dead server's end of output. Closing a stream under a
        # reader that is still running frees its descriptor for the next test's pipes,
        # where the old reader would then steal the new server's answers.
        for reader in self._readers:
            reader.join(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            try:
                stream.close()
            except OSError:
                pass

    def output(self):
        with self._lock:
            return bytes(self.raw_stdout) + b"\n" + bytes(self.raw_stderr)

    def describe(self):
        with self._lock:
            out = bytes(self.raw_stdout[-2000:]).decode("utf-8", "replace")
            err = bytes(self.raw_stderr[-2000:]).decode("utf-8", "replace")
        return (f"exit status: {self.process.poll()}\n--- stdout (last 2000 bytes)\n{out}\n"
                f"--- stderr (last 2000 bytes)\n{err}")


class ProtocolTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.servers = []

    def start(self, initialize=True, encodings=("utf-16",)):
        server = Server()
        self.servers.append(server)
        if initialize:
            server.initialize(encodings)
        return server

    def tearDown(self):
        for server in self.servers:
            server.stop()
            assert_no_secret(self, server.output(), f"what the server wrote in {self.id()}")
            self.assertEqual(server.framing_errors, [], f"malformed output frames\n{server.describe()}")
            stderr = bytes(server.raw_stderr).decode("utf-8", "replace")
            for bad in ("AddressSanitizer", "runtime error:", "ThreadSanitizer", "internal error"):
                self.assertNotIn(bad, stderr, server.describe())

    def shutdown_exit(self, server, what):
        answer = server.call("shutdown")
        self.assertEqual(answer.get("result", "missing"), None, f"{what}: shutdown answers null: {answer}")
        server.notify("exit")
        self.assertEqual(server.wait_exit(), 0, f"{what}: exit after shutdown\n{server.describe()}")

    def assert_error(self, message, code, id_values=(None,)):
        self.assertIn(message.get("id", "missing"), id_values, message)
        self.assertEqual(message["error"]["code"], code, message)
        self.assertIsInstance(message["error"].get("message"), str, message)
        self.assertNotIn("result", message, message)

    # --- headers ----------------------------------------------------------------
    def test_malformed_headers_answer_parse_error_and_are_skipped(self):
        cases = {
            "no Content-Length": b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
            "Content-Length not a number": b"Content-Length: twelve\r\n\r\n",
            "Content-Length empty": b"Content-Length: \r\n\r\n",
            "negative Content-Length": b"Content-Length: -5\r\n\r\n",
            "a header line without a colon": b"this is not a header\r\n\r\n",
        }
        for name, data in cases.items():
            with self.subTest(name):
                server = self.start()
                server.write(data)
                message = server.error_response(PARSE_ERROR, None, f"-32700 for {name}")
                self.assert_error(message, PARSE_ERROR)
                server.alive_check(self, f"after {name}")
                self.shutdown_exit(server, name)

    def test_content_type_header_and_multibyte_body(self):
        server = self.start()
        text = profile(connectorProfileName="日本-😀-prod")
        body = json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "untitled:mb", "languageId": "json", "version": 1, "text": text}}}, ensure_ascii=False)
        server.write(frame(body, b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"))
        diagnostics = server.diagnostics("untitled:mb", 1)
        self.assertIn("schema.pattern", [d["code"] for d in diagnostics])
        # The name's range in UTF-16: line 1, after `  "connectorProfileName": `.
        line = text.split("\n")[1]
        start = line.index('"日本')
        value = '"日本-😀-prod"'
        want = {"start": {"line": 1, "character": len(line[:start].encode("utf-16-le")) // 2},
                "end": {"line": 1, "character": len((line[:start] + value).encode("utf-16-le")) // 2}}
        self.assertIn(want, [d["range"] for d in diagnostics if d["code"] == "schema.pattern"])
        self.shutdown_exit(server, "multi-byte body")

    def test_huge_content_length(self):
        # Over 64 MiB: -32700, and its body (which the server must not need to hold) is skipped.
        server = self.start()
        length = MAX_BODY + 1
        hwm_before = vm_hwm(server.process.pid)
        server.write(b"Content-Length: " + str(length).encode() + b"\r\n\r\n")
        chunk = b" " * (1 << 20)
        sent = 0
        while sent + len(chunk) <= length:
            server.write(chunk)
            sent += len(chunk)
        server.write(b" " * (length - sent))
        message = server.error_response(PARSE_ERROR, None, "-32700 for a body over 64 MiB", timeout=WAIT * 2)
        self.assert_error(message, PARSE_ERROR)
        server.alive_check(self, "after the skipped body")
        hwm_after = vm_hwm(server.process.pid)
        if hwm_before and hwm_after and not os.environ.get("ASAN_OPTIONS"):
            self.assertLess(hwm_after - hwm_before, 48 << 20, "the skipped body was held in memory")
        self.shutdown_exit(server, "huge Content-Length")

        # A length no integer type holds: -32700, and the server neither crashes nor hangs.
        server = self.start()
        server.write(b"Content-Length: 123456789012345678901234567890\r\n\r\n")
        self.assert_error(server.error_response(PARSE_ERROR, None, "-32700 for an overflowing length"), PARSE_ERROR)
        server.close_input()
        self.assertEqual(server.wait_exit(), 1, f"end of input, no shutdown\n{server.describe()}")

    # --- bodies -----------------------------------------------------------------
    def test_body_not_json(self):
        server = self.start()
        for body in (b"{", b"hello", b'{"jsonrpc": "2.0", "id": 1, "method": "x",}', b"\xff\xfe{}",
                     ('{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"accessToken":"%s"' % MARKER).encode()):
            with self.subTest(body=body[:30]):
                server.write(frame(body))
                self.assert_error(server.error_response(PARSE_ERROR, None, f"-32700 for {body[:30]!r}"), PARSE_ERROR)
        server.alive_check(self, "after bodies that are not JSON")
        self.shutdown_exit(server, "not JSON")

    def test_json_that_is_not_json_rpc(self):
        server = self.start()
        cases = [
            ("an array (no batches in LSP)", [1, 2, 3], (None,)),
            ("a number", 42, (None,)),
            ("a string", "initialize", (None,)),
            ("null", None, (None,)),
            ("an object with neither method nor id", {"jsonrpc": "2.0", "params": {}}, (None,)),
            ("a wrong jsonrpc version", {"jsonrpc": "1.0", "id": 5, "method": "textDocument/hover"}, (None, 5)),
            ("no jsonrpc member", {"id": 6, "method": "textDocument/hover"}, (None, 6)),
            ("a method that is not a string", {"jsonrpc": "2.0", "id": 7, "method": 5}, (None, 7)),
            ("an id that is an object", {"jsonrpc": "2.0", "id": {"a": 1}, "method": "textDocument/hover"}, (None,)),
            ("params that are a string", {"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": "x"}, (None, 9)),
        ]
        for name, message, ids in cases:
            with self.subTest(name):
                server.write(frame(json.dumps(message)))
                answer = server.wait_for(lambda m, ids=ids: "method" not in m and m.get("id", "missing") in ids and
                                         "error" in m, f"an error for {name}")
                if name == "params that are a string":
                    # Invalid params (-32602) is as right as an invalid request here.
                    self.assertIn(answer["error"]["code"], (INVALID_REQUEST, -32602), answer)
                else:
                    self.assert_error(answer, INVALID_REQUEST, ids)
        server.alive_check(self, "after messages that are not JSON-RPC")
        self.shutdown_exit(server, "not JSON-RPC")

    # --- lifecycle --------------------------------------------------------------
    def test_before_initialize(self):
        server = self.start(initialize=False)
        id_ = server.request("textDocument/hover", {"textDocument": {"uri": "untitled:a"},
                                                     "position": {"line": 0, "character": 0}})
        self.assert_error(server.response(id_), SERVER_NOT_INITIALIZED, (id_,))
        id_ = server.request("shutdown")
        self.assert_error(server.response(id_), SERVER_NOT_INITIALIZED, (id_,))
        # A notification before initialize is dropped: this document was never opened.
        server.open("untitled:early", profile())
        server.initialize()
        server.open("untitled:late", profile())
        server.diagnostics("untitled:late", 1)
        early = [m for m in server.received if m.get("method") == "textDocument/publishDiagnostics" and
                 m["params"]["uri"] == "untitled:early" and m["params"]["diagnostics"]]
        self.assertEqual(early, [], "a didOpen before initialize was acted on")
        self.shutdown_exit(server, "before initialize")

        # exit before initialize still exits (1: no shutdown).
        server = self.start(initialize=False)
        server.notify("exit")
        self.assertEqual(server.wait_exit(), 1, server.describe())

    def test_unknown_method(self):
        server = self.start()
        for method in ("appflow/doesNotExist", "textDocument/semanticTokens/full", "$/unknownRequest"):
            with self.subTest(method):
                id_ = server.request(method, {"secret": MARKER})
                self.assert_error(server.response(id_), METHOD_NOT_FOUND, (id_,))
        # Unknown notifications: ignored, no answer.
        server.notify("$/setTrace", {"value": "off"})
        server.notify("appflow/somethingElse", {"accessToken": MARKER})
        server.alive_check(self, "after unknown notifications")
        answers_to_notifications = [m for m in server.received if "method" not in m and m.get("id") is None]
        self.assertEqual(answers_to_notifications, [], "a notification was answered")
        self.shutdown_exit(server, "unknown methods")

    def test_cancel_request(self):
        server = self.start()
        # A big document, so that the requests queued behind its lint are still unanswered
        # when their $/cancelRequest arrives (each pair is written at once).
        big = big_profile(2 * 1024 * 1024)
        server.open("untitled:big", big)
        # Cancellation is a race the server may lose (the LSP makes it a hint), so a busy
        # machine can answer some requests first: try up to 20 times, stop at the first win.
        cancelled = 0
        attempts = 0
        for attempt in range(20):
            attempts += 1
            server.notify("textDocument/didChange", {"textDocument": {"uri": "untitled:big", "version": attempt + 2},
                                                     "contentChanges": [{"text": big.replace("acme", f"acm{attempt}", 1)}]})
            id_ = 5000 + attempt
            data = frame({"jsonrpc": "2.0", "id": id_, "method": "textDocument/completion",
                          "params": {"textDocument": {"uri": "untitled:big"}, "position": {"line": 1, "character": 3}}})
            data += frame({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": id_}})
            server.write(data)
            answer = server.response(id_, timeout=WAIT * 2)
            if "error" in answer:
                self.assertEqual(answer["error"]["code"], REQUEST_CANCELLED, answer)
                cancelled += 1
                break
            self.assertIn("result", answer)
        self.assertGreater(cancelled, 0, "no request answered -32800, though each was cancelled right after it was sent")
        # Each request answered exactly once.
        ids = [m.get("id") for m in server.received if "method" not in m and isinstance(m.get("id"), int)]
        self.assertEqual(sorted(i for i in ids if 5000 <= i < 5020), list(range(5000, 5000 + attempts)), "one answer each")
        # Cancelling what is already answered, or was never asked: nothing happens.
        server.notify("$/cancelRequest", {"id": 5000})
        server.notify("$/cancelRequest", {"id": "never-sent"})
        server.alive_check(self, "after stale cancels")
        self.shutdown_exit(server, "cancel")

    def test_after_shutdown(self):
        server = self.start()
        self.assertIsNone(server.call("shutdown")["result"])
        for method in ("textDocument/hover", "shutdown", "initialize", "appflow/doesNotExist"):
            with self.subTest(method):
                id_ = server.request(method, {"textDocument": {"uri": "untitled:a"}, "position": {"line": 0, "character": 0}})
                self.assert_error(server.response(id_), INVALID_REQUEST, (id_,))
        server.open("untitled:after", profile())  # ignored
        server.notify("exit")
        self.assertEqual(server.wait_exit(), 0, server.describe())

    def test_exit_statuses(self):
        server = self.start()
        server.notify("exit")
        self.assertEqual(server.wait_exit(), 1, "exit without shutdown")
        server = self.start()
        self.shutdown_exit(server, "shutdown then exit")

    # --- size -------------------------------------------------------------------
    def test_ten_megabyte_document(self):
        server = self.start()
        text = big_profile(10 * 1024 * 1024)
        started = time.monotonic()
        server.open("untitled:ten", text)
        diagnostics = server.diagnostics("untitled:ten", 1, timeout=max(WAIT, 120))
        seconds = time.monotonic() - started
        self.assertLess(seconds, 120, "10 MB took too long")
        codes = [d["code"] for d in diagnostics]
        self.assertIn("schema.enum", codes)
        # The fault after the long line: its UTF-16 column counts the astral characters twice.
        lines = text.split("\n")
        row = next(i for i, line in enumerate(lines) if '"connectionMode"' in line)
        line = lines[row]
        start = line.index('"public"')
        want = {"start": {"line": row, "character": len(line[:start].encode("utf-16-le")) // 2},
                "end": {"line": row, "character": len(line[:start + 8].encode("utf-16-le")) // 2}}
        self.assertIn(want, [d["range"] for d in diagnostics if d["code"] == "schema.enum"])
        # A small change at the end of the long line: relinted within the bound too.
        change = {"range": want, "text": '"Public"'}
        server.notify("textDocument/didChange", {"textDocument": {"uri": "untitled:ten", "version": 2},
                                                 "contentChanges": [change]})
        diagnostics = server.diagnostics("untitled:ten", 2, timeout=max(WAIT, 120))
        self.assertNotIn("schema.enum", [d["code"] for d in diagnostics])
        answer = server.call("textDocument/hover", {"textDocument": {"uri": "untitled:ten"}, "position": want["start"]},
                             timeout=max(WAIT, 120))
        self.assertIn("result", answer)
        self.shutdown_exit(server, "10 MB")

    # --- the client goes away -----------------------------------------------------
    def test_stdin_closed_mid_frame(self):
        cuts = {
            "mid-header": b"Content-Len",
            "after the header": b"Content-Length: 100\r\n\r\n",
            "mid-body": b'Content-Length: 100\r\n\r\n{"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"accessToken": "'
                        + MARKER.encode(),
            "between frames": b"",
        }
        for name, data in cuts.items():
            for after_shutdown in (False, True):
                with self.subTest(name, after_shutdown=after_shutdown):
                    server = self.start()
                    server.open("untitled:x", profile())
                    if after_shutdown:
                        self.assertIsNone(server.call("shutdown")["result"])
                    server.write(data)
                    server.close_input()
                    status = server.wait_exit(timeout=20)
                    self.assertEqual(status, 0 if after_shutdown else 1,
                                     f"end of input {name}: exit status (\"hang\" = still running)\n{server.describe()}")

    def test_secret_in_every_kind_of_message(self):
        """The marker, in documents, bad bodies and unknown requests: never written back."""
        server = self.start()
        text = profile()
        server.open("untitled:s", text)
        server.diagnostics("untitled:s", 1)
        lines = text.split("\n")
        row = next(i for i, line in enumerate(lines) if MARKER in line)
        for character in range(len(lines[row]) + 1):
            server.call("textDocument/hover", {"textDocument": {"uri": "untitled:s"},
                                                "position": {"line": row, "character": character}})
            server.call("textDocument/completion", {"textDocument": {"uri": "untitled:s"},
                                                     "position": {"line": row, "character": character}})
        whole = {"start": {"line": 0, "character": 0}, "end": {"line": len(lines) - 1, "character": 0}}
        server.call("textDocument/codeAction", {"textDocument": {"uri": "untitled:s"}, "range": whole,
                                                 "context": {"diagnostics": []}})
        # A broken document: after a syntax error every string is masked.
        broken = text.replace('"connectionMode"', '"connectionMode",,', 1)
        server.notify("textDocument/didChange", {"textDocument": {"uri": "untitled:s", "version": 2},
                                                 "contentChanges": [{"text": broken}]})
        server.diagnostics("untitled:s", 2)
        # Misspelt and misplaced secrets.
        misplaced = text.replace('"accessToken"', '"access_token"').replace(
            '"instanceUrl"', f'"password": "{MARKER}", "instanceUrl"')
        server.notify("textDocument/didChange", {"textDocument": {"uri": "untitled:s", "version": 3},
                                                 "contentChanges": [{"text": misplaced}]})
        server.diagnostics("untitled:s", 3)
        server.write(frame('{"jsonrpc":"2.0","id":77,"method":"x","params":{"k":"%s"' % MARKER))
        server.error_response(PARSE_ERROR, None)
        server.write(frame(json.dumps({"jsonrpc": "2.0", "id": [MARKER], "method": "x"})))
        server.wait_for(lambda m: "error" in m and "method" not in m, "an error for an array id")
        self.shutdown_exit(server, "secrets")
        assert_no_secret(self, server.output(), "stdout/stderr")


def big_profile(size):
    """A connector profile about `size` bytes long: one very long line of non-ASCII and
    astral characters (in a member no rule reads as a secret), then a fault after it on
    the same line."""
    unit = "é😀ü日本-"
    filler = (unit * (size // len(unit.encode("utf-8")) + 1))
    document = (
        '{\n  "connectorProfileName": "acme-salesforce-prod",\n'
        '  "connectorProfileConfig": {"connectorProfileProperties": {"Salesforce": {"instanceUrl": "https://acme.my.salesforce.com"}}},\n'
        f'  "clientToken": "{filler}", "connectionMode": "public"\n'
        '}\n')
    return document


def vm_hwm(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test_server_protocol.py PATH/TO/appflow-lint [unittest options]")
    BINARY = sys.argv.pop(1)
    os.chdir(tempfile.gettempdir())
    unittest.main()
