import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCodemod, type RunSummary } from '../../src/codemods/runner.js';
import { scratchProject, typeCheck } from '../../test/support/scratch-project.js';
import { codemod } from './transform.js';

const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const CASES = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.output.ts'))
  .map((f) => f.replace('.output.ts', ''));

/**
 * Each case is a schema (`<case>.input.ts` → `<case>.output.ts`) and the queries that read it
 * (`<case>.queries.ts`, never changed), run together in a scratch project inside the repository (to resolve
 * its node_modules). The codemod is handed the query files; it edits the schema files they import.
 */
async function runIn(mark = false): Promise<{ dir: string; summary: RunSummary; second: RunSummary }> {
  const dir = scratchProject(`add-index${mark ? '-mark' : ''}`);
  for (const c of CASES) {
    copyFileSync(path.join(FIXTURES, `${c}.input.ts`), path.join(dir, `${c}.ts`));
    copyFileSync(path.join(FIXTURES, `${c}.queries.ts`), path.join(dir, `${c}.queries.ts`));
  }
  const queries = CASES.map((c) => path.join(dir, `${c}.queries.ts`));
  const options = { cwd: dir, files: queries, dry: false, print: false, mark, write: () => {}, options: {} };
  const summary = await runCodemod(codemod, options);
  const second = await runCodemod(codemod, options);
  return { dir, summary, second };
}

describe('add-index', () => {
  let run: Awaited<ReturnType<typeof runIn>>;
  beforeAll(async () => {
    run = await runIn();
  });

  it.for(CASES)('%s: the schema becomes its output, the queries stay as they are', (name) => {
    expect(readFileSync(path.join(run.dir, `${name}.ts`), 'utf8')).toBe(readFileSync(path.join(FIXTURES, `${name}.output.ts`), 'utf8'));
    expect(readFileSync(path.join(run.dir, `${name}.queries.ts`), 'utf8')).toBe(readFileSync(path.join(FIXTURES, `${name}.queries.ts`), 'utf8'));
  });

  it('the project type-checks after the run', () => {
    expect(typeCheck(run.dir)).toBe('');
  });

  it('a second run changes nothing and adds no index twice', () => {
    expect(run.second.changed).toEqual([]);
    expect(run.second.notes.filter((n) => n.includes('added') || n.includes('widened'))).toEqual([]);
  });

  it('says what it added or widened, and the drizzle-kit step', () => {
    const notes = run.summary.notes.join('\n');
    expect(notes).toContain('array-style.ts: widened `follows_followee_idx` of `follows` to (followee_id, created_at)');
    expect(notes).toContain('array-style.ts: added `index("notifications_user_id_idx").on(t.userId, t.id)` to `notifications`');
    expect(notes).toContain('jsonb.ts: added `index("events_payload_gin_idx").using("gin", t.payload)` to `events`');
    expect(notes).toContain('`npx drizzle-kit generate`');
    expect(run.summary.changed.map((f) => path.basename(f)).sort()).toEqual(['array-style.ts', 'jsonb.ts', 'no-extra.ts', 'object-style.ts']);
  });

  it('leaves an extra config it cannot edit untouched, and says why', () => {
    expect(readFileSync(path.join(run.dir, 'block-body.ts'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'block-body.input.ts'), 'utf8'));
    // Listed at the query that needs the index, in the files the run was handed.
    expect(run.summary.skipped).toEqual([
      {
        file: 'block-body.queries.ts',
        line: 7,
        reason: 'the extra config of `tickets` is not `(t) => [ … ]` or `(t) => ({ … })` (block-body.ts:3): add `index().on(t.queue)` by hand',
      },
    ]);
  });

  it('with --mark, leaves a hotpath-todo comment where it bailed', async () => {
    const marked = await runIn(true);
    const text = readFileSync(path.join(marked.dir, 'block-body.queries.ts'), 'utf8');
    expect(text).toContain('// hotpath-todo(add-index): the extra config of `tickets` is not');
    expect(typeCheck(marked.dir)).toBe('');
  });
});
