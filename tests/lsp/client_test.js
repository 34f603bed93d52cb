#!/usr/bin/env node
'use strict';
// Drives `appflow-lint server` through a real LSP client library
// (vscode-languageserver-protocol over stdio) against the server's interface:
// position encodings, open/change/close, diagnostic ranges on documents with
// multi-byte and astral characters, quick fixes applied here and relinted,
// fix-all, the "turn off RULE for this file" command, hover, completion,
// malformed input, secrets, shutdown and exit.
//
// Usage: node client_test.js PATH/TO/appflow-lint [NAME-SUBSTRING...]
// Exit status: 0 all passed, 1 a failure, 77 (meson's skip) when the client
// library is not installed (`npm ci --prefix tests/lsp`).
//
// Expectations are computed here, independently of the server: ranges from the
// text itself (JS strings are UTF-16; code points and UTF-8 bytes counted by
// hand), diagnostics from the CLI (`appflow-lint --format json`, whose columns
// are code points), members from the generated JSON Schemas in schemas/.
// CommonJS, Node 18 or later, no other dependency.

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const url = require('node:url');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');

if (Number(process.versions.node.split('.')[0]) < 18) {
  console.log(`SKIPPED: Node ${process.versions.node} is older than 18, which these tests are written for`);
  process.exit(77);
}

let lsp;
try {
  lsp = require('vscode-languageserver-protocol/node');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    console.log('SKIPPED: the LSP client library is not installed in tests/lsp/node_modules; ' +
                'run `npm ci --prefix tests/lsp` (needs Node and npm) to run these tests');
    process.exit(77);
  }
  throw error;
}

const BINARY = process.argv[2];
const ONLY = process.argv.slice(3);
if (!BINARY) {
  console.error('usage: client_test.js PATH/TO/appflow-lint [NAME-SUBSTRING...]');
  process.exit(2);
}

// Seconds to wait for one answer or notification. Generous: the suite also runs
// under the sanitizers on a loaded 2-core machine.
const WAIT_MS = Number(process.env.APPFLOW_LSP_WAIT_MS || 30000);
const DEFAULT_DOCS = 'https://github.com/appflow-lint/appflow-lint/blob/main/docs/rules/';
const SOURCE = 'appflow-lint';
const FIX_ALL = 'source.fixAll.appflow-lint';
const DISABLE = 'appflow-lint.disableRuleForFile';
const ENCODINGS = ['utf-8', 'utf-16', 'utf-32'];
const SEVERITY = {error: 1, warning: 2, info: 3};

// A secret planted in sensitive members: no part of it may ever leave the server.
const MARKER = 'Q7ZX9KW4JP2M8TVR';
const REFRESH = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrKbKxJ4lXz3QW9kmRDs7NQ1cVxaG0Hp2oLuZfYt8iEnC6jMw';

const UPDATE_SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'UpdateConnectorProfile.request.schema.json'), 'utf8'));
const CREATE_SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'CreateConnectorProfile.request.schema.json'), 'utf8'));

// ---------------------------------------------------------------------------
// Positions: JS string index <-> LSP position in an encoding.

function lineStarts(text) {
  // LSP line ends: \n, \r\n and \r.
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineEnd(text, start) {
  let i = start;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function units(slice, encoding) {
  if (encoding === 'utf-16') return slice.length;
  if (encoding === 'utf-32') return Array.from(slice).length;
  if (encoding === 'utf-8') return Buffer.byteLength(slice, 'utf8');
  throw new Error(`unknown encoding ${encoding}`);
}

function indexToPosition(text, index, encoding) {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= index) line++;
  return {line, character: units(text.slice(starts[line], index), encoding)};
}

function positionToIndex(text, position, encoding) {
  const starts = lineStarts(text);
  assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < starts.length,
            `position ${JSON.stringify(position)} is past the last line (${starts.length} lines)`);
  const start = starts[position.line];
  const end = lineEnd(text, start);
  let index = start;
  let count = 0;
  while (count < position.character) {
    assert.ok(index < end, `position ${JSON.stringify(position)} is past the end of its line (${encoding})`);
    const cp = text.codePointAt(index);
    const width = cp > 0xffff ? 2 : 1;
    count += units(text.slice(index, index + width), encoding);
    index += width;
  }
  assert.equal(count, position.character,
               `position ${JSON.stringify(position)} falls inside a character (${encoding})`);
  return index;
}

function rangeOfIndices(text, start, end, encoding) {
  return {start: indexToPosition(text, start, encoding), end: indexToPosition(text, end, encoding)};
}

