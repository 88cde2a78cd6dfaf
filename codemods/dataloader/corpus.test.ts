import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemods/runner.js';
import { corpusProject } from '../../test/support/corpus.js';
import { codemod } from './transform.js';


/**
 * Code it was not written for: real files from installed packages and their half-written twins, with both
 * strategies. The codemod must neither throw nor write anything that does not parse; it may change nothing.
 */
describe('dataloader over real and half-written code', () => {
  const { dir, files } = corpusProject('dataloader-corpus', 300);

  it.for(['context', 'inline'] as const)('--strategy=%s: no failure, every output parses', { timeout: 120_000 }, async (strategy) => {
    const summary = await runCodemod(codemod, { cwd: dir, files, dry: true, print: false, mark: false, write: () => {}, options: { strategy } });
    expect(files.length).toBeGreaterThan(500);
    expect(summary.failed).toEqual([]);
    expect(summary.changed.length + summary.unchanged.length).toBe(files.length);
  });
});
