import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod, type RunSummary } from '../../src/codemods/runner.js';
import { scratchProject, STRICT_TSCONFIG, typeCheck } from '../../test/support/scratch-project.js';
import { codemod } from './transform.js';

const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const ROOT = path.resolve(import.meta.dirname, '../..');
const SUPPORT = ['schema.ts', 'db.ts', 'trpc.ts', 'post-queries.ts'];

type Strategy = 'context' | 'inline' | 'auto';

/**
 * The codemod works on a project, so each strategy's pairs run together in a scratch project inside the
 * repository (to resolve its node_modules): `<case>.input.ts` is copied as `<case>.ts`, and after the run
 * `<case>.ts` must equal `<case>.output.ts`. An `.output.ts` without an input is a file the codemod creates
 * (the context strategy's). Pairs named `inline*` run with `--strategy=inline`, `auto*` with no strategy
 * given, the others with `--strategy=context`.
 */
function cases(strategy: Strategy): string[] {
  const all = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.output.ts'))
    .map((f) => f.replace('.output.ts', ''));
  const of = (name: string): Strategy => (name.startsWith('inline') ? 'inline' : name.startsWith('auto') ? 'auto' : 'context');
  return all.filter((name) => of(name) === strategy || (strategy === 'auto' && name === 'context'));
}

async function runIn(strategy: Strategy, mark = false): Promise<{ dir: string; summary: RunSummary; second: RunSummary }> {
  const dir = scratchProject(`dataloader-${strategy}${mark ? '-mark' : ''}`, { dataloader: '*' });
  for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
  const inputs = readdirSync(FIXTURES).filter((f) => f.endsWith('.input.ts') && cases(strategy).includes(f.replace('.input.ts', '')));
  if (strategy === 'inline') copyFileSync(path.join(FIXTURES, 'context.input.ts'), path.join(dir, 'context.ts'));
  for (const f of inputs) copyFileSync(path.join(FIXTURES, f), path.join(dir, f.replace('.input.ts', '.ts')));
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !SUPPORT.includes(f)).map((f) => path.join(dir, f));
  const options = { cwd: dir, files, dry: false, print: false, mark, write: () => {}, options: (strategy === 'auto' ? {} : { strategy }) as Record<string, string> };
  const summary = await runCodemod(codemod, options);
  const second = await runCodemod(codemod, { ...options, files: readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)) });
  return { dir, summary, second };
}

describe.for(['context', 'inline', 'auto'] as const)('dataloader --strategy=%s', (strategy) => {
  it('rewrites every pair into its output, the project type-checks, and a second run changes nothing', async () => {
    const { dir, summary, second } = await runIn(strategy);
    expect(summary.failed).toEqual([]);
    // The auto run wires its own loaders: only its pairs are compared.
    for (const name of cases(strategy).filter((n) => strategy !== 'auto' || n.startsWith('auto'))) {
      expect.soft(readFileSync(path.join(dir, `${name}.ts`), 'utf8'), name).toBe(readFileSync(path.join(FIXTURES, `${name}.output.ts`), 'utf8'));
    }
    expect(second.changed).toEqual([]);
    expect(typeCheck(dir)).toBe('');
  });
});