function rangeOf(text, needle, encoding, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture: ${JSON.stringify(needle)} not found (occurrence ${occurrence})`);
  }
  return rangeOfIndices(text, at, at + needle.length, encoding);
}

// A range as a string that does not depend on the order of members in the JSON.
function rangeKey(r) {
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : String(r);
}

function rangeIndices(text, range, encoding) {
  return [positionToIndex(text, range.start, encoding), positionToIndex(text, range.end, encoding)];
}

function applyEdits(text, edits, encoding) {
  const spans = edits.map((edit) => {
    const [start, end] = rangeIndices(text, edit.range, encoding);
    assert.ok(start <= end, `edit range is backwards: ${JSON.stringify(edit.range)}`);
    return {start, end, newText: edit.newText};
  });
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++)
    assert.ok(spans[i].end <= spans[i - 1].start, `edits overlap: ${JSON.stringify(edits)}`);
  let result = text;
  for (const span of spans) result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  return result;
}

// ---------------------------------------------------------------------------
// The CLI as the independent oracle for what a text's diagnostics are.

// The CLI's range (1-based lines split at \n, 1-based code-point columns) as a JS index.
function cliPointToIndex(text, point) {
  let start = 0;
  for (let line = 1; line < point.line; line++) {
    start = text.indexOf('\n', start) + 1;
    assert.ok(start > 0, `CLI line ${point.line} past the end`);
  }
  let index = start;
  for (let column = 1; column < point.column; column++) {
    const cp = text.codePointAt(index);
    index += cp > 0xffff ? 2 : 1;
  }
  return index;
}

function cliLint(text, filePath, extraArgs = []) {
  const result = childProcess.spawnSync(BINARY, ['--format', 'json', ...extraArgs, '--stdin-filename', filePath, '-'], {
    input: Buffer.from(text, 'utf8'), cwd: path.dirname(filePath), timeout: 60000, maxBuffer: 64 << 20,
  });
  assert.ok(result.status === 0 || result.status === 1,
            `CLI failed (${result.status}): ${result.stderr && result.stderr.toString()}`);
  const report = JSON.parse(result.stdout.toString('utf8'));
  return report.files.length ? report.files[0].diagnostics : [];
}

// What the server should publish for `text`, in `encoding`, by the CLI.
function expectedDiagnostics(text, filePath, encoding, extraArgs = []) {
  return cliLint(text, filePath, extraArgs).map((d) => ({
    code: d.rule,
    severity: SEVERITY[d.severity],
    message: d.message,
    range: rangeOfIndices(text, cliPointToIndex(text, d.range.start), cliPointToIndex(text, d.range.end), encoding),
  }));
}

function cliFix(text, filePath) {
  const result = childProcess.spawnSync(BINARY, ['--fix', '--format', 'json', '--stdin-filename', filePath, '-'], {
    input: Buffer.from(text, 'utf8'), cwd: path.dirname(filePath), timeout: 60000, maxBuffer: 64 << 20,
  });
  assert.ok(result.status === 0 || result.status === 1, `CLI --fix failed (${result.status}): ${result.stderr}`);
  return result.stdout.toString('utf8');
}

function summary(diagnostics) {
  return diagnostics
    .map((d) => ({code: d.code, severity: d.severity, message: d.message, range: d.range}))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character ||
                    a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character ||
                    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : 1));
}

function assertSameDiagnostics(actual, expected, what) {
  assert.deepEqual(summary(actual), summary(expected), `${what}: the server's diagnostics differ from the CLI's`);
}

// ---------------------------------------------------------------------------
// One server process and its client connection.

class Session {
  static async start(options = {}) {
    const session = new Session(options);
    await session.initialize();
    return session;
  }

  constructor(options) {
    this.options = options;
    this.stdout = [];
    this.stderr = [];
    this.published = [];          // every publishDiagnostics, in order
    this.lastVersion = new Map(); // uri -> the newest version published
    this.staleness = [];          // publishes of an older version after a newer one
    this.registrations = [];
    this.logged = [];             // window/logMessage and showMessage
    this.waiters = [];
    this.exitStatus = undefined;
    this.exited = new Promise((resolve) => {
      this.resolveExit = resolve;
    });

    this.child = childProcess.spawn(BINARY, ['server'], {stdio: ['pipe', 'pipe', 'pipe']});
    this.child.on('exit', (code, signal) => {
      this.exitStatus = code === null ? `signal ${signal}` : code;
      this.resolveExit(this.exitStatus);
    });
    this.child.stdin.on('error', () => {});  // the server may be gone when we write
    this.child.stdout.on('data', (chunk) => this.stdout.push(chunk));
    this.child.stderr.on('data', (chunk) => this.stderr.push(chunk));

    const logger = {error: (m) => this.logged.push(`client error: ${m}`), warn: () => {}, info: () => {}, log: () => {}};
    this.connection = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(this.child.stdout), new lsp.StreamMessageWriter(this.child.stdin), logger);
    this.connection.onError(() => {});
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => this.onPublish(params));
    this.connection.onNotification('window/logMessage', (params) => this.logged.push(params.message));
    this.connection.onNotification('window/showMessage', (params) => this.logged.push(params.message));
    this.connection.onRequest('client/registerCapability', (params) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({applied: false}));
    this.connection.listen();
    this.docs = new Map();
  }

  async initialize() {
    const o = this.options;
    const general = {};
    if (o.encodings !== undefined) general.positionEncodings = o.encodings;
    const params = {
      processId: process.pid,
      clientInfo: {name: 'appflow-lint-client-test', version: '1'},
      rootUri: o.root ? url.pathToFileURL(o.root).href : null,
      capabilities: {
        general,
        workspace: {
          workspaceFolders: true,
          didChangeWatchedFiles: {dynamicRegistration: o.watch !== false},
          executeCommand: {dynamicRegistration: false},
        },
        textDocument: {
          synchronization: {dynamicRegistration: false, didSave: false},
          publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true},
          codeAction: {
            codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source', 'source.fixAll']}},
            isPreferredSupport: true, dataSupport: true,
          },
          hover: {contentFormat: ['markdown', 'plaintext']},
          completion: {completionItem: {snippetSupport: false, documentationFormat: ['markdown', 'plaintext']}},
        },
      },
      workspaceFolders: o.root ? [{uri: url.pathToFileURL(o.root).href, name: path.basename(o.root)}] : null,
    };
    if (o.initializationOptions !== undefined) params.initializationOptions = o.initializationOptions;
    this.initializeResult = await this.request('initialize', params);
    this.encoding = this.initializeResult.capabilities.positionEncoding;
    await this.connection.sendNotification('initialized', {});
  }

  onPublish(params) {
    this.published.push(params);
    if (params.version !== undefined && params.version !== null) {
      const last = this.lastVersion.get(params.uri);
      if (last !== undefined && params.version < last)
        this.staleness.push(`${params.uri}: version ${params.version} published after version ${last}`);
      this.lastVersion.set(params.uri, params.version);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  output() {
    return Buffer.concat(this.stdout).toString('utf8') + '\n' + Buffer.concat(this.stderr).toString('utf8');
  }

  stderrText() {
    return Buffer.concat(this.stderr).toString('utf8');
  }

  describe() {
    const recent = this.published.slice(-4).map((p) => JSON.stringify(p).slice(0, 600)).join('\n  ');
    return `\n  server exit status: ${this.exitStatus}\n  recent publishDiagnostics:\n  ${recent}\n` +
           `  stderr (last 1500 chars): ${this.stderrText().slice(-1500)}`;
  }

  async request(method, params, waitMs = WAIT_MS) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${waitMs} ms${this.describe()}`)), waitMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  // The first publish for `uri` at index >= since that satisfies `predicate`.
  waitPublish(uri, predicate, since = 0, what = 'publishDiagnostics') {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = since; i < this.published.length; i++) {
          const p = this.published[i];
          if (p.uri === uri && predicate(p)) {
            done();
            resolve(p);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what} of ${uri}${this.describe()}`));
      }, WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
      };
      if (!check()) this.waiters.push(check);
    });
  }

  async open(uri, text, languageId = 'json') {
    const doc = {uri, text, version: 1};
    this.docs.set(uri, doc);
    await this.notify('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}});
    return doc;
  }

  // Sends content changes (already in the negotiated encoding) and the text they give.
  async sendChanges(doc, contentChanges, newText) {
    doc.version += 1;
    doc.text = newText;
    await this.notify('textDocument/didChange', {textDocument: {uri: doc.uri, version: doc.version}, contentChanges});
    return doc.version;
  }

  // Replaces the text with `newText` by one incremental change (the span that differs).
  async change(doc, newText) {
    const old = doc.text;
    let prefix = 0;
    while (prefix < old.length && prefix < newText.length && old[prefix] === newText[prefix]) prefix++;
    // do not split a surrogate pair or a CRLF
    while (prefix > 0 && /[\uDC00-\uDFFF\n]/.test(old[prefix] || '')) prefix--;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < newText.length - prefix &&
           old[old.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
    while (suffix > 0 && /[\uD800-\uDBFF\r]/.test(old[old.length - suffix - 1] || '')) suffix--;
    const range = rangeOfIndices(old, prefix, old.length - suffix, this.encoding);
    return this.sendChanges(doc, [{range, text: newText.slice(prefix, newText.length - suffix)}], newText);
  }

  // Applies TextEdits (in the negotiated encoding) here and sends them as the change.
  async applyAndSend(doc, edits) {
    const newText = applyEdits(doc.text, edits, this.encoding);
    // Sent last-first, so that each range is still valid when its turn comes.
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line ||
                                              b.range.start.character - a.range.start.character);
    await this.sendChanges(doc, ordered.map((e) => ({range: e.range, text: e.newText})), newText);
    return newText;
  }

  async diagnostics(doc, version = doc.version) {
    const p = await this.waitPublish(doc.uri, (q) => q.version === version, 0, `diagnostics of version ${version}`);
    return p.diagnostics;
  }

  async close(doc) {
    const since = this.published.length;
    await this.notify('textDocument/didClose', {textDocument: {uri: doc.uri}});
    this.docs.delete(doc.uri);
    return this.waitPublish(doc.uri, (p) => p.diagnostics.length === 0, since, 'the empty publish after didClose');
  }

  codeActions(doc, range, diagnostics, only) {
    const context = {diagnostics, triggerKind: 1};
    if (only) context.only = only;
    return this.request('textDocument/codeAction', {textDocument: {uri: doc.uri}, range, context});
  }

  hover(doc, position) {
    return this.request('textDocument/hover', {textDocument: {uri: doc.uri}, position});
  }

  completion(doc, position) {
    return this.request('textDocument/completion', {textDocument: {uri: doc.uri}, position, context: {triggerKind: 1}});
  }

  async waitExit(ms = WAIT_MS) {
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('hang'), ms);
    });
    const status = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    return status;
  }

  async shutdownAndExit() {
    const result = await this.request('shutdown', null);
    assert.equal(result, null, 'shutdown answers null');
    await this.notify('exit');
    const status = await this.waitExit();
    this.connection.dispose();
    return status;
  }

  // Ends the session: checks that nothing leaked, then stops the process.
  async finish({expectExit = 0} = {}) {
    try {
      assertNoSecret(this.output(), 'server stdout/stderr');
      assert.deepEqual(this.staleness, [], 'a stale publish came after a newer one');
      const status = await this.shutdownAndExit();
      assert.equal(status, expectExit, `exit status after shutdown + exit${this.describe()}`);
      assertNoSecret(this.output(), 'server stdout/stderr');
      assert.ok(!/internal error|AddressSanitizer|runtime error/.test(this.stderrText()), `stderr: ${this.stderrText()}`);
    } finally {
      this.kill();
    }
  }

  kill() {
    if (this.exitStatus === undefined) this.child.kill('SIGKILL');
    try {
      this.connection.dispose();
    } catch (error) {
      // already disposed
    }
  }
}

function assertNoSecret(text, where) {
  for (let i = 0; i + 6 <= MARKER.length; i++) {
    const piece = MARKER.slice(i, i + 6);
    assert.ok(!text.includes(piece), `the secret marker (its piece ${piece}) appears in ${where}`);
  }
}

// ---------------------------------------------------------------------------
// Fixtures.

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'appflow-lint-lsp-'));

function workspace(name, files = {}) {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(dir, {recursive: true});
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

function fileUri(p) {
  return url.pathToFileURL(p).href;
}

const CREDENTIALS = `{"Salesforce":{"accessToken":"${MARKER}","refreshToken":"${REFRESH}"}}`;

// One line, astral and multi-byte characters before the faults: a fault's
// UTF-16 column, code-point column and byte column all differ.
const ONE_LINE =
  '{"connectorProfileName":"acme-salesforce-prod","clientToken":"日本-sync-🔑😀","connectionMode":"public",' +
  '"connectorProfileConfig":{"connectorProfileProperties":{"Salesforce":{"instanceUrl":"https://acme.my.salesforce.com",' +
  '"isSandboxEnvironment":"false"}},"connectorProfileCredentials":' + CREDENTIALS + '}}\n';

function prettyLines() {
  return [
    '{',
    '  "connectorProfileName": "acme-salesforce-prod",',
    '  "clientToken": "ключ-😀-🔑", "connectionMode": "public",',
    '  "connectorProfileConfig": {',
    '    "connectorProfileProperties": {',
    '      "Salesforce": {',
    '        "instanceUrl": "https://acme.my.salesforce.com", "isSandboxEnvironment": "false "',
    '      }',
    '    },',
    '    "connectorProfileCredentials": {',
    `      "Salesforce": {"accessToken": "${MARKER}", "refreshToken": "${REFRESH}"}`,
    '    }',
    '  }',
    '}',
    '',
  ];
}

const PRETTY = prettyLines().join('\n');
const CRLF = prettyLines().join('\r\n');

// The faults these documents are built to have, with the exact text each range covers.
const PLANTED = [
  {code: 'schema.pattern', text: '"日本-sync-🔑😀"', docs: ['one-line']},
  {code: 'schema.pattern', text: '"ключ-😀-🔑"', docs: ['pretty', 'crlf']},
  {code: 'schema.enum', text: '"public"', docs: ['one-line', 'pretty', 'crlf']},
  {code: 'schema.type', text: '"false"', docs: ['one-line']},
  {code: 'schema.type', text: '"false "', docs: ['pretty', 'crlf']},
];

const CLEAN = JSON.stringify({
  connectorProfileName: 'acme-salesforce-prod',
  connectionMode: 'Public',
  connectorProfileConfig: {
    connectorProfileProperties: {Salesforce: {instanceUrl: 'https://acme-corp.my.salesforce.com', isSandboxEnvironment: false}},
  },
}, null, 2) + '\n';

const CLEAN_ONE_LINE = JSON.stringify(JSON.parse(CLEAN));

function exampleProfiles() {
  const dir = path.join(ROOT, 'examples', 'profiles');
  return fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => ({name: n, text: fs.readFileSync(path.join(dir, n), 'utf8')}));
}

// ---------------------------------------------------------------------------
// Checks shared by the tests.

function checkDiagnosticShape(d, docsBase = DEFAULT_DOCS) {
  assert.equal(d.source, SOURCE, `source of ${JSON.stringify(d)}`);
  assert.match(String(d.code), /^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'code is a rule id');
  assert.ok(d.codeDescription, `codeDescription missing on ${d.code}`);
  assert.equal(d.codeDescription.href, docsBase + d.code + '.md', 'codeDescription.href');
  assert.ok([1, 2, 3].includes(d.severity), `severity ${d.severity}`);
  assert.equal(typeof d.message, 'string');
  assert.ok(d.data && Array.isArray(d.data.suggestions), `data.suggestions missing on ${d.code}`);
  for (const s of d.data.suggestions) {
    assert.equal(typeof s.message, 'string');
    assert.ok(s.applicability === 'safe' || s.applicability === 'unsafe', `applicability ${s.applicability}`);
    if (s.edit !== undefined) {
      assert.ok(s.edit.range && typeof s.edit.newText === 'string', `suggestion edit ${JSON.stringify(s.edit)}`);
    }
  }
}

function overlaps(a, b) {
  // [a0, a1) and [b0, b1), an empty span touching the other counts
  return a[0] < b[1] && b[0] < a[1] || a[0] === a[1] && b[0] <= a[0] && a[0] <= b[1] ||
         b[0] === b[1] && a[0] <= b[0] && b[0] <= a[1];
}

function counts(diagnostics) {
  const m = new Map();
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${d.message}`;
    m.set(key, (m.get(key) || 0) + 1);
  }
  return m;
}

