// Runs extension.js outside VS Code (test/vscode-stub.js stands in for the API) against
// test/fake-server.js, and checks how it starts the server: `PATH server` and nothing
// more, the settings as initializationOptions, a restart on a setting change and on the
// restart command, a clean shutdown, and an error that names the setting when the
// binary is missing. `npm test`; needs `npm ci` (vscode-languageclient), nothing else.
'use strict';

const assert = require('assert');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

// Without `npm ci` there is nothing to test: say so, and exit 77 (meson's skip).
try {
  require.resolve('vscode-languageclient/node');
} catch (error) {
  console.log('SKIPPED: vscode-languageclient is not installed in editors/vscode/node_modules; ' +
              'run `npm ci --prefix editors/vscode --omit=dev` first');
  process.exit(77);
}

const stub = require('./vscode-stub');
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};

const control = stub.control;
const extension = require('../extension.js');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'appflow-lint-vscode-smoke.'));
process.env.SMOKE_LOG = path.join(folder, 'server.jsonl');

function entries() {
  return fs.existsSync(process.env.SMOKE_LOG)
    ? fs.readFileSync(process.env.SMOKE_LOG, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
    : [];
}

// The client's stop resolves once `exit` is written to the pipe, not once the server
// has read it: wait for every started stand-in to end before reading what it logged.
async function allEnded(timeoutMs) {
  const running = (pid) => {
    try { process.kill(pid, 0); return true; } catch (_) { return false; }
  };
  const deadline = Date.now() + timeoutMs;
  let left = entries().filter((entry) => entry.argv).map((entry) => entry.pid);
  while ((left = left.filter(running)).length > 0) {
    assert.ok(Date.now() < deadline, `the stand-in server(s) ${left.join(', ')} still run ${timeoutMs} ms after stop`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  control.settings = {
    'appflowLint.path': path.join(__dirname, 'fake-server.js'),
    'appflowLint.docsBaseUrl': 'https://example.test/rules/',
    'appflowLint.debounceMs': 150,
  };
  const context = { subscriptions: [] };
  await extension.activate(context);

  control.settings['appflowLint.debounceMs'] = 300;
  control.changeSettings(['appflowLint.trace.server']);  // not a reason to restart
  control.changeSettings(['appflowLint.debounceMs', 'appflowLint']);
  await control.commands['appflowLint.restartServer']();
  await extension.deactivate();
  context.subscriptions.forEach((d) => d.dispose());
  await allEnded(5000);

  const runs = [];
  for (const entry of entries()) {
    if (entry.argv) runs.push([]);
    runs[runs.length - 1].push(entry);
  }
  assert.strictEqual(runs.length, 3, 'started, restarted for the setting, restarted by the command');
  const options = [{ debounceMs: 150, docsBaseUrl: 'https://example.test/rules/' },
                   { debounceMs: 300, docsBaseUrl: 'https://example.test/rules/' },
                   { debounceMs: 300, docsBaseUrl: 'https://example.test/rules/' }];
  runs.forEach((run, i) => {
    assert.deepStrictEqual(run[0].argv, ['server'], 'appflow-lint server, nothing after it');
    assert.strictEqual(run[1].method, 'initialize');
    assert.deepStrictEqual(run[1].initializationOptions, options[i]);
    const methods = run.map((entry) => entry.method);
    assert.ok(methods.includes('initialized'), methods.join(' '));
    assert.deepStrictEqual(methods.slice(-2), ['shutdown', 'exit'], methods.join(' '));
  });
  assert.deepStrictEqual(control.errors, []);

  // Without docsBaseUrl the server's default stands; a missing binary names the setting.
  control.settings = { 'appflowLint.path': path.join(folder, 'no-such-appflow-lint') };
  await extension.activate({ subscriptions: [] });
  await extension.deactivate();
  assert.ok(control.errors.some((message) => message.includes('appflowLint.path')), control.errors.join('\n'));
  assert.strictEqual(entries().length, runs.flat().length, 'nothing more was started');
}

main().then(() => {
  fs.rmSync(folder, { recursive: true, force: true });
  console.log('smoke: ok');
}, (error) => {
  console.error(control.output.join(''));
  console.error('smoke: FAILED:', error);
  process.exit(1);
});
