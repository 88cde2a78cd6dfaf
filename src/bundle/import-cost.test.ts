import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCost, importCosts } from './import-cost.js';
import { measure } from './measure.js';
import { makePackages } from '../../test/support/bundle-packages.js';
import { cacheDirectory, cacheFile, readCache, writeCache } from './size-cache.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the size cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-cache-'));
  const file = cacheFile(dir, 'key-a');

  it('misses, then hits what was written', () => {
    expect(readCache(file, 'key-a')).toBeUndefined();
    writeCache(file, 'key-a', { bytes: 10, gzip: 5 });
    expect(readCache(file, 'key-a')).toEqual({ bytes: 10, gzip: 5 });
  });

  it('ignores corrupt, truncated and foreign files', () => {
    writeFileSync(file, '{"format":1,"key":"key-a","measurement":{"bytes":1');
    expect(readCache(file, 'key-a')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ format: 1, key: 'key-b', measurement: { bytes: 1, gzip: 1 } }));
    expect(readCache(file, 'key-a')).toBeUndefined();
    writeFileSync(file, JSON.stringify({ format: 1, key: 'key-a', measurement: { bytes: 'many' } }));
    expect(readCache(file, 'key-a')).toBeUndefined();
    writeFileSync(file, 'not json at all');
    expect(readCache(file, 'key-a')).toBeUndefined();
  });

  it('stays whole when many processes write the same entry at once', async () => {
    const concurrent = path.join(dir, 'concurrent.json');
    const writer = path.join(ROOT, 'dist/src/bundle/size-cache.js');
    const script = `import { writeCache } from ${JSON.stringify(writer)}; for (let i = 0; i < 50; i++) writeCache(${JSON.stringify(concurrent)}, "k", { bytes: 123456, gzip: 65432 });`;
    const runs = Array.from({ length: 8 }, () =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script]).on('exit', resolve)),
    );
    const reader = setInterval(() => {
      // Every read during the writes sees a whole file.
      expect(readCache(concurrent, 'k')).toEqual({ bytes: 123456, gzip: 65432 });
    }, 1);
    writeCache(concurrent, 'k', { bytes: 123456, gzip: 65432 });
    expect(await Promise.all(runs)).toEqual(Array(8).fill(0));
    clearInterval(reader);
    expect(JSON.parse(readFileSync(concurrent, 'utf8')).measurement).toEqual({ bytes: 123456, gzip: 65432 });
    // No temporary files are left behind.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
  });
});

describe('importCost', () => {
  const project = makePackages();
  const from = path.join(project, 'src/page.tsx');

  it('measures cold in a child process, then answers from the disk cache and from memory', () => {
    rmSync(cacheDirectory(project), { recursive: true, force: true });
    const entry = [{ specifier: 'heavy', names: ['table'] }];
    const cold = importCost(entry, from, project, Infinity);
    expect(cold).toEqual({ bytes: expect.any(Number), gzip: expect.any(Number) });
    expect(readdirSync(cacheDirectory(project))).toHaveLength(1);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) importCost(entry, from, project, Infinity);
    // Warm: well under a millisecond per import.
    expect((performance.now() - start) / 1000).toBeLessThan(1);
  });

  it('skips an import whose cold measurement overruns the time box, and has it cached by the next run', async () => {
    rmSync(cacheDirectory(project), { recursive: true, force: true });
    const entry = [{ specifier: 'tiny', names: ['add'] }];
    expect(importCost(entry, from, project, 1)).toEqual({ pending: true });
    // The background measurement lands in the cache.
    const deadline = Date.now() + 20_000;
    const landed = () => existsSync(cacheDirectory(project)) && readdirSync(cacheDirectory(project)).some((f) => f.endsWith('.json'));
    while (Date.now() < deadline && !landed()) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(importCost(entry, from, project, 1)).toEqual({ bytes: expect.any(Number), gzip: expect.any(Number) });
  });

  it('measures several cold requests at once, each as it would be alone, and the pair together', () => {
    rmSync(cacheDirectory(project), { recursive: true, force: true });
    // Names no other test asked for: cold in this process's memory too.
    const heavy = { specifier: 'heavy', names: ['small'] };
    const tiny = { specifier: 'tiny', names: ['one'] };
    const batch = importCosts(
      [
        { entries: [heavy], fromFile: from, cwd: project },
        { entries: [tiny], fromFile: from, cwd: project },
        { entries: [heavy, tiny], fromFile: from, cwd: project },
        { entries: [{ specifier: 'not-installed', names: ['x'] }], fromFile: from, cwd: project },
      ],
      Infinity,
    );
    expect(readdirSync(cacheDirectory(project))).toHaveLength(3);
    const alone = [[heavy], [tiny], [heavy, tiny]].map((entries) => measure(entries, project, []));
    expect(batch).toEqual([...alone, null]);
    expect((batch[2] as { gzip: number }).gzip).toBeGreaterThan((batch[0] as { gzip: number }).gzip);
  });

  it('caches the reason a package cannot be bundled', () => {
    expect(importCost([{ specifier: 'node-only', names: ['read'] }], from, project, Infinity)).toEqual({
      error: expect.stringContaining('"fs"'),
    });
  });

  it('does not guess for a package that is not installed', () => {
    expect(importCost([{ specifier: 'not-installed', names: ['x'] }], from, project, Infinity)).toBeNull();
  });
});