function hoverText(hover) {
  if (!hover) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

function normalize(s) {
  return s.replace(/\s+/g, ' ');
}

function schemaNode(schema, ...names) {
  let node = schema;
  for (const n of names) {
    node = node.properties[n];
    assert.ok(node, `schema has no ${names.join('.')}`);
  }
  return node;
}

// ---------------------------------------------------------------------------
// The tests.

const tests = [];
function test(name, fn) {
  tests.push({name, fn});
}

test('initialize: position encodings and capabilities', async () => {
  const cases = [
    [['utf-8'], 'utf-8'], [['utf-32'], 'utf-32'], [['utf-16'], 'utf-16'], [undefined, 'utf-16'], [[], 'utf-16'],
    [['latin-1', 'utf-32', 'utf-8'], 'utf-32'], [['ucs-2'], 'utf-16'],
  ];
  for (const [offered, expected] of cases) {
    const s = await Session.start({encodings: offered});
    try {
      const caps = s.initializeResult.capabilities;
      assert.equal(caps.positionEncoding, expected, `positionEncodings ${JSON.stringify(offered)}`);
      assert.deepEqual(caps.textDocumentSync, {openClose: true, change: 2}, 'textDocumentSync');
      assert.equal(caps.hoverProvider, true, 'hoverProvider');
      assert.ok(caps.completionProvider, 'completionProvider');
      assert.deepEqual([...caps.completionProvider.triggerCharacters].sort(), ['"', ':']);
      assert.deepEqual([...caps.codeActionProvider.codeActionKinds].sort(), ['quickfix', FIX_ALL]);
      assert.deepEqual(caps.executeCommandProvider.commands, [DISABLE]);
      assert.equal(s.initializeResult.serverInfo.name, 'appflow-lint', 'serverInfo.name');
      assert.equal(typeof s.initializeResult.serverInfo.version, 'string', 'serverInfo.version');
      if (process.env.APPFLOW_LINT_VERSION)
        assert.equal(s.initializeResult.serverInfo.version, process.env.APPFLOW_LINT_VERSION, 'serverInfo.version');
    } finally {
      await s.finish();
    }
  }
});

test('watcher for .appflow-lint.json registered after initialized (dynamic registration)', async () => {
  const s = await Session.start({encodings: ['utf-16']});
  try {
    // A round trip, so that a registration sent right after `initialized` has arrived.
    const doc = await s.open('untitled:probe', CLEAN);
    await s.diagnostics(doc);
    const watchers = s.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.equal(watchers.length, 1, `registrations: ${JSON.stringify(s.registrations)}`);
    const globs = watchers[0].registerOptions.watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.appflow-lint.json'), `globs ${JSON.stringify(globs)}`);
  } finally {
    await s.finish();
  }
  const t = await Session.start({encodings: ['utf-16'], watch: false});
  try {
    const doc = await t.open('untitled:probe', CLEAN);
    await t.diagnostics(doc);
    assert.deepEqual(t.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles'), [],
                     'no registration for a client without dynamic registration');
  } finally {
    await t.finish();
  }
});

test('diagnostic ranges in utf-8, utf-16 and utf-32 (one-line, pretty, CRLF; astral characters)', async () => {
  const dir = workspace('ranges');
  const docs = {'one-line': ONE_LINE, pretty: PRETTY, crlf: CRLF};
  for (const encoding of [...ENCODINGS, undefined]) {
    const s = await Session.start({encodings: encoding ? [encoding] : undefined});
    try {
      const negotiated = encoding || 'utf-16';
      assert.equal(s.encoding, negotiated);
      for (const [name, text] of Object.entries(docs)) {
        const file = path.join(dir, `${name}.json`);
        fs.writeFileSync(file, text);
        const doc = await s.open(fileUri(file), text);
        const diagnostics = await s.diagnostics(doc);
        for (const d of diagnostics) checkDiagnosticShape(d);
        for (const planted of PLANTED.filter((p) => p.docs.includes(name))) {
          const want = rangeOf(text, planted.text, negotiated);
          const found = diagnostics.filter((d) => d.code === planted.code);
          assert.ok(found.some((d) => rangeKey(d.range) === rangeKey(want)),
                    `${name} (${negotiated}): ${planted.code} on ${planted.text} should be at ${rangeKey(want)}; ` +
                    `got ${found.map((d) => rangeKey(d.range))}`);
        }
        assertSameDiagnostics(diagnostics, expectedDiagnostics(text, file, negotiated), `${name} (${negotiated})`);
        await s.close(doc);
      }
    } finally {
      await s.finish();
    }
  }
});

test('the three encodings give different columns for the same fault (fixture sanity)', async () => {
  const cols = ENCODINGS.map((e) => rangeOf(ONE_LINE, '"public"', e).start.character);
  assert.equal(new Set(cols).size, 3, `columns ${cols}`);
});

test('examples/profiles: diagnostics agree with the CLI', async () => {
  const dir = workspace('examples');
  const s = await Session.start({encodings: ['utf-16']});
  try {
    for (const {name, text} of exampleProfiles()) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const doc = await s.open(fileUri(file), text);
      const diagnostics = await s.diagnostics(doc);
      for (const d of diagnostics) checkDiagnosticShape(d);
      assertSameDiagnostics(diagnostics, expectedDiagnostics(text, file, 'utf-16'), name);
    }
  } finally {
    await s.finish();
  }
});

