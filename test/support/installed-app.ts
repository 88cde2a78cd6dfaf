import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A fresh copy of the fixture app in `.cache/<name>` (inside the repository, so ESLint and the libraries
 * resolve from its node_modules), with the README's `eslint.config.js` and this package installed as users
 * get it: `node_modules/eslint-plugin-hotpath` and the `hotpath` bin (the built `dist/`).
 */
export function installedApp(name: string): string {
  const app = path.join(ROOT, '.cache', name);
  rmSync(app, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'fixtures/socialhub'), app, { recursive: true });
  mkdirSync(path.join(app, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(app, 'node_modules/eslint-plugin-hotpath'));
  // What npm's bin link does: an executable that runs the package's bin.
  writeFileSync(path.join(app, 'node_modules/.bin/hotpath'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'dist/src/cli/bin.js')}" "$@"\n`, { mode: 0o755 });
  writeFileSync(path.join(app, 'eslint.config.js'), 'import hotpath from "eslint-plugin-hotpath";\n\nexport default [hotpath.configs.recommended];\n');
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'socialhub', private: true, type: 'module' }));
  return app;
}
