import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codemodCommand } from '../../src/cli/codemod-command.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../codemods/cursor-pagination/__testfixtures__');
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'hotpath-options-'));
  copyFileSync(path.join(FIXTURES, 'keep-total.input.ts'), path.join(cwd, 'router.ts'));
  for (const support of ['schema.ts', 'trpc.ts']) copyFileSync(path.join(FIXTURES, support), path.join(cwd, support));
});

/** A dry run that prints: `out` is what it printed last (the new source, after its diff). */
async function dryRun(name: string, options: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  let err = '';
  const code = await codemodCommand(name, ['router.ts'], { cwd, dry: true, print: true, force: false, mark: false, options, out: (t) => void out.push(t), err: (t) => void (err += t) });
  return { code, out: out.at(-1) ?? '', err };
}

describe('codemod options reach jscodeshift codemods', () => {
  it('cursor-pagination with keep-total rewrites a page kept with its count; without it, lists the site with the flag to use', async () => {
    const kept = await dryRun('cursor-pagination', { 'keep-total': 'true' });
    expect(kept.code).toBe(0);
    expect(kept.out).toBe(readFileSync(path.join(FIXTURES, 'keep-total.output.ts'), 'utf8'));
    const plain = await dryRun('cursor-pagination', {});
    expect(plain.out).toBe('');
    expect(plain.err).toContain('router.ts:17: the result carries `total` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total');
  });

  it('an option a codemod does not declare, or a value it does not accept, is a usage error', async () => {
    await expect(dryRun('dataloader', { 'keep-total': 'true' })).rejects.toThrow('the dataloader codemod has no --keep-total option');
    await expect(dryRun('cursor-pagination', { 'keep-total': 'yes' })).rejects.toThrow('--keep-total must be one of true (got "yes")');
  });
});