test('clean profiles (pretty and one-line) get an empty publish', async () => {
  const dir = workspace('clean');
  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      for (const [name, text] of [['pretty.json', CLEAN], ['one-line.json', CLEAN_ONE_LINE],
        ['crlf.json', CLEAN.replace(/\n/g, '\r\n')]]) {
        const file = path.join(dir, name);
        const doc = await s.open(fileUri(file), text);
        assert.deepEqual(await s.diagnostics(doc), [], `${name} is clean`);
      }
    } finally {
      await s.finish();
    }
  }
});

test('codeDescription.href follows initializationOptions.docsBaseUrl', async () => {
  const base = 'https://docs.example.test/appflow-lint/rules/';
  const s = await Session.start({encodings: ['utf-16'], initializationOptions: {docsBaseUrl: base, debounceMs: 0}});
  try {
    const doc = await s.open('untitled:Untitled-1', ONE_LINE);
    const diagnostics = await s.diagnostics(doc);
    assert.ok(diagnostics.length > 0, 'an untitled: connector profile is linted');
    for (const d of diagnostics) checkDiagnosticShape(d, base);
  } finally {
    await s.finish();
  }
});

test('incremental didChange in each encoding; versions; no stale publish after a newer one', async () => {
  const dir = workspace('changes');
  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      for (const [name, original] of [['one-line.json', ONE_LINE], ['crlf.json', CRLF]]) {
        const file = path.join(dir, name);
        const doc = await s.open(fileUri(file), original);
        let diagnostics = await s.diagnostics(doc);
        assert.ok(diagnostics.some((d) => d.code === 'schema.enum'), `${name}: schema.enum before the change`);

        // One change whose range sits after the astral characters, in the negotiated units.
        const at = original.indexOf('"public"') + 1;
        const range = rangeOfIndices(original, at, at + 1, encoding);
        let text = original.slice(0, at) + 'P' + original.slice(at + 1);
        await s.sendChanges(doc, [{range, text: 'P'}], text);
        diagnostics = await s.diagnostics(doc, 2);
        assert.ok(!diagnostics.some((d) => d.code === 'schema.enum'), `${name} (${encoding}): schema.enum gone after the change`);
        assertSameDiagnostics(diagnostics, expectedDiagnostics(text, file, encoding), `${name} after one change`);

        // Two changes in one notification, applied in order: the second's range is in
        // the text the first produced.
        const afterFirst = text.replace('"日本-sync-🔑😀"', '"sync-1"').replace('"ключ-😀-🔑"', '"sync-1"');
        const token = text.includes('"日本-sync-🔑😀"') ? '"日本-sync-🔑😀"' : '"ключ-😀-🔑"';
        const first = {range: rangeOf(text, token, encoding), text: '"sync-1"'};
        const typeFault = afterFirst.includes('"false"') ? '"false"' : '"false "';
        // (false: a production instanceUrl with isSandboxEnvironment true is a fault of its own)
        const second = {range: rangeOf(afterFirst, typeFault, encoding), text: 'false'};
        text = afterFirst.replace(typeFault, 'false');
        await s.sendChanges(doc, [first, second], text);
        diagnostics = await s.diagnostics(doc, 3);
        assertSameDiagnostics(diagnostics, expectedDiagnostics(text, file, encoding), `${name} after two changes`);
        assert.deepEqual(diagnostics, [], `${name} (${encoding}): every planted fault is gone: ${text}`);

        // A burst of changes sent without waiting: whatever is published, never an
        // older version after a newer one, and the last version's diagnostics come.
        const since = s.published.length;
        const modes = ['public', 'Private', 'vpc', 'Public', 'privat'];
        for (const mode of modes) {
          const current = doc.text;
          const m = /"connectionMode": ?"([^"]*)"/.exec(current);
          const start = m.index + m[0].length - m[1].length - 1;
          const next = current.slice(0, start) + mode + current.slice(start + m[1].length);
          await s.change(doc, next);
        }
        diagnostics = await s.diagnostics(doc, doc.version);
        assertSameDiagnostics(diagnostics, expectedDiagnostics(doc.text, file, encoding), `${name} after the burst`);
        assert.ok(diagnostics.some((d) => d.code === 'schema.enum'), `${name}: "privat" is a schema.enum fault`);
        const versions = s.published.slice(since).filter((p) => p.uri === doc.uri).map((p) => p.version);
        for (let i = 1; i < versions.length; i++)
          assert.ok(versions[i] >= versions[i - 1], `publish order ${versions}`);
        assert.ok(versions.length <= modes.length, `at most one publish per change: ${versions}`);

        // A full-text change (no range) is accepted too.
        await s.sendChanges(doc, [{text: original}], original);
        assertSameDiagnostics(await s.diagnostics(doc), expectedDiagnostics(original, file, encoding), `${name} full change`);
        await s.close(doc);
      }
    } finally {
      await s.finish();
    }
  }
});

