import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A project with local packages of known content, to measure without depending on the registry's. */
export function makePackages(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-bundle-'));
  const pkg = (name: string, files: Record<string, string>, extra: object = {}) => {
    const root = path.join(dir, 'node_modules', name);
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.js', ...extra }));
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  };
  // Deterministic text that compresses like code does, not like a run of one character.
  let seed = 1;
  const words = Array.from({ length: 4000 }, () => {
    seed = (seed * 48271) % 2147483647;
    return `w${seed.toString(36)}`;
  });
  pkg('tiny', { 'index.js': 'export const one = 1;\nexport function add(a, b) { return a + b; }\n' });
  pkg('heavy', {
    'index.js': `export const table = ${JSON.stringify(words)};\nexport const small = () => "small";\n`,
  });
  pkg('node-only', { 'index.js': 'import { readFileSync } from "fs";\nexport const read = (f) => readFileSync(f, "utf8");\n' });
  pkg('with-peer', { 'index.js': 'import { createElement } from "react";\nexport const Box = () => createElement("div");\n' }, {
    peerDependencies: { react: '*' },
  });
  writeFileSync(path.join(dir, 'package.json'), '{"name":"app","private":true}');
  return dir;
}
