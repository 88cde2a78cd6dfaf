// The inline strategy's fixtures (route handler, server action, job, plain functions, helpers, a
// transaction) before and after `hotpath codemod dataloader --strategy=inline`, each bundled with esbuild
// and run on PGlite (an embedded Postgres) with seeded data: for the proof test. Only the database module
// is swapped, for one on PGlite with a logger that counts the queries; the rest is the fixtures' own code.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import * as esbuild from 'esbuild';
import { codemod } from '../codemods/dataloader/transform.js';
import { runCodemod, type RunSummary } from '../src/codemods/runner.js';
import { ROOT } from './root.js';

const FIXTURES = path.join(ROOT, 'codemods/dataloader/__testfixtures__');
const BUILD = path.join(ROOT, '.cache/dataloader-inline-proof');
/** The pairs that run (`<name>.input.ts`), and the support modules they import. */
export const MODULES = ['inline', 'inline-helpers', 'inline-reshaped-helpers', 'inline-outside-trpc', 'inline-transaction', 'auto'] as const;
const SUPPORT = ['schema.ts', 'post-queries.ts', 'trpc.ts', 'context.ts'];

type Module = Record<string, (...args: never[]) => Promise<unknown>>;
/** The fixtures' exports, by module: `inlineHelpers.commentAuthors`. */
export type Modules = Record<'inline' | 'inlineHelpers' | 'inlineReshapedHelpers' | 'inlineOutsideTrpc' | 'inlineTransaction' | 'auto', Module>;

export interface InlineProof {
  before: Modules;
  after: Modules;
  summary: RunSummary;
  /** Runs `work` and counts the queries it sent (a transaction's `begin` and `commit` included). */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }>;
  close(): Promise<void>;
}

declare global {
  var __hotpathInlineProof: { client: PGlite; logger: { logQuery(): void } } | undefined;
}

/** esbuild: the fixtures' `./db.js`, replaced by a database on the proof's PGlite. */
function onPglite(dir: string): esbuild.Plugin {
  return {
    name: 'fixtures-on-pglite',
    setup(build) {
      build.onResolve({ filter: /^\.\/db\.js$/ }, () => ({ path: 'db', namespace: 'proof' }));
      build.onLoad({ filter: /.*/, namespace: 'proof' }, () => ({
        loader: 'ts',
        resolveDir: dir,
        contents: [
          'import { drizzle } from "drizzle-orm/pglite";',
          'import * as schema from "./schema.js";',
          'const proof = globalThis.__hotpathInlineProof!;',
          'export const db = drizzle(proof.client, { schema, logger: proof.logger });',
        ].join('\n'),
      }));
    },
  };
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

async function bundle(dir: string, name: string): Promise<Modules> {
  const outfile = path.join(BUILD, `${name}.mjs`);
  await esbuild.build({
    stdin: { contents: MODULES.map((m) => `export * as ${camel(m)} from "./${m}.ts";`).join('\n'), resolveDir: dir, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
    plugins: [onPglite(dir)],
  });
  return (await import(pathToFileURL(outfile).href)) as Modules;
}

const SCHEMA = `
  create table users (id serial primary key, handle varchar(40) not null unique, name text not null);
  create table posts (id serial primary key, author_id integer not null, body text not null, deleted_at timestamp);
  create table comments (id serial primary key, post_id integer not null, author_id integer not null, reply_to integer, body text not null);
`;

/**
 * 40 users; 300 posts by pseudo-random authors (some by authors that do not exist, 1 in 9 deleted); 400
 * comments on odd-numbered posts only (even ones have none), most replying to a post (some to posts that
 * do not exist). Inserted out of key order, so that
 * rows come back in no order a batch could get for free.
 */
async function seed(client: PGlite): Promise<void> {
  await client.exec(SCHEMA);
  await client.exec(`
    insert into users (id, handle, name) select i, 'user' || i, 'User ' || i from generate_series(1, 40) i order by (i * 17) % 40;
    select setval('users_id_seq', 40);
    insert into posts (author_id, body, deleted_at)
      select (i * 37) % 44 + 1, 'Post ' || i, case when i % 9 = 0 then timestamp '2026-01-01' end from generate_series(1, 300) i;
    insert into comments (post_id, author_id, reply_to, body)
      select ((i * 13) % 160) * 2 + 1, (i * 7) % 40 + 1, case when i % 3 = 0 then null else (i * 11) % 330 + 1 end, 'Comment ' || i
      from generate_series(1, 400) i;
    analyze;
  `);
}

export async function loadInlineProof(): Promise<InlineProof> {
  rmSync(BUILD, { recursive: true, force: true });
  const dirs = { before: path.join(BUILD, 'before'), after: path.join(BUILD, 'after') };
  for (const dir of Object.values(dirs)) {
    mkdirSync(dir, { recursive: true });
    for (const file of SUPPORT) copyFileSync(path.join(FIXTURES, file === 'context.ts' ? 'context.input.ts' : file), path.join(dir, file));
    copyFileSync(path.join(FIXTURES, 'db.ts'), path.join(dir, 'db.ts'));
    for (const m of MODULES) copyFileSync(path.join(FIXTURES, `${m}.input.ts`), path.join(dir, `${m}.ts`));
  }
  const files = readdirSync(dirs.after)
    .filter((f) => (MODULES as readonly string[]).includes(f.replace(/\.ts$/, '')))
    .map((f) => path.join(dirs.after, f));
  // The auto pair's procedures would wire loaders into context.ts: only its job runs here, inline either way.
  const summary = await runCodemod(codemod, { cwd: dirs.after, files, dry: false, print: false, mark: false, write: () => {}, options: { strategy: 'inline' } });

  const client = new PGlite();
  await seed(client);
  let queries = 0;
  globalThis.__hotpathInlineProof = { client, logger: { logQuery: () => void queries++ } };
  const before = await bundle(dirs.before, 'before');
  const after = await bundle(dirs.after, 'after');
  return {
    before,
    after,
    summary,
    async measure(work) {
      queries = 0;
      const result = await work();
      return { result, queries };
    },
    async close() {
      await client.close();
      globalThis.__hotpathInlineProof = undefined;
    },
  };
}