test('didClose clears the diagnostics and nothing more comes for the closed document', async () => {
  const s = await Session.start({encodings: ['utf-16']});
  try {
    const doc = await s.open('untitled:closing', ONE_LINE);
    assert.ok((await s.diagnostics(doc)).length > 0);
    // A change immediately followed by the close: the change's lint must not be
    // published after the clearing.
    await s.change(doc, ONE_LINE.replace('"public"', '"PUBLIC"'));
    const cleared = await s.close(doc);
    assert.deepEqual(cleared.diagnostics, []);
    const index = s.published.indexOf(cleared);
    // Flush: open, lint and close another document, then look again.
    const other = await s.open('untitled:other', CLEAN);
    await s.diagnostics(other);
    await new Promise((r) => setTimeout(r, 300));
    const after = s.published.slice(index + 1).filter((p) => p.uri === doc.uri && p.diagnostics.length > 0);
    assert.deepEqual(after, [], 'diagnostics published for a closed document');
  } finally {
    await s.finish();
  }
});

// Applies every quick fix with an edit offered for every diagnostic of `text`,
// each on its own from the original text, and checks the relint.
async function checkEveryQuickFix(s, file, text, label, {uri} = {}) {
  const doc = await s.open(uri || fileUri(file), text);
  const before = await s.diagnostics(doc);
  let applied = 0;
  for (const d of before) {
    const actions = await s.codeActions(doc, d.range, [d]);
    assert.ok(Array.isArray(actions), `${label}: codeAction answers a list`);
    const withEdit = (d.data && d.data.suggestions || []).filter((x) => x.edit);
    const fixes = actions.filter((a) => a.kind === 'quickfix' && a.edit);
    assert.equal(fixes.length, withEdit.length,
                 `${label}: one quick fix per suggestion with an edit for ${d.code}: ${JSON.stringify(actions)}`);
    fixes.forEach((a, i) => {
      assert.equal(a.title, withEdit[i].message, `${label}: the action's title is the suggestion's message`);
      assert.deepEqual(a.diagnostics.map((x) => [x.code, x.range]), [[d.code, d.range]]);
      assert.equal(Boolean(a.isPreferred), i === 0, `${label}: isPreferred on the first fix only`);
      assert.deepEqual(Object.keys(a.edit.changes), [doc.uri]);
    });
    if (doc.uri.startsWith('file:')) {
      const off = actions.filter((a) => a.command && a.command.command === DISABLE);
      assert.equal(off.length, 1, `${label}: one "turn off ${d.code}" action: ${JSON.stringify(actions)}`);
      assert.equal(off[0].kind, 'quickfix');
      assert.deepEqual(off[0].command.arguments, [{uri: doc.uri, rule: d.code}]);
      assert.match(off[0].title, new RegExp(`${d.code.replace(/\./g, '\\.')}`));
    } else {
      assert.ok(!actions.some((a) => a.command && a.command.command === DISABLE), `${label}: no disable command for ${doc.uri}`);
    }
    // Without `data`, the server finds the suggestions by relinting.
    const bare = {...d};
    delete bare.data;
    const again = (await s.codeActions(doc, d.range, [bare])).filter((a) => a.kind === 'quickfix' && a.edit);
    assert.deepEqual(again.map((a) => a.edit), fixes.map((a) => a.edit), `${label}: the same fixes without data`);

    for (const fix of fixes) {
      const edits = fix.edit.changes[doc.uri];
      const original = doc.text;
      const fixed = await s.applyAndSend(doc, edits);
      const after = await s.diagnostics(doc);
      applied += 1;
      const what = `${label}: fix "${fix.title}" for ${d.code}`;
      // Where the edit wrote, in the fixed text.
      const [start, end] = rangeIndices(original, edits[0].range, s.encoding);
      const span = [start, start + edits[0].newText.length];
      void end;
      for (const e of after) {
        const at = rangeIndices(fixed, e.range, s.encoding);
        // (A removal lets the next member take the place: the same rule about another member is not this one.)
        assert.ok(!(e.code === d.code && e.message === d.message && overlaps(at, span)),
                  `${what}: ${d.code} still there: ${JSON.stringify(e)}\n${fixed}`);
      }
      assert.ok(!after.some((e) => e.code.startsWith('json.')) || before.some((e) => e.code.startsWith('json.')),
                `${what}: the fix broke the JSON:\n${fixed}`);
      const old = counts(before);
      old.set(`${d.code}\u0000${d.message}`, old.get(`${d.code}\u0000${d.message}`) - 1);
      const renamedKey = /^"[^"]*"\s*:/.test(original.slice(start));
      for (const e of after) {
        const key = `${e.code}\u0000${e.message}`;
        if ((old.get(key) || 0) > 0) {
          old.set(key, old.get(key) - 1);
          continue;
        }
        // A member renamed to the model's spelling makes its value checkable: what
        // that reveals is not new, as long as it is not where the edit wrote.
        const at = rangeIndices(fixed, e.range, s.encoding);
        assert.ok(renamedKey && !overlaps(at, span), `${what}: a new diagnostic: ${JSON.stringify(e)}\n${fixed}`);
      }
      if (uri === undefined)
        assertSameDiagnostics(after, expectedDiagnostics(fixed, file, s.encoding), `${what}: relint`);
      // back to the original for the next fix
      await s.sendChanges(doc, [{text: original}], original);
      await s.diagnostics(doc);
    }
  }
  await s.close(doc);
  return applied;
}

test('quick fixes: every edit offered, applied by the client, relints clean of that rule', async () => {
  const dir = workspace('quickfix');
  const own = [['one-line.json', ONE_LINE], ['pretty.json', PRETTY], ['crlf.json', CRLF]];
  let applied = 0;
  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      const docs = encoding === 'utf-16' ? [...own, ...exampleProfiles().map((e) => [e.name, e.text])] : own;
      for (const [name, text] of docs) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        applied += await checkEveryQuickFix(s, file, text, `${name} (${encoding})`);
      }
      applied += await checkEveryQuickFix(s, path.join(dir, 'untitled.json'), ONE_LINE, `untitled (${encoding})`,
                                          {uri: 'untitled:Untitled-2'});
    } finally {
      await s.finish();
    }
  }
  assert.ok(applied >= 9, `only ${applied} quick fixes were offered`);
});

