// Just enough of the VS Code API for extension.js and vscode-languageclient to start
// a server, outside VS Code (test/smoke.js). What a test needs to steer is on `control`.
'use strict';

class Disposable {
  constructor(onDispose) { this.onDispose = onDispose; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose())); }
  dispose() { if (this.onDispose) this.onDispose(); this.onDispose = undefined; }
}

class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (listener) => { this.listeners.push(listener); return new Disposable(); };
  }
  fire(value) { this.listeners.forEach((listener) => listener(value)); }
  dispose() { this.listeners = []; }
}

const noEvent = () => new Disposable();

// Whatever else is asked for: a function, a constructor, an object, an empty list.
function anything() {
  const target = function () { return anything(); };
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'dispose') return () => {};
      return anything();
    },
    construct() { return anything(); },
  });
}

function withFallback(object, fallback) {
  return new Proxy(object, { get: (target, key) => (key in target ? target[key] : fallback()) });
}

const control = {
  settings: {},
  commands: {},
  errors: [],
  output: [],
  configurationListeners: [],
  changeSettings(names) {
    this.configurationListeners.forEach((listener) =>
      listener({ affectsConfiguration: (name) => names.includes(name) }));
  },
};

const channel = {
  name: 'appflow-lint',
  append: (text) => control.output.push(text),
  appendLine: (text) => control.output.push(text + '\n'),
  replace() {}, clear() {}, show() {}, hide() {}, dispose() {},
};

const api = {
  version: '1.90.0',
  Disposable,
  EventEmitter,
  window: withFallback({
    createOutputChannel: () => channel,
    showErrorMessage: async (message) => { control.errors.push(message); return undefined; },
    showWarningMessage: async () => undefined,
    showInformationMessage: async () => undefined,
    visibleTextEditors: [],
    activeTextEditor: undefined,
  }, () => noEvent),
  workspace: withFallback({
    getConfiguration: (section) => ({
      get: (key, fallback) => {
        const name = `${section}.${key}`;
        return name in control.settings ? control.settings[name] : fallback;
      },
    }),
    onDidChangeConfiguration: (listener) => { control.configurationListeners.push(listener); return new Disposable(); },
    createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    textDocuments: [],
    notebookDocuments: [],
    workspaceFolders: undefined,
    isTrusted: true,
  }, () => noEvent),
  commands: withFallback({
    registerCommand: (id, handler) => { control.commands[id] = handler; return new Disposable(); },
    executeCommand: async () => undefined,
  }, anything),
  languages: withFallback({
    createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, forEach() {}, dispose() {} }),
    match: () => 0,
  }, () => () => new Disposable()),
  env: withFallback({ language: 'en', appName: 'smoke', uiKind: 1 }, anything),
  control,
};

module.exports = withFallback(api, anything);
