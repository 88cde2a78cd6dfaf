// The batch-writes fixtures before and after the rewrite, run on PGlite (an embedded Postgres), with the
// statements Drizzle's logger sees counted: for the proof test. The codemod rewrites a copy of the fixtures
// with `--chunk=100`, so a few hundred items show both the batch and its chunks.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import ts from 'typescript';
import { codemod } from '../codemods/batch-writes/transform.js';
import { runCodemod, type RunSummary } from '../src/codemods/runner.js';
import { ROOT } from './root.js';

// The repository: one folder up from bench/ when run from sources (tests), two from dist/bench/ when built.
const FIXTURES = path.join(ROOT, 'codemods/batch-writes/__testfixtures__');
const BUILD = path.join(ROOT, '.cache/batch-writes-proof');
export const CHUNK = 100;

const TABLES = `
  create table users (id serial primary key, email text not null unique, name text not null,
                      active boolean not null default true, visits integer not null default 0, updated_at timestamp);
  create table tags (id serial primary key, name text not null unique);
  create table post_tags (post_id integer not null, tag_id integer not null, position integer not null);
  create unique index post_tags_idx on post_tags (post_id, tag_id);
  create table events (id serial primary key, user_id integer not null, kind text not null, payload jsonb);
  create table settings (user_id integer not null, key text not null, setting_value text not null, revision integer not null default 1);
  create unique index settings_idx on settings (user_id, key);
`;

type Module = Record<string, (...args: never[]) => Promise<unknown>>;

export interface Run {
  result: unknown;
  /** Statements sent to the database, as Drizzle's logger counts them (a transaction's own not included). */
  queries: number;
  /** Every table's rows afterwards, in primary-key (or key) order. */
  tables: Record<string, unknown[]>;
  /** The same, after the seed and before the function ran. */
  seeded: Record<string, unknown[]>;
}

export interface BatchWritesProof {
  summary: RunSummary;
  /** Resets the tables, runs `seed` (SQL), then the fixture function `name` of `module`, before or after the rewrite. */
  run(version: 'before' | 'after', module: string, name: string, args: unknown[], seed?: string): Promise<Run>;
  /** Runs SQL on the proof's database directly (uncounted). */
  exec(sql: string): Promise<void>;
  /** The rows a query gives, read directly (uncounted): the tables after a run that threw. */
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

declare global {
  var __batchWritesProof: { db: unknown } | undefined;
}

export async function loadProof(): Promise<BatchWritesProof> {
  rmSync(BUILD, { recursive: true, force: true });
  // Rewrite a copy of the inputs, as a user's project is rewritten.
  const scratch = path.join(BUILD, 'project');
  mkdirSync(scratch, { recursive: true });
  const cases = readdirSync(FIXTURES).filter((f) => f.endsWith('.input.ts')).map((f) => f.replace('.input.ts', ''));
  for (const f of ['schema.ts', 'db.ts']) copyFileSync(path.join(FIXTURES, f), path.join(scratch, f));
  for (const c of cases) copyFileSync(path.join(FIXTURES, `${c}.input.ts`), path.join(scratch, `${c}.ts`));
  const summary = await runCodemod(codemod, {
    cwd: scratch,
    files: cases.map((c) => path.join(scratch, `${c}.ts`)),
    dry: false,
    print: false,
    mark: false,
    write: () => {},
    options: { chunk: String(CHUNK) },
  });
  for (const version of ['before', 'after'] as const) {
    const dir = path.join(BUILD, version);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'schema.js'), transpile(readFileSync(path.join(FIXTURES, 'schema.ts'), 'utf8')));
    // The fixtures' database module, swapped for the proof's counted one.
    writeFileSync(path.join(dir, 'db.js'), 'export const db = globalThis.__batchWritesProof.db;\n');
    for (const c of cases) {
      const source = version === 'before' ? path.join(FIXTURES, `${c}.input.ts`) : path.join(scratch, `${c}.ts`);
      writeFileSync(path.join(dir, `${c}.js`), transpile(readFileSync(source, 'utf8')));
    }
  }
  const client = new PGlite();
  let queries = 0;
  globalThis.__batchWritesProof = { db: drizzle(client, { logger: { logQuery: () => void queries++ } }) };
  await client.exec(TABLES);
  const dump = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const [table, order] of [['users', 'id'], ['tags', 'id'], ['post_tags', 'post_id, tag_id'], ['events', 'id'], ['settings', 'user_id, key']] as const) {
      tables[table] = (await client.query(`select * from ${table} order by ${order}`)).rows;
    }
    return tables;
  };
  const modules = new Map<string, Module>();
  const load = async (version: string, module: string) => {
    const key = `${version}/${module}`;
    if (!modules.has(key)) modules.set(key, (await import(pathToFileURL(path.join(BUILD, version, `${module}.js`)).href)) as Module);
    return modules.get(key)!;
  };
  return {
    summary,
    async run(version, module, name, args, seed = '') {
      await client.exec(`truncate users, tags, post_tags, events, settings restart identity; ${seed}`);
      const fn = (await load(version, module))[name]!;
      const seeded = await dump();
      queries = 0;
      const result = await fn(...(args as never[]));
      const counted = queries;
      return { result, queries: counted, tables: await dump(), seeded };
    },
    async exec(sql) {
      await client.exec(sql);
    },
    async query(sql) {
      return (await client.query(sql)).rows;
    },
    async close() {
      await client.close();
      globalThis.__batchWritesProof = undefined;
    },
  };
}

function transpile(source: string): string {
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
}