test('source.fixAll.appflow-lint: the edits give the CLI --fix result and never re-send untouched text, offered for the right context.only', async () => {
  const dir = workspace('fixall');
  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      for (const [name, text] of [['one-line.json', ONE_LINE], ['pretty.json', PRETTY], ['crlf.json', CRLF],
        ['wrong-enum-case.json', fs.readFileSync(path.join(ROOT, 'examples/profiles/wrong-enum-case.json'), 'utf8')]]) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        const doc = await s.open(fileUri(file), text);
        const diagnostics = await s.diagnostics(doc);
        const whole = rangeOfIndices(text, 0, text.length, encoding);
        for (const only of [undefined, ['source'], ['source.fixAll'], [FIX_ALL], ['quickfix'], ['source.organizeImports']]) {
          const actions = await s.codeActions(doc, whole, diagnostics, only);
          const fixAll = actions.filter((a) => a.kind === FIX_ALL);
          const offered = only === undefined || ['source', 'source.fixAll', FIX_ALL].includes(only[0]);
          // (Quick fixes may come along whatever `only` says: LSP lets the client filter them.)
          assert.equal(fixAll.length, offered ? 1 : 0, `${name}: fix-all with only=${JSON.stringify(only)}`);
        }
        const [fixAll] = (await s.codeActions(doc, whole, diagnostics, [FIX_ALL])).filter((a) => a.kind === FIX_ALL);
        assert.equal(fixAll.title, 'Fix all safe problems (appflow-lint)');
        const edits = fixAll.edit.changes[doc.uri];
        assert.ok(edits.length >= 1, 'fix-all has edits');
        // Each edit writes only what the fixes added: no newText holds a run of the
        // original text between two fixes (a secret could be there).
        for (const e of edits) assert.ok(e.newText.length <= 40, `a small edit: ${JSON.stringify(e)}`);
        const fixed = await s.applyAndSend(doc, edits);
        assert.equal(fixed, cliFix(text, file), `${name} (${encoding}): fix-all gives what appflow-lint --fix gives`);
        const after = await s.diagnostics(doc);
        for (const d of after) {
          assert.ok(!d.data.suggestions.some((x) => x.applicability === 'safe' && x.edit),
                    `${name}: a safe fix is left after fix-all: ${JSON.stringify(d)}`);
        }
        const again = await s.codeActions(doc, rangeOfIndices(fixed, 0, fixed.length, encoding), after, [FIX_ALL]);
        assert.deepEqual((again || []).filter((a) => a.kind === FIX_ALL), [], `${name}: no fix-all when no safe fix applies`);
        await s.close(doc);
      }
      const clean = await s.open(fileUri(path.join(dir, 'clean.json')), CLEAN);
      await s.diagnostics(clean);
      assert.deepEqual(await s.codeActions(clean, rangeOfIndices(CLEAN, 0, CLEAN.length, encoding), [], undefined) || [], [],
                       'a clean document has no code action');
    } finally {
      await s.finish();
    }
  }
});

test('"turn off RULE for this file": workspace/executeCommand writes .appflow-lint.json and the rule goes', async () => {
  // No config yet: created in the workspace root, path relative to it.
  const root = workspace('disable one');
  fs.mkdirSync(path.join(root, 'profiles dir'), {recursive: true});
  const file = path.join(root, 'profiles dir', 'prod.json');
  fs.writeFileSync(file, PRETTY);
  const s = await Session.start({encodings: ['utf-16'], root});
  try {
    const doc = await s.open(fileUri(file), PRETTY);
    const before = await s.diagnostics(doc);
    const target = before.find((d) => d.code === 'schema.enum');
    assert.ok(target, 'schema.enum on "public"');
    const actions = await s.codeActions(doc, target.range, [target]);
    const off = actions.find((a) => a.command && a.command.command === DISABLE);
    assert.ok(off, `a disable action: ${JSON.stringify(actions)}`);
    assert.match(off.title, /^Turn off schema\.enum for this file$/);
    const since = s.published.length;
    const result = await s.request('workspace/executeCommand', {command: off.command.command, arguments: off.command.arguments});
    assert.equal(result, null);
    const config = JSON.parse(fs.readFileSync(path.join(root, '.appflow-lint.json'), 'utf8'));
    assert.deepEqual(config.overrides, [{files: ['profiles dir/prod.json'], rules: {'schema.enum': 'off'}}]);
    const p = await s.waitPublish(doc.uri, (q) => !q.diagnostics.some((d) => d.code === 'schema.enum'), since,
                                  'a relint without schema.enum');
    assert.ok(p.diagnostics.length === before.length - 1, 'only schema.enum went');
    // The CLI now agrees, by the same config.
    assertSameDiagnostics(p.diagnostics, expectedDiagnostics(PRETTY, file, 'utf-16'), 'after the command');
    // A second rule is added to the same file's overrides, the first stays.
    const type = p.diagnostics.find((d) => d.code === 'schema.type');
    assert.ok(type);
    const since2 = s.published.length;
    assert.equal(await s.request('workspace/executeCommand', {command: DISABLE, arguments: [{uri: doc.uri, rule: 'schema.type'}]}), null);
    await s.waitPublish(doc.uri, (q) => !q.diagnostics.some((d) => d.code === 'schema.type' || d.code === 'schema.enum'), since2,
                        'a relint without schema.type');
    const config2 = JSON.parse(fs.readFileSync(path.join(root, '.appflow-lint.json'), 'utf8'));
    const rules = {};
    for (const o of config2.overrides) {
      if (o.files.includes('profiles dir/prod.json')) Object.assign(rules, o.rules);
    }
    assert.deepEqual(rules, {'schema.enum': 'off', 'schema.type': 'off'});
  } finally {
    await s.finish();
  }

  // An existing config in a parent of the file: it is the one edited, and what it had
  // stays; also when it has comments (which a configuration file may have).
  for (const [name, existing] of [
    ['disable two', '{\n  "rules": {"jwt.expired": "off"}\n}\n'],
    ['disable three', '{\n  // team settings\n  "rules": {"jwt.expired": "off"} /* more */\n}\n'],
  ]) {
    const root2 = workspace(name);
    const nested = path.join(root2, 'team');
    fs.mkdirSync(path.join(nested, 'create'), {recursive: true});
    fs.writeFileSync(path.join(nested, '.appflow-lint.json'), existing);
    const file2 = path.join(nested, 'create', 'p.json');
    fs.writeFileSync(file2, ONE_LINE);
    const t = await Session.start({encodings: ['utf-8'], root: root2});
    try {
      const doc = await t.open(fileUri(file2), ONE_LINE);
      const before = await t.diagnostics(doc);
      assert.ok(before.some((d) => d.code === 'schema.pattern'));
      const since = t.published.length;
      const result = await t.request('workspace/executeCommand', {command: DISABLE, arguments: [{uri: doc.uri, rule: 'schema.pattern'}]});
      assert.equal(result, null);
      const text = fs.readFileSync(path.join(nested, '.appflow-lint.json'), 'utf8');
      assert.ok(!fs.existsSync(path.join(root2, '.appflow-lint.json')), `${name}: no new config in the root when one is nearer`);
      const config = JSON.parse(text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/mg, ''));
      assert.deepEqual(config.rules, {'jwt.expired': 'off'}, `${name}: the existing rules stay`);
      assert.deepEqual(config.overrides, [{files: ['create/p.json'], rules: {'schema.pattern': 'off'}}],
                       `${name}: the override added to the existing config:\n${text}`);
      await t.waitPublish(doc.uri, (q) => !q.diagnostics.some((d) => d.code === 'schema.pattern'), since, 'relint');
    } finally {
      await t.finish();
    }
  }
});