describe('dataloader', () => {
  it('says why it leaves each site alone', async () => {
    const { summary } = await runIn('context');
    expect(summary.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`)).toEqual([
      'left-alone.ts:10: a write (`update`) is not a lookup: batch it by hand (one statement for all items)',
      'left-alone.ts:17: it runs inside a transaction: a loader would read outside it',
      'left-alone.ts:23: `findFirst` by `posts.authorId`, which is not unique: which row it returns depends on the plan, so no batch can reproduce it',
      'left-alone.ts:27: `limit` applies to each key on its own and cannot be batched with `IN`',
      'left-alone.ts:31: its `where` is a callback: write it as `eq(table.column, key)` for the codemod to read it',
      'left-alone.ts:37: its condition `eq(comments.authorId, post.authorId)` changes per item too: a key of several columns needs a loader by hand',
      'left-alone.ts:42: the key is the same on every iteration: hoist the query out of the loop',
      'left-alone.ts:47: loads in a for loop run one after another and cannot be batched: loop with `for…of` or `Promise.all(xs.map(…))` first',
      'left-alone.ts:52: `.innerJoin()` applies to each key on its own and cannot be batched with `IN`',
      'left-alone.ts:59: it is not in a tRPC procedure that takes `ctx`: there is no per-request context to hold a loader (try --strategy=inline)',
    ]);
    expect(summary.notes).toEqual(['review loaders.ts: one loader per lookup, made per request in createContext']);
  });

  it('with --mark, leaves a hotpath-todo comment above each site it leaves alone', async () => {
    const { dir } = await runIn('context', true);
    const output = readFileSync(path.join(dir, 'left-alone.ts'), 'utf8').split('\n');
    expect(output[9]).toBe('      // hotpath-todo(dataloader): a write (`update`) is not a lookup: batch it by hand (one statement for all items)');
    expect(output.filter((line) => line.includes('hotpath-todo(dataloader)'))).toHaveLength(10);
  });

  it('inline: says why it leaves each site alone', async () => {
    const { summary } = await runIn('inline');
    expect(summary.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`)).toEqual([
      'inline-left-alone.ts:8: the loop also writes (`db.update(users)`): batched reads would see rows as they were before its writes',
      'inline-left-alone.ts:9: a write (`update`) is not a lookup: batch it by hand (one statement for all items)',
      'inline-left-alone.ts:19: the loop also writes (`db.update(posts)` (in `bump()`)): batched reads would see rows as they were before its writes',
      'inline-left-alone.ts:20: a write per item: `bump()` runs `db.update(posts)`, so it is not a lookup: batch its writes by hand',
      'inline-left-alone.ts:26: `findFirst` by `posts.authorId`, which is not unique: which row it returns depends on the plan, so no batch can reproduce it',
      'inline-left-alone.ts:31: the key `id` is of type `any`, not the number that `users.id` holds: rows could not be matched to keys by value',
      'inline-left-alone.ts:37: `db.transaction()` is not a lookup by key',
      'inline-left-alone.ts:38: its database `tx` is made inside the loop, so no query can run before it',
      'inline-left-alone.ts:45: the key `Number.parseInt(row.ref, 10)` is not read from the item alone, so it cannot be computed for every item first',
      'inline-left-alone.ts:50: `rows` is mapped only on some paths through its statement: loading its keys in front of it could run where the loop would not',
      'inline-left-alone.ts:58: the items are loaded one after another and the loop changes `queue` while it runs, so keys read before it would not be the keys it reads',
      'inline-left-alone.ts:70: the items are loaded one after another and the loop changes `row.authorId` while it runs, so keys read before it would not be the keys it reads',
      'inline-left-alone.ts:78: the collection `ids` is of type `Set<number>`, not an array, so its keys cannot be read with `.map()`',
      'inline-reshaped-helpers.ts:66: `getUserOrThrow()`: it does more with the row than return it (a check, a throw, another statement): batch inside it, or give it a loader by hand',
      'inline-reshaped-helpers.ts:67: `firstPostOf()` takes the first of the rows of `posts.authorId`, which is not unique: which one depends on the plan',
    ]);
  });

  it('auto: says why it leaves each site alone', async () => {
    const { summary } = await runIn('auto');
    expect(summary.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`)).toEqual([]);
  });

  it('removes only the imports the rewrite made dead: a name unused before stays', async () => {
    const dir = path.join(ROOT, '.cache', 'dataloader-imports');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
    const file = path.join(dir, 'authors.ts');
    const input = readFileSync(path.join(FIXTURES, 'inline-imports.input.ts'), 'utf8');
    // `comments` is unused before the rewrite: the user's business, not the codemod's.
    writeFileSync(file, input.replace('{ posts, users }', '{ comments, posts, users }'));
    await runCodemod(codemod, { cwd: dir, files: [file], dry: false, print: false, mark: false, write: () => {}, options: { strategy: 'inline' } });
    const output = readFileSync(file, 'utf8');
    expect(output).toBe(readFileSync(path.join(FIXTURES, 'inline-imports.output.ts'), 'utf8').replace('{ posts, users }', '{ comments, posts, users }'));
    expect(output.split('\n')[0]).toBe('import { inArray } from "drizzle-orm";');
  });

  it('inline: writes what it adds with the file\'s own indentation (tabs here)', async () => {
    const dir = path.join(ROOT, '.cache', 'dataloader-tabs');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
    const file = path.join(dir, 'tabs.ts');
    const input = readFileSync(path.join(FIXTURES, 'inline.input.ts'), 'utf8').replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    writeFileSync(file, input);
    await runCodemod(codemod, { cwd: dir, files: [file], dry: false, print: false, mark: false, write: () => {}, options: { strategy: 'inline' } });
    const expected = readFileSync(path.join(FIXTURES, 'inline.output.ts'), 'utf8').replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('extends an existing loaders module: new loaders are added, identical ones reused, nothing else touched', async () => {
    const dir = path.join(ROOT, '.cache', 'dataloader-extend');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file), path.join(dir, file));
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG));
    // A project the codemod has run on before: its context is wired, its loaders module exists.
    copyFileSync(path.join(FIXTURES, 'context.output.ts'), path.join(dir, 'context.ts'));
    copyFileSync(path.join(FIXTURES, 'loaders.output.ts'), path.join(dir, 'loaders.ts'));
    // New code with an N+1 of its own: the same author lookup, and comments by author (a new loader).
    writeFileSync(
      path.join(dir, 'profile.ts'),
      [
        'import { eq } from "drizzle-orm";',
        'import { comments, users } from "./schema.js";',
        'import { publicProcedure, router } from "./trpc.js";',
        '',
        'export const profileRouter = router({',
        '  commenters: publicProcedure.query(async ({ ctx }) => {',
        '    const rows = await ctx.db.select().from(comments).limit(20);',
        '    return Promise.all(',
        '      rows.map(async (c) => ({',
        '        author: await ctx.db.query.users.findFirst({ where: eq(users.id, c.authorId) }),',
        '        theirs: await ctx.db.query.comments.findMany({ where: eq(comments.authorId, c.authorId) }),',
        '      })),',
        '    );',
        '  }),',
        '});',
        '',
      ].join('\n'),
    );
    const before = readFileSync(path.join(dir, 'loaders.ts'), 'utf8');
    const files = ['profile.ts', 'context.ts'].map((f) => path.join(dir, f));
    const summary = await runCodemod(codemod, { cwd: dir, files, dry: false, print: false, mark: false, write: () => {} });
    expect(summary.changed.sort()).toEqual(['loaders.ts', 'profile.ts']);
    const profile = readFileSync(path.join(dir, 'profile.ts'), 'utf8');
    expect(profile).toContain('author: await ctx.loaders.usersById.load(c.authorId),');
    // Awaited after the author's load: its loads would not meet, so the new loader is primed first.
    expect(profile).toContain('await primeKeys(ctx.loaders.commentsByAuthorId, rows.map((c) => c.authorId));');
    expect(profile).toContain('theirs: await ctx.loaders.commentsByAuthorId.load(c.authorId),');
    // The lookups were the only uses of `eq` and `users`: their imports go, `comments` is still read.
    expect(profile.split('\n').slice(0, 3)).toEqual(['import { comments } from "./schema.js";', 'import { publicProcedure, router } from "./trpc.js";', 'import { primeKeys } from "./loaders.js";']);
    const after = readFileSync(path.join(dir, 'loaders.ts'), 'utf8');
    // Everything that was there is still there, once; the new loader is added to the returned object.
    const kept = before.split('\n').filter((line) => line.trim() && !line.startsWith('import'));
    for (const line of kept) expect(after.split('\n').filter((l) => l === line).length, line).toBeGreaterThanOrEqual(1);
    expect(after.match(/usersById: new DataLoader/g)).toHaveLength(1);
    expect(after).toContain('commentsByAuthorId: new DataLoader(async (keys: readonly (typeof comments.$inferSelect)["authorId"][]) =>');
    expect(typeCheck(dir)).toBe('');
  });

  it('tells the user to install dataloader when the project does not depend on it, with its package manager', async () => {
    const dir = path.join(ROOT, '.cache', 'dataloader-install');
    rmSync(dir, { recursive: true, force: true });
    cpSync(path.join(FIXTURES), dir, { recursive: true });
    writeFileSync(path.join(dir, 'pnpm-lock.yaml'), '');
    for (const f of readdirSync(dir).filter((f) => f.includes('.output.') || f.startsWith('left-alone') || f.startsWith('inline'))) rmSync(path.join(dir, f));
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.input.ts'))) copyFileSync(path.join(dir, f), path.join(dir, f.replace('.input.ts', '.ts')));
    const files = ['context.ts', 'lookups.ts'].map((f) => path.join(dir, f));
    const summary = await runCodemod(codemod, { cwd: dir, files, dry: true, print: false, mark: false, write: () => {} });
    expect(summary.notes[0]).toBe('add the dataloader package: pnpm add dataloader');
    // --dry writes nothing, the loaders module included.
    expect(existsSync(path.join(dir, 'loaders.ts'))).toBe(false);
    expect(readFileSync(path.join(dir, 'lookups.ts'), 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'lookups.input.ts'), 'utf8'));
  });
});
