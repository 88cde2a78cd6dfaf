import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemod as batchWrites } from '../../codemods/batch-writes/transform.js';
import { codemod as cursorPagination } from '../../codemods/cursor-pagination/transform.js';
import { codemod as dataloader } from '../../codemods/dataloader/transform.js';
import { codemod as redisPipeline } from '../../codemods/redis-pipeline/transform.js';
import { runCodemod } from '../../src/codemods/runner.js';
import type { Codemod } from '../../src/codemods/contract.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

// Comments ESLint would call unused in the codemods' own analysis: they are the user's, about their rules.
const DIRECTIVES = '/* eslint-disable */\n// eslint-disable-next-line no-console\n/* eslint no-console: "off" */\n';

const CASES: Array<{ codemod: Codemod; folder: string; input: string; support: string[]; options?: Record<string, string> }> = [
  { codemod: batchWrites, folder: 'batch-writes', input: 'keyed', support: ['schema.ts', 'db.ts'] },
  { codemod: cursorPagination, folder: 'cursor-pagination', input: 'feed', support: ['schema.ts', 'trpc.ts'] },
  { codemod: redisPipeline, folder: 'redis-pipeline', input: 'consecutive', support: [] },
  { codemod: dataloader, folder: 'dataloader', input: 'inline', support: ['schema.ts', 'db.ts', 'trpc.ts'], options: { strategy: 'inline' } },
];

describe.for(CASES)('$folder', ({ codemod, folder, input, support, options }) => {
  const fixtures = path.join(ROOT, 'codemods', folder, '__testfixtures__');
  const dir = path.join(ROOT, '.cache', `directives-${folder}`);

  function project(): { rewritten: string; broken: string } {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of support) copyFileSync(path.join(fixtures, file), path.join(dir, file));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', dependencies: { dataloader: '*' } }));
    const rewritten = path.join(dir, `${input}.ts`);
    writeFileSync(rewritten, DIRECTIVES + readFileSync(path.join(fixtures, `${input}.input.ts`), 'utf8'));
    const broken = path.join(dir, 'broken.ts');
    writeFileSync(broken, 'export const x = ;\n');
    return { rewritten, broken };
  }

  it('rewrites a file whose eslint directives ESLint would call unused, and skips an unparsable one with the reason', async () => {
    const { rewritten, broken } = project();
    const summary = await runCodemod(codemod, {
      cwd: dir,
      files: [rewritten, broken],
      dry: false,
      print: false,
      mark: false,
      write: () => {},
      options: options ?? {},
    });
    expect(summary.failed).toEqual([]);
    expect(summary.changed).toContain(`${input}.ts`);
    expect(readFileSync(rewritten, 'utf8')).toBe(DIRECTIVES + readFileSync(path.join(fixtures, `${input}.output.ts`), 'utf8'));
    expect(summary.skipped.filter((s) => s.file === 'broken.ts')).toEqual([
      { file: 'broken.ts', line: 1, reason: 'it does not parse (Expression expected.): left untouched' },
    ]);
  });
});