test('config: files globs, ignore, operation, and a watched-file change relints', async () => {
  const root = workspace('selection', {
    '.appflow-lint.json': JSON.stringify({files: ['profiles/*.json'], ignore: ['profiles/skip-*.json']}),
  });
  const s = await Session.start({encodings: ['utf-16'], root});
  try {
    // Selected by `files` although it has no connectorProfileConfig: linted.
    const bare = '{"connectorProfileName": "x y"}\n';
    const selected = await s.open(fileUri(path.join(root, 'profiles', 'bare.json')), bare);
    const d1 = await s.diagnostics(selected);
    assert.ok(d1.some((d) => d.code === 'schema.pattern'), `a files-selected document is linted: ${JSON.stringify(d1)}`);
    // Has connectorProfileConfig but is not in `files`: not linted.
    const outside = await s.open(fileUri(path.join(root, 'other', 'p.json')), ONE_LINE);
    assert.deepEqual(await s.diagnostics(outside), [], 'outside `files`');
    // Ignored.
    const skipped = await s.open(fileUri(path.join(root, 'profiles', 'skip-me.json')), ONE_LINE);
    assert.deepEqual(await s.diagnostics(skipped), [], 'matched by `ignore`');

    // Change the config on disk and tell the server: the ignore goes, the rule goes off.
    const since = s.published.length;
    fs.writeFileSync(path.join(root, '.appflow-lint.json'),
                     JSON.stringify({files: ['profiles/*.json'], rules: {'schema.pattern': 'off'}}));
    s.notify('workspace/didChangeWatchedFiles', {changes: [{uri: fileUri(path.join(root, '.appflow-lint.json')), type: 2}]});
    await s.waitPublish(skipped.uri, (p) => p.diagnostics.length > 0, since, 'relint of the no longer ignored document');
    await s.waitPublish(selected.uri, (p) => !p.diagnostics.some((d) => d.code === 'schema.pattern'), since,
                        'relint with schema.pattern off');
  } finally {
    await s.finish();
  }

  // operation from the config: CreateConnectorProfile wants connectorType.
  const root2 = workspace('operation', {'.appflow-lint.json': '{"operation": "CreateConnectorProfile"}'});
  const t = await Session.start({encodings: ['utf-16'], root: root2});
  try {
    const file = path.join(root2, 'c.json');
    const doc = await t.open(fileUri(file), CLEAN);
    const diagnostics = await t.diagnostics(doc);
    assert.ok(diagnostics.some((d) => d.code === 'schema.required'), `Create without connectorType: ${JSON.stringify(diagnostics)}`);
    assertSameDiagnostics(diagnostics, expectedDiagnostics(CLEAN, file, 'utf-16'), 'Create');
  } finally {
    await t.finish();
  }
});

test('a document that is not a connector profile gets an empty publish', async () => {
  const dir = workspace('not-a-profile');
  const s = await Session.start({encodings: ['utf-16']});
  try {
    for (const [name, text] of [
      ['package.json', '{"name": "x", "version": "1.0.0", "kmsArn": 3, "connectionMode": "vpc"}\n'],
      ['list.json', '[1, 2, {"connectorProfileName": "a b"}]\n'],
      ['broken.json', '{"name": "x",, }\n'],
    ]) {
      const doc = await s.open(fileUri(path.join(dir, name)), text);
      assert.deepEqual(await s.diagnostics(doc), [], `${name} is not linted`);
      // It becomes one: now it is linted.
      const next = '{"connectorProfileName": "a b", "connectorProfileConfig": {}}\n';
      await s.change(doc, next);
      assert.ok((await s.diagnostics(doc)).length > 0, `${name}: linted once it is a connector profile`);
      // And back: the earlier diagnostics clear.
      await s.change(doc, text);
      assert.deepEqual(await s.diagnostics(doc), [], `${name}: cleared again`);
    }
    // Not parseable, but names connectorProfileConfig: linted (json.syntax).
    const broken = '{"connectorProfileName": "x", "connectorProfileConfig": {\n';
    const doc = await s.open(fileUri(path.join(dir, 'typing.json')), broken);
    const d = await s.diagnostics(doc);
    assert.ok(d.some((x) => x.code === 'json.syntax'), `a half-typed profile is linted: ${JSON.stringify(d)}`);
  } finally {
    await s.finish();
  }
});

test('hover: the model documentation on a member name; diagnostics at the position; never a secret', async () => {
  const update = UPDATE_SCHEMA;
  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      const doc = await s.open('untitled:hover', ONE_LINE);
      await s.diagnostics(doc);

      const instanceUrl = schemaNode(update, 'connectorProfileConfig', 'connectorProfileProperties', 'Salesforce', 'instanceUrl');
      let h = await s.hover(doc, rangeOf(ONE_LINE, 'instanceUrl', encoding).start);
      assert.ok(h, 'hover on instanceUrl');
      assert.equal(h.contents.kind, 'markdown');
      let text = hoverText(h);
      assert.ok(text.includes('instanceUrl'), `the member: ${text}`);
      assert.ok(normalize(text).includes(normalize(instanceUrl.description)), `the model's documentation: ${text}`);
      assert.ok(text.includes('256'), `its length limit: ${text}`);
      if (h.range) {
        const want = rangeOf(ONE_LINE, '"instanceUrl"', encoding);
        const inner = rangeOf(ONE_LINE, 'instanceUrl', encoding);
        assert.ok([rangeKey(want), rangeKey(inner)].includes(rangeKey(h.range)),
                  `hover range ${rangeKey(h.range)} (${encoding})`);
      }

      // The member whose value is secret: its documentation, the word sensitive, no value.
      const accessToken = schemaNode(update, 'connectorProfileConfig', 'connectorProfileCredentials', 'Salesforce', 'accessToken');
      h = await s.hover(doc, rangeOf(ONE_LINE, 'accessToken', encoding).start);
      text = hoverText(h);
      assert.ok(normalize(text).includes(normalize(accessToken.description)), `accessToken documentation: ${text}`);
      assert.match(text, /sensitive/i);

      // On the connectionMode value: the enum values and the diagnostic there.
      h = await s.hover(doc, rangeOf(ONE_LINE, 'public', encoding).start);
      text = hoverText(h);
      assert.ok(text.includes('Public') && text.includes('Private'), `enum values: ${text}`);
      // "RULE_ID: summary" (the id may be a Markdown code span)
      assert.match(text, /`?schema\.enum`?: \S/, `the diagnostic at the position: ${text}`);

      // Every position of the line, the secret's included: never any of it.
      const positions = [];
      for (let i = 0; i < ONE_LINE.length - 1; i++) {
        const cp = ONE_LINE.codePointAt(i);
        positions.push(indexToPosition(ONE_LINE, i, encoding));
        if (cp > 0xffff) i++;
      }
      for (const position of positions) {
        const answer = await s.hover(doc, position);
        assertNoSecret(JSON.stringify(answer), `hover at ${JSON.stringify(position)}`);
      }
      // Past the end of the document: null (or an invalid-params error), and the server goes on.
      try {
        assert.equal(await s.hover(doc, {line: 5, character: 0}), null);
      } catch (error) {
        assert.equal(error.code, -32602, `hover past the end: ${error}`);
      }
    } finally {
      await s.finish();
    }
  }
});

function completionItems(result) {
  assert.ok(result && !Array.isArray(result), `completion answers a CompletionList: ${JSON.stringify(result)}`);
  assert.equal(result.isIncomplete, false);
  return result.items;
}

