#!/usr/bin/env node
// A stand-in for `appflow-lint server` in test/smoke.js: it writes its arguments and
// the messages it receives (initialize's options) to $SMOKE_LOG, one JSON line each,
// and answers initialize and shutdown. Its pid lets the smoke test wait for it to end.
'use strict';

const fs = require('fs');

const log = (entry) => fs.appendFileSync(process.env.SMOKE_LOG, JSON.stringify(entry) + '\n');
const send = (message) => {
  const body = Buffer.from(JSON.stringify(message));
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};

log({ argv: process.argv.slice(2), pid: process.pid });
let pending = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const end = pending.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(pending.subarray(0, end).toString())[1]);
    if (pending.length < end + 4 + length) return;
    const message = JSON.parse(pending.subarray(end + 4, end + 4 + length).toString());
    pending = pending.subarray(end + 4 + length);
    const entry = { method: message.method };
    if (message.method === 'initialize') entry.initializationOptions = message.params.initializationOptions;
    log(entry);
    if (message.method === 'initialize') {
      send({ jsonrpc: '2.0', id: message.id,
             result: { capabilities: { textDocumentSync: { openClose: true, change: 2 } },
                       serverInfo: { name: 'appflow-lint', version: '0-smoke' } } });
    } else if (message.method === 'shutdown') {
      send({ jsonrpc: '2.0', id: message.id, result: null });
    } else if (message.method === 'exit') {
      process.exit(0);
    }
  }
});
process.stdin.on('end', () => process.exit(1));
