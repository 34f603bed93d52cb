// The appflow-lint extension: starts `appflow-lint server` (the language server,
// docs/editors.md) for JSON documents and restarts it when its settings change.
// Plain CommonJS for the VS Code extension host; no build step.
'use strict';

const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

// The client id is also the prefix of the standard trace setting
// (`appflowLint.trace.server`), which vscode-languageclient reads by itself.
const CLIENT_ID = 'appflowLint';
const CLIENT_NAME = 'appflow-lint';
const SECTION = 'appflowLint';
// The settings read here; a change to any of them restarts the server.
const SERVER_SETTINGS = ['path', 'docsBaseUrl', 'debounceMs'];
const RESTART_COMMAND = 'appflowLint.restartServer';
const CONFIG_GLOB = '**/.appflow-lint.json';

let client;
let outputChannel;
let watcher;
// Start, stop and restart run one after another, never interleaved.
let pending = Promise.resolve();

function serverCommand(config) {
  const configured = String(config.get('path', 'appflow-lint') || '').trim() || 'appflow-lint';
  if (configured === '~' || configured.startsWith('~/')) {
    return path.join(os.homedir(), configured.slice(1));
  }
  // A bare name is looked up on PATH by the system; a relative path is taken
  // from the first workspace folder.
  if (path.isAbsolute(configured) || !/[\\/]/.test(configured)) {
    return configured;
  }
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? path.join(folders[0].uri.fsPath, configured) : configured;
}

function initializationOptions(config) {
  const options = {};
  const debounceMs = Number(config.get('debounceMs', 0));
  options.debounceMs = Number.isFinite(debounceMs) && debounceMs > 0 ? Math.floor(debounceMs) : 0;
  const docsBaseUrl = String(config.get('docsBaseUrl', '') || '').trim();
  if (docsBaseUrl !== '') {
    options.docsBaseUrl = docsBaseUrl;
  }
  return options;
}

function createClient() {
  const config = vscode.workspace.getConfiguration(SECTION);
  const command = serverCommand(config);
  // No `transport`: left out, the client talks to the process over its standard
  // streams with the command line exactly as written (TransportKind.stdio would
  // append `--stdio`, which the server accepts but does not need).
  const executable = { command, args: ['server'] };
  const serverOptions = { run: executable, debug: executable };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    // The server also registers this watcher itself when the client allows it;
    // a change reported twice only relints twice.
    synchronize: { fileEvents: watcher },
    initializationOptions: initializationOptions(config),
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

async function startClient() {
  let started;
  try {
    started = createClient();
    await started.start();
    client = started;
  } catch (error) {
    client = undefined;
    if (started) {
      try { await started.dispose(); } catch (_) { /* it never ran */ }
    }
    const message = (error && error.message ? error.message : String(error)).replace(/\.+$/, '');
    const choice = await vscode.window.showErrorMessage(
      `appflow-lint: could not start \`${serverCommand(vscode.workspace.getConfiguration(SECTION))} server\`: ${message}. ` +
        'Set "appflowLint.path" to the appflow-lint executable.',
      'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      vscode.commands.executeCommand('workbench.action.openSettings', 'appflowLint.path');
    } else if (choice === 'Show Output') {
      outputChannel.show(true);
    }
  }
}

async function stopClient() {
  const running = client;
  client = undefined;
  if (running === undefined) {
    return;
  }
  // dispose() stops a starting or running client (shutdown, exit) and frees it;
  // the output channel is ours and stays.
  await running.dispose();
}

function serialise(step) {
  pending = pending.then(step, step);
  return pending;
}

function restart() {
  return serialise(async () => {
    await stopClient();
    await startClient();
  });
}

function activate(context) {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  context.subscriptions.push(outputChannel, watcher);

  context.subscriptions.push(vscode.commands.registerCommand(RESTART_COMMAND, restart));
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (SERVER_SETTINGS.some((name) => event.affectsConfiguration(`${SECTION}.${name}`))) {
      restart();
    }
  }));
  // Trusting the workspace can change what appflowLint.path is.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => restart()));

  return serialise(startClient);
}

function deactivate() {
  return serialise(stopClient);
}

module.exports = { activate, deactivate };
