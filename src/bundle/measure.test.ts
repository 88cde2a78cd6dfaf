import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { makePackages } from '../../test/support/bundle-packages.js';
import { findInstalledPackage, measure, packageName, type ImportEntry } from './measure.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** esbuild's own answer, from an entry file on disk and its metafile, gzipped independently. */
function reference(entry: string, dir: string, external: string[] = []): { bytes: number; gzip: number } {
  // Under the project (so packages resolve as from its files), in a folder git and the linters ignore.
  const folder = path.join(dir, '.cache', 'measure-reference');
  mkdirSync(folder, { recursive: true });
  const input = path.join(folder, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(input, entry);
  const outfile = `${input}.out.js`;
  const result = buildSync({
    entryPoints: [input],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    external,
    metafile: true,
    logLevel: 'silent',
  });
  const output = readFileSync(outfile);
  return { bytes: result.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes ?? output.length, gzip: gzipSync(output).length };
}

const within1 = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(0.01);

describe('measure', () => {
  const dir = makePackages();

  it('measures exactly the imported names of local packages, tree-shaken', () => {
    const heavyAll = measure([{ specifier: 'heavy', names: ['table'] }], dir, []);
    const heavySmall = measure([{ specifier: 'heavy', names: ['small'] }], dir, []);
    if (!('gzip' in heavyAll) || !('gzip' in heavySmall)) throw new Error('no measurement');
    const expected = reference('export { table } from "heavy";', dir);
    within1(heavyAll.bytes, expected.bytes);
    within1(heavyAll.gzip, expected.gzip);
    expect(heavyAll.gzip).toBeGreaterThan(15_000);
    expect(heavySmall.gzip).toBeLessThan(200);
  });

  it('says why a module cannot be bundled for the browser', () => {
    const result = measure([{ specifier: 'node-only', names: ['read'] }], dir, []);
    expect(result).toEqual({ error: expect.stringContaining('"fs"') });
  });

  it('leaves peer dependencies out, as the app ships them anyway', () => {
    const pkg = findInstalledPackage('with-peer', dir)!;
    expect(pkg).toEqual({ name: 'with-peer', version: '1.0.0', peers: ['react'] });
    const result = measure([{ specifier: 'with-peer', names: ['Box'] }], dir, pkg.peers);
    expect('gzip' in result && result.gzip).toBeLessThan(200);
  });

  it.for([
    ['moment, default', { specifier: 'moment', names: ['default'] }, 'export { default } from "moment";'],
    ['lodash, default', { specifier: 'lodash', names: ['default'] }, 'export { default } from "lodash";'],
    ['lodash/debounce', { specifier: 'lodash/debounce', names: ['default'] }, 'export { default } from "lodash/debounce";'],
    ['date-fns, format', { specifier: 'date-fns', names: ['format'] }, 'export { format } from "date-fns";'],
  ] as Array<[string, ImportEntry, string]>)('agrees with esbuild metafile + gzip within 1%% on %s', ([, entry, code]) => {
    const result = measure([entry], ROOT, []);
    if (!('gzip' in result)) throw new Error(result.error);
    const expected = reference(code, ROOT);
    within1(result.bytes, expected.bytes);
    within1(result.gzip, expected.gzip);
  });

  it('ranks the real packages as users know them', () => {
    const gzip = (entry: ImportEntry) => {
      const r = measure([entry], ROOT, []);
      return 'gzip' in r ? r.gzip : Number.NaN;
    };
    const moment = gzip({ specifier: 'moment', names: ['default'] });
    const lodash = gzip({ specifier: 'lodash', names: ['default'] });
    const debounce = gzip({ specifier: 'lodash/debounce', names: ['default'] });
    const format = gzip({ specifier: 'date-fns', names: ['format'] });
    expect(moment).toBeGreaterThan(15_000);
    expect(lodash).toBeGreaterThan(20_000);
    expect(debounce).toBeLessThan(2_000);
    expect(format).toBeLessThan(moment / 2);
  });

  it('names packages from specifiers', () => {
    expect(packageName('lodash/debounce')).toBe('lodash');
    expect(packageName('@trpc/react-query/shared')).toBe('@trpc/react-query');
  });
});
