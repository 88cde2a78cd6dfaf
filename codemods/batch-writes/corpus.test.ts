import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/cli/codemod-runner.js';
import { corpusFiles, writeCorpus } from '../../test/support/corpus.js';
import { codemod } from './transform.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Code it was not written for: real files from installed packages and their half-written twins. The codemod
 * must neither throw nor write anything that does not parse; it may change nothing.
 */
describe('batch-writes over real and half-written code', () => {
  it('no failure, every output parses', { timeout: 300_000 }, async () => {
    const dir = path.join(ROOT, '.cache', 'batch-writes-corpus');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeCorpus(dir, corpusFiles(300));
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.[cm]?tsx?$/.test(f))
      .map((f) => path.join(dir, f));
    const summary = await runCodemod(codemod, { cwd: dir, files, dry: true, print: false, mark: false, write: () => {} });
    expect(files.length).toBeGreaterThan(500);
    expect(summary.failed).toEqual([]);
    expect(summary.changed.length + summary.unchanged.length).toBe(files.length);
  });
});
