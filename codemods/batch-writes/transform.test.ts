import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod, type RunSummary } from '../../src/codemods/runner.js';
import { scratchProject, typeCheck } from '../../test/support/scratch-project.js';
import { codemod } from './transform.js';

const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const ROOT = path.resolve(import.meta.dirname, '../..');
const SUPPORT = ['schema.ts', 'db.ts'];
const CASES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.input.ts'))
  .map((f) => f.replace('.input.ts', ''));

/**
 * The pairs run together in a scratch project inside the repository (to resolve its node_modules):
 * `<case>.input.ts` is copied as `<case>.ts`, and after the run `<case>.ts` must equal `<case>.output.ts`.
 */
async function runIn(name: string, mark = false): Promise<{ dir: string; summary: RunSummary; second: RunSummary }> {
  const dir = scratchProject(name);
  for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
  for (const c of CASES) copyFileSync(path.join(FIXTURES, `${c}.input.ts`), path.join(dir, `${c}.ts`));
  const files = CASES.map((c) => path.join(dir, `${c}.ts`));
  const options = { cwd: dir, files, dry: false, print: false, mark, write: () => {} };
  const summary = await runCodemod(codemod, options);
  const second = await runCodemod(codemod, { ...options, mark: false });
  return { dir, summary, second };
}

describe('batch-writes', () => {
  it('rewrites every pair into its output, the project type-checks, and a second run changes nothing', async () => {
    const { dir, summary, second } = await runIn('batch-writes');
    expect(summary.failed).toEqual([]);
    for (const name of CASES) {
      expect.soft(readFileSync(path.join(dir, `${name}.ts`), 'utf8'), name).toBe(readFileSync(path.join(FIXTURES, `${name}.output.ts`), 'utf8'));
    }
    expect(second.changed).toEqual([]);
    expect(typeCheck(dir)).toBe('');
  });
});

describe('batch-writes refusals', () => {
  it('says why it leaves each site alone', async () => {
    const { summary } = await runIn('batch-writes');
    expect(summary.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`)).toEqual([
      "audit-left-alone.ts:8: the loop's other code could change what `recordEvent()`'s row holds before the batched insert reads it",
      'audit-left-alone.ts:22: the insert is inside `recordNamed()` (it returns a value): give it a form that takes all items, then call it once',
      "audit-left-alone.ts:35: the insert is inside `recordAt()` (it changes a property (`cursor.at += 1`) before its insert, which an earlier item's row may hold until the batch): give it a form that takes all items, then call it once",
      'left-alone.ts:8: an upsert (`onConflictDoUpdate`) whose items may share a key: one statement cannot update a row twice (Postgres refuses it); batched only over the keys of an object',
      'left-alone.ts:11: `visits` may be `undefined`, which `set()` skips per item and one `CASE` cannot',
      'left-alone.ts:15: the loop also awaits `await db.select().from(users).where(eq(…` (line 14), which would then run before writes it now follows',
      'left-alone.ts:19: it is inside `try`: each item handles its own failure, which one batched statement cannot',
      'left-alone.ts:26: the loop can `return` (line 25) before the writes after it would run',
      'left-alone.ts:29: the loop uses the row it inserted (`row`) for more than collecting it: batched, no row exists before the loop ends',
      'left-alone.ts:30: the write on line 29 of the same loop cannot be batched, and this one would then run before it instead of after',
      "left-alone.ts:33: the loop writes `events` on lines 33 and 34: batched, every item's first write would run before any item's second",
      "left-alone.ts:34: the loop writes `events` on lines 33 and 34: batched, every item's first write would run before any item's second",
      'left-alone.ts:37: the row holds SQL that could read what earlier items wrote; in one statement, it would not see them',
      'left-alone.ts:40: `sql`${users.visits} + 1`` reads the rows it writes: rows matched twice would change once',
      'left-alone.ts:43: `randomUUID()` ran once per item and would run once for all',
      'left-alone.ts:46: `.forEach()` does not wait for its callback: loop with `for…of` first',
      "left-alone.ts:52: the loop's other code could change `event` before the batched insert reads it",
      'left-alone.ts:56: a while loop may wait for what the writes changed between items: batch it by hand',
      "left-alone.ts:69: the loop's other code could change `rows` before the batched insert reads it",
      'left-alone.ts:79: the insert is inside `addTag()` (it inserts on a database it is not given): give it a form that takes all items, then call it once',
      "left-alone.ts:86: its upsert sets `value` to a value that changes per item and is not the row's own: one statement cannot",
      'left-alone.ts:96: the loop also calls `notify()` (line 97) for its effect, which would then happen before the writes it now follows',
      'left-alone.ts:110: it sets values that change per item in a `Promise.all(xs.map(…))` callback: loop with `for…of` first, then it is batched',
      "left-alone.ts:104: batched, the file would not type-check (Type 'SQL<unknown>' is not assignable to type 'string'.): batch it by hand",
    ]);
    expect(summary.notes).toEqual(['19 per-item writes batched, at most 1000 items a statement (--chunk)', 'each batched statement writes its chunk all or nothing: review code that relied on the rows an earlier item wrote before a later one failed']);
  });

  it('with --mark, leaves a hotpath-todo comment above each site it leaves alone', async () => {
    const { dir } = await runIn('batch-writes-mark', true);
    const output = readFileSync(path.join(dir, 'left-alone.ts'), 'utf8').split('\n');
    expect(output[7]).toBe('    // hotpath-todo(batch-writes): an upsert (`onConflictDoUpdate`) whose items may share a key: one statement cannot update a row twice (Postgres refuses it); batched only over the keys of an object');
    expect(output.filter((line) => line.includes('hotpath-todo(batch-writes)'))).toHaveLength(21);
  });

  it('--chunk sets the rows per statement', async () => {
    const dir = path.join(ROOT, '.cache', 'batch-writes-chunk');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
    copyFileSync(path.join(FIXTURES, 'imports.input.ts'), path.join(dir, 'imports.ts'));
    await runCodemod(codemod, { cwd: dir, files: [path.join(dir, 'imports.ts')], dry: false, print: false, mark: false, write: () => {}, options: { chunk: '250' } });
    expect(readFileSync(path.join(dir, 'imports.ts'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'imports.output.ts'), 'utf8').replaceAll('1000', '250'));
  });
});