test('completion: connector names, properties, enum values and booleans; no Create-only member in Update', async () => {
  const profileProperties = Object.keys(schemaNode(UPDATE_SCHEMA, 'connectorProfileConfig', 'connectorProfileProperties').properties);
  const updateTop = Object.keys(UPDATE_SCHEMA.properties);
  const createTop = Object.keys(CREATE_SCHEMA.properties);
  const createOnly = createTop.filter((n) => !updateTop.includes(n));
  assert.ok(['kmsArn', 'connectorType', 'connectorLabel'].every((n) => createOnly.includes(n)), `schemas: ${createOnly}`);

  for (const encoding of ENCODINGS) {
    const s = await Session.start({encodings: [encoding]});
    try {
      // A key being typed in connectorProfileProperties, after astral characters.
      const typing = '{"connectorProfileName":"x","clientToken":"😀😀","connectionMode":"Public",' +
                     '"connectorProfileConfig":{"connectorProfileProperties":{"Sa"}}}\n';
      let doc = await s.open('untitled:typing.json', typing);
      const cursor = indexToPosition(typing, typing.indexOf('"Sa"') + 3, encoding);
      let items = completionItems(await s.completion(doc, cursor));
      let labels = items.map((i) => i.label);
      assert.ok(labels.includes('Salesforce'), `connector names: ${labels}`);
      assert.ok(labels.every((l) => profileProperties.includes(l)), `only connectors: ${labels}`);
      for (const item of items) {
        assert.equal(item.kind, 10, `${item.label} is a Property`);
        assert.ok(!createOnly.includes(item.label));
        assert.ok(item.textEdit, `${item.label} has a textEdit`);
        const range = item.textEdit.range || item.textEdit.replace;
        const token = typing.indexOf('"Sa"');
        const options = [[token + 1, token + 3], [token, token + 4], [token, token + 3]].map(
          ([a, b]) => rangeKey(rangeOfIndices(typing, a, b, encoding)));
        assert.ok(options.includes(rangeKey(range)),
                  `${item.label}: the textEdit replaces the token being typed (${encoding}): ${rangeKey(range)} ` +
                  `not one of ${options}`);
      }
      const salesforce = items.find((i) => i.label === 'Salesforce');
      const doc0 = schemaNode(UPDATE_SCHEMA, 'connectorProfileConfig', 'connectorProfileProperties', 'Salesforce').description;
      const documentation = typeof salesforce.documentation === 'string' ? salesforce.documentation : salesforce.documentation.value;
      assert.ok(normalize(documentation).includes(normalize(doc0)), `documentation from the model: ${documentation}`);

      // A key position in the top-level object of an Update document.
      const top = '{"connectorProfileName":"x", "", "connectorProfileConfig":{}}\n';
      doc = await s.open('untitled:top.json', top);
      items = completionItems(await s.completion(doc, indexToPosition(top, top.indexOf('""') + 1, encoding)));
      labels = items.map((i) => i.label);
      for (const n of ['connectionMode', 'clientToken']) assert.ok(labels.includes(n), `${n} in ${labels}`);
      for (const n of createOnly) assert.ok(!labels.includes(n), `Create-only ${n} offered in an Update document`);
      assert.ok(!labels.includes('connectorProfileName') && !labels.includes('connectorProfileConfig'), `members already there: ${labels}`);

      // An empty object, valid JSON.
      const empty = '{"connectorProfileName":"x","connectionMode":"Public","connectorProfileConfig":{"connectorProfileProperties":{"Salesforce":{}}}}';
      doc = await s.open('untitled:empty.json', empty);
      items = completionItems(await s.completion(doc, indexToPosition(empty, empty.indexOf('{}') + 1, encoding)));
      labels = items.map((i) => i.label);
      const salesforceProps = Object.keys(schemaNode(UPDATE_SCHEMA, 'connectorProfileConfig', 'connectorProfileProperties', 'Salesforce').properties);
      assert.deepEqual([...labels].sort(), [...salesforceProps].sort(), 'the Salesforce properties');

      // Value positions: enum values, booleans.
      const values = '{"connectorProfileName":"x","connectionMode":"","connectorProfileConfig":{"connectorProfileProperties":' +
                     '{"Salesforce":{"instanceUrl":"https://a.my.salesforce.com","isSandboxEnvironment": }}}}';
      doc = await s.open('untitled:values.json', values);
      items = completionItems(await s.completion(doc, indexToPosition(values, values.indexOf('""') + 1, encoding)));
      assert.deepEqual(items.map((i) => i.label).sort(), ['Private', 'Public']);
      assert.ok(items.every((i) => i.kind === 20), 'EnumMember');
      items = completionItems(await s.completion(doc, indexToPosition(values, values.indexOf(': }') + 2, encoding)));
      assert.deepEqual(items.map((i) => i.label).sort(), ['false', 'true']);
    } finally {
      await s.finish();
    }
  }

  // A Create document (operation from the config) does get the Create-only members.
  const root = workspace('completion-create', {'.appflow-lint.json': '{"operation": "CreateConnectorProfile"}'});
  const t = await Session.start({encodings: ['utf-16'], root});
  try {
    const top = '{"connectorProfileName":"x", "", "connectorProfileConfig":{}}\n';
    const doc = await t.open(fileUri(path.join(root, 'create.json')), top);
    const items = completionItems(await t.completion(doc, indexToPosition(top, top.indexOf('""') + 1, 'utf-16')));
    const labels = items.map((i) => i.label);
    for (const n of ['kmsArn', 'connectorType', 'connectorLabel']) assert.ok(labels.includes(n), `Create offers ${n}: ${labels}`);
  } finally {
    await t.finish();
  }
});

test('malformed input between good messages: the server answers and goes on', async () => {
  const s = await Session.start({encodings: ['utf-16']});
  try {
    const doc = await s.open('untitled:m', ONE_LINE);
    await s.diagnostics(doc);
    const raw = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    s.child.stdin.write(raw('{"jsonrpc": "2.0", "id": 1, "method": '));      // not JSON
    s.child.stdin.write(raw('[1, 2, 3]'));                                  // not JSON-RPC
    s.child.stdin.write('Content-Type: application/json\r\n\r\n');          // no Content-Length
    s.child.stdin.write(raw(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:m","version":"x"}}}`));
    // Still reading and linting: a change is published with its version.
    await s.change(doc, ONE_LINE.replace('"public"', '"Public"'));
    const after = await s.diagnostics(doc);
    assert.ok(!after.some((d) => d.code === 'schema.enum'), 'still linting after malformed frames');
    assert.ok(Array.isArray(await s.codeActions(doc, after[0].range, [after[0]])), 'still answering requests');
    const out = Buffer.concat(s.stdout).toString('utf8');
    assert.match(out, /"code":\s*-32700/, 'a parse error was answered');
    assert.match(out, /"code":\s*-32600/, 'an invalid request was answered');
  } finally {
    await s.finish();
  }
});

test('exit: 0 after shutdown, 1 without; end of input without shutdown exits 1', async () => {
  let s = await Session.start({encodings: ['utf-16']});
  try {
    assert.equal(await s.shutdownAndExit(), 0);
  } finally {
    s.kill();
  }
  s = await Session.start({encodings: ['utf-16']});
  try {
    await s.notify('exit');
    assert.equal(await s.waitExit(), 1, 'exit without shutdown');
  } finally {
    s.kill();
  }
  s = await Session.start({encodings: ['utf-16']});
  try {
    await s.open('untitled:x', ONE_LINE);
    s.child.stdin.end();
    assert.equal(await s.waitExit(), 1, 'end of input without shutdown');
  } finally {
    s.kill();
  }
  s = await Session.start({encodings: ['utf-16']});
  try {
    assert.equal(await s.request('shutdown', null), null);
    s.child.stdin.end();
    assert.equal(await s.waitExit(), 0, 'end of input after shutdown');
  } finally {
    s.kill();
  }
});

// ---------------------------------------------------------------------------

async function main() {
  let failed = 0;
  let ran = 0;
  const selected = tests.filter((t) => ONLY.length === 0 || ONLY.some((o) => t.name.includes(o)));
  console.log(`1..${selected.length}`);
  for (const [i, t] of selected.entries()) {
    const started = Date.now();
    try {
      await t.fn();
      console.log(`ok ${i + 1} - ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`not ok ${i + 1} - ${t.name}`);
      console.log(String(error && error.stack || error).split('\n').map((l) => `  # ${l}`).join('\n'));
    }
    ran += 1;
  }
  fs.rmSync(tmpRoot, {recursive: true, force: true});
  console.log(`# ${ran - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((status) => process.exit(status), (error) => {
  console.error(error);
  process.exit(1);
});
