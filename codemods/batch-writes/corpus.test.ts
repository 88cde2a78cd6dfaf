import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemods/runner.js';
import { corpusProject } from '../../test/support/corpus.js';
import { codemod } from './transform.js';


/**
 * Code it was not written for: real files from installed packages and their half-written twins. The codemod
 * must neither throw nor write anything that does not parse; it may change nothing.
 */
describe('batch-writes over real and half-written code', () => {
  it('no failure, every output parses', { timeout: 300_000 }, async () => {
    const { dir, files } = corpusProject('batch-writes-corpus', 300);
    const summary = await runCodemod(codemod, { cwd: dir, files, dry: true, print: false, mark: false, write: () => {} });
    expect(files.length).toBeGreaterThan(500);
    expect(summary.failed).toEqual([]);
    expect(summary.changed.length + summary.unchanged.length).toBe(files.length);
  });
});
