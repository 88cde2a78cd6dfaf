import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nonSourceKind } from '../knowledge/module-kinds.js';
import { isFile, readDirectory, readHead, readJsonObject, readText, realPath, statOf } from './disk.js';
import { resolveProjectAsset, resolveProjectModule } from './module-graph.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-disk-'));
writeFileSync(path.join(dir, 'x.css'), '');
writeFileSync(path.join(dir, 'd.json'), '{"a": 1, /* note */ "b": [2,],}');
writeFileSync(path.join(dir, 'bad.json'), '{ "a": ');
writeFileSync(path.join(dir, 'latin1.ts'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
writeFileSync(path.join(dir, 'ok.ts'), '"use client";\nexport {};\n');
mkdirSync(path.join(dir, 'folder.ts'));
symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'));
const long = path.join(dir, 'n'.repeat(300));

describe('disk probes answer "not there" for every failure', () => {
  it.for([
    ['a file where a folder is expected (ENOTDIR)', path.join(dir, 'x.css', 'index.ts')],
    ['a folder where a file is expected (EISDIR)', path.join(dir, 'folder.ts')],
    ['a looping link (ELOOP)', path.join(dir, 'loop')],
    ['a name too long (ENAMETOOLONG)', long],
  ])('%s', ([, file]) => {
    expect(isFile(file!)).toBe(false);
    expect(readText(file!)).toBeNull();
    expect(readJsonObject(file!)).toBeNull();
    expect(readHead(file!, 16)).toBe('');
    expect(readDirectory(path.join(file!, 'x'))).toBeNull();
  });

  it('reads what is there, and refuses text that is not UTF-8, too large, or JSON that does not parse', () => {
    expect(statOf(path.join(dir, 'ok.ts'))?.isFile()).toBe(true);
    expect(realPath(path.join(dir, 'loop'))).toBeNull();
    expect(readHead(path.join(dir, 'ok.ts'), 12)).toBe('"use client"');
    expect(readText(path.join(dir, 'ok.ts'), 4)).toBeNull();
    expect(readText(path.join(dir, 'latin1.ts'))).toBeNull();
    expect(readJsonObject(path.join(dir, 'd.json'))).toEqual({ a: 1, b: [2] });
    expect(readJsonObject(path.join(dir, 'bad.json'))).toBeNull();
  });
});

describe('imports of non-source files', () => {
  it.for([
    ['./x.css', 'style'],
    ['./a.module.scss', 'style'],
    ['./d.json', 'json'],
    ['./logo.svg', 'asset'],
    ['./font.WOFF2', 'asset'],
    ['./shader.wasm', 'binary'],
    ['./addon.node', 'binary'],
    ['./page.tsx?raw', 'asset'],
    ['data:text/javascript,export default 1', 'inline'],
    ['./lib.v2', null],
    ['./db', null],
    ['@acme/ui/button', null],
  ] as const)('%s is %s', ([specifier, kind]) => {
    expect(nonSourceKind(specifier)).toBe(kind);
  });

  it('are never probed for source files under them, and resolve as written', () => {
    const from = path.join(dir, 'ok.ts');
    expect(resolveProjectModule('./x.css', from)).toBeNull();
    expect(resolveProjectModule('./x.css/index', from)).toBeNull();
    expect(resolveProjectAsset('./d.json', from)).toBe(path.join(dir, 'd.json'));
    expect(resolveProjectAsset('./missing.json', from)).toBeNull();
  });
});
