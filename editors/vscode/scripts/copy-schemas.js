// Copies the request schemas the build generates (../../schemas) into ./schemas,
// where package.json's contributes.jsonValidation points. Run before packaging
// (vsce runs it as vscode:prepublish) and before starting the extension from source.
'use strict';

const fs = require('fs');
const path = require('path');

const source = path.resolve(__dirname, '..', '..', '..', 'schemas');
const target = path.resolve(__dirname, '..', 'schemas');
const suffix = '.request.schema.json';

const names = fs.readdirSync(source).filter((name) => name.endsWith(suffix)).sort();
if (names.length === 0) {
  console.error(`copy-schemas: no *${suffix} in ${source}`);
  process.exit(1);
}
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
for (const name of names) {
  fs.copyFileSync(path.join(source, name), path.join(target, name));
}

// Every schema package.json contributes must be among those copied.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'));
for (const entry of manifest.contributes.jsonValidation) {
  const file = path.resolve(__dirname, '..', entry.url);
  if (!fs.existsSync(file)) {
    console.error(`copy-schemas: package.json names ${entry.url}, which was not copied`);
    process.exit(1);
  }
}
console.log(`copy-schemas: ${names.join(', ')} -> schemas/`);
