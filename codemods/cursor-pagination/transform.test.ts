import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemods/runner.js';
import type { HotpathApi } from '../../src/codemods/contract.js';
import transform, { codemod } from './transform.js';

const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const KEEP_TOTAL = { 'keep-total': 'true' };
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.input.ts'))
  .map((f) => f.replace('.input.ts', ''));

/** The `keep-total*` pairs are what `--keep-total` does; the others run without options. */
function run(file: string, options = path.basename(file).startsWith('keep-total') ? KEEP_TOTAL : {}): { output: string | undefined; bails: string[] } {
  const bails: string[] = [];
  const api = { bail: (line: number, reason: string) => void bails.push(`${line}: ${reason}`) } as HotpathApi;
  return { output: transform({ path: file, source: readFileSync(file, 'utf8') }, api, options) ?? undefined, bails };
}

describe('cursor-pagination', () => {
  it.for(cases)('rewrites %s.input.ts into its .output.ts, and a second run changes nothing', (name) => {
    const input = path.join(FIXTURES, `${name}.input.ts`);
    const expected = readFileSync(path.join(FIXTURES, `${name}.output.ts`), 'utf8');
    expect(run(input).output ?? readFileSync(input, 'utf8')).toBe(expected);
    expect(run(path.join(FIXTURES, `${name}.output.ts`)).output).toBeUndefined();
  });

  it('says why it leaves a site alone, and lists client calls by page number', () => {
    expect(run(path.join(FIXTURES, 'left-alone.input.ts')).bails).toEqual([
      '12: the query has no `orderBy`: there is no order to continue from',
      '18: the order is on an expression it cannot compare (only columns of the queried table are)',
      '24: the offset is not computed from `input.page`',
      '29: OFFSET in raw SQL: rewrite it by hand (a keyset `WHERE (a, id) < ($1, $2)` and `LIMIT n + 1`)',
      '34: a page-numbered query on the client: move it to `useInfiniteQuery` with `getNextPageParam: (last) => last.nextCursor` once its procedure pages by cursor',
    ]);
  });

  it('says why it leaves builders, offset cursors and helpers alone', () => {
    expect(run(path.join(FIXTURES, 'refused.input.ts')).bails).toEqual([
      '16: the result carries `total` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total',
      '29: the order of `query` is chosen at run time (`orderBy` at line 26): a cursor needs one order per branch, write it by hand',
      '38: `base` is also used at line 37: the cursor condition would change that use too',
      '45: `.leftJoin(comments)` is not on a unique column of `comments`: it can repeat rows, so no column orders them totally',
      '58: the offset `offset` is used at line 59 for more than paging: rewrite it by hand',
      '64: `pageOf` is exported: callers in other modules pass their page too, rewrite them with it',
      '72: the rewrite of the query at line 73 changes the same code: rewrite both by hand',
      '73: the rewrite of the query at line 72 changes the same code: rewrite both by hand',
    ]);
    expect(run(path.join(FIXTURES, 'refused-sqlite.input.ts')).bails).toEqual([
      '10: the order column `events.createdAt` is an SQLite `integer()`, which may hold Dates (`mode: "timestamp"`): write the cursor by hand',
    ]);
  });

  it('keeps a total only when asked: without --keep-total each of those sites is left alone, with the flag to use', () => {
    const { output, bails } = run(path.join(FIXTURES, 'keep-total.input.ts'), {});
    expect(output).toBeUndefined();
    expect(bails).toEqual([
      '17: the result carries `total` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total',
      '30: the result carries `totalCount` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total',
      '47: the result carries `meta.total` next to the page: a client that shows page numbers or jumps to a page needs the offset; if none does, run with --keep-total',
    ]);
  });

  it('with --keep-total, still says why it leaves declared outputs, REST endpoints, page counts and page-derived fields alone', () => {
    expect(run(path.join(FIXTURES, 'keep-total-refused.input.ts')).bails).toEqual([
      '16: the procedure declares its output (`.output(…)`): add `nextCursor` to it and rewrite it by hand',
      '27: the procedure is published as a REST endpoint (`meta.openapi`): callers outside the checkout send the offset, keep it or version the endpoint',
      '33: the result carries `totalPages`: only a page-number control reads a page count, rewrite client and server together',
      '39: `count` is counted from the page\'s rows: with a cursor it would count one page, rewrite it by hand',
      '45: the result\'s `page` is computed from the page input: it has no meaning for a cursor, rewrite it by hand',
      '52: the function returns at line 53, after reading the rows: rewrite it by hand',
    ]);
  });

  it('with --mark, leaves each refusal as a todo above its line and changes nothing else', async () => {
    const file = path.join(FIXTURES, 'refused.input.ts');
    const printed: string[] = [];
    const summary = await runCodemod(codemod, { cwd: FIXTURES, files: [file], dry: true, print: true, mark: true, write: (t) => void printed.push(t) });
    const output = printed.at(-1)!;
    const todos = output.split('\n').filter((line) => line.includes('// hotpath-todo(cursor-pagination): '));
    expect(todos.map((line) => line.trim().replace('// hotpath-todo(cursor-pagination): ', ''))).toEqual(summary.skipped.map((s) => s.reason));
    expect(output.split('\n').filter((line) => !line.includes('hotpath-todo')).join('\n')).toBe(readFileSync(file, 'utf8'));
    // Each todo stands right above the line it is about.
    const lines = output.split('\n');
    const source = readFileSync(file, 'utf8').split('\n');
    const above = lines.flatMap((line, i) => (line.includes('hotpath-todo') ? [lines.slice(i + 1).find((l) => !l.includes('hotpath-todo'))] : []));
    expect(above).toEqual(summary.skipped.map((s) => source[s.line - 1]));
  });

  it('removes the imports the rewrite made dead, and only those: one unused before stays', () => {
    const file = path.join(FIXTURES, 'imports.input.ts');
    const source = readFileSync(file, 'utf8').replace('import { z } from "zod";\n', 'import { z } from "zod";\nimport { unusedBefore } from "./unused.js";\n');
    const output = transform({ path: file, source }, { bail: () => {} } as unknown as HotpathApi)!;
    expect(output).toBe(readFileSync(path.join(FIXTURES, 'imports.output.ts'), 'utf8').replace('import { z } from "zod";\n', 'import { z } from "zod";\nimport { unusedBefore } from "./unused.js";\n'));
    expect(output).toContain('import { PAGE_SIZE } from "./paging.js";');
  });

  it('produces code that type-checks against drizzle-orm, tRPC and zod', () => {
    const files = readdirSync(FIXTURES).filter((f) => !f.includes('.input.')).map((f) => path.join(FIXTURES, f));
    const args = ['--ignoreConfig', '--noEmit', '--strict', '--noUnusedLocals', '--skipLibCheck', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--types', 'node', ...files];
    expect(() => execFileSync(process.execPath, [TSC, ...args], { encoding: 'utf8' })).not.toThrow();
  });

  it("rewrites the fixture app's paginated routers, says why it leaves the others, and the app still type-checks", async () => {
    // Inside the repository, so that the copy resolves the same node_modules.
    const app = path.join(ROOT, '.cache', 'cursor-socialhub');
    rmSync(app, { recursive: true, force: true });
    mkdirSync(path.dirname(app), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/socialhub'), app, { recursive: true });
    const files = ['apps/api/src', 'apps/web/src'].flatMap((dir) =>
      readdirSync(path.join(app, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(app, dir, f)),
    );
    const result = await runCodemod(codemod, { cwd: app, files, dry: false, print: false, mark: false, write: () => {} });
    expect(result.changed.sort()).toEqual(['apps/api/src/trpc/routers/post.ts', 'apps/api/src/trpc/routers/search.ts']);
    expect(result.skipped.map((s) => `${s.file}:${s.line}`).sort()).toEqual([
      'apps/api/src/services/feed.service.ts:25',
      'apps/api/src/trpc/routers/search.ts:23',
      'apps/web/src/app/feed/timeline.tsx:13',
      'apps/web/src/app/search/page.tsx:10',
    ]);
    const second = await runCodemod(codemod, { cwd: app, files, dry: false, print: false, mark: false, write: () => {} });
    expect(second.changed).toEqual([]);
    // The web app still calls the old inputs: the listed client sites are what is left to move.
    const output = (() => {
      try {
        execFileSync(process.execPath, [TSC, '--noEmit', '-p', '.'], { cwd: app, encoding: 'utf8' });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout);
      }
    })();
    const errorFiles = [...new Set([...output.matchAll(/^([^\s(]+)\(\d+,\d+\): error/gm)].map((m) => m[1]))];
    expect(errorFiles.sort()).toEqual(['apps/web/src/app/feed/timeline.tsx', 'apps/web/src/app/search/page.tsx']);
  });
});
