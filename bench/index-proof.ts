// The SocialHub fixture's queries that require-index reports, run on PGlite (an embedded Postgres) before and
// after `hotpath codemod add-index`: the schema's DDL is pushed to one database as it is and to another as the
// codemod leaves it, both seeded alike (≥ 100,000 rows a table), for the proof test and `npm run bench:index`.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { is } from 'drizzle-orm';
import { getTableConfig, IndexedColumn, PgTable } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { build } from 'esbuild';
import { codemod } from '../codemods/add-index/transform.js';
import { runCodemod } from '../src/codemods/runner.js';
import { listSourceFiles } from '../src/cli/files.js';
import { ROOT } from './root.js';

// The repository: one folder up from bench/ when run from sources (tests), two from dist/bench/ when built.
const APP = path.join(ROOT, 'fixtures/socialhub');
const BUILD = path.join(ROOT, '.cache/index-proof');
export const ROWS = 100_000;

type Db = ReturnType<typeof drizzle>;
type Caller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
type Services = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  useDb(db: Db): void;
  appRouter: { createCaller(ctx: unknown): Caller };
};

/** One planted query: how to call it, which SQL it sends is the one to explain, and what its plan must show. */
export interface Case {
  name: string;
  /** The fixture function or procedure, called with the database of one side. */
  run(services: Services, db: Db): Promise<unknown>;
  /** The statement whose plan is the point, among those the call sends. */
  statement: RegExp;
  table: string;
  /**
   * Keyset pages within this column's value: the table has an index on it, or on the order, but not on both,
   * so the plan before either sorts every matching row or walks the order's index discarding other values.
   */
  keyset: string | null;
}

export const CASES: Case[] = [
  { name: 'notificationsByActor (filter)', run: (s) => s.notificationsByActor!(5), statement: /from "notifications"/, table: 'notifications', keyset: null },
  { name: 'newestUsers (order)', run: (s) => s.newestUsers!(), statement: /from "users"/, table: 'users', keyset: null },
  { name: 'eventsMatching (JSONB @>)', run: (s) => s.eventsMatching!({ client: 'watch' }), statement: /from "audit_events"/, table: 'audit_events', keyset: null },
  { name: 'notificationsOnPostsOf (join)', run: (s) => s.notificationsOnPostsOf!(1), statement: /inner join "notifications"/, table: 'notifications', keyset: null },
  { name: 'recentLogins (relational)', run: (s) => s.recentLogins!(1), statement: /from "audit_events"/, table: 'audit_events', keyset: null },
  {
    name: 'user.followers (keyset)',
    run: (s, db) => caller(s, db).user!.followers!({ userId: 1, cursor: new Date(Date.UTC(2026, 0, 1) + 60_000 * 60_000).toISOString(), limit: 50 }),
    statement: /from "follows"/,
    table: 'follows',
    keyset: 'followee_id',
  },
  { name: 'notification.list (keyset)', run: (s, db) => caller(s, db).notification!.list!({ cursor: 150_000, limit: 30 }), statement: /from "notifications" where/, table: 'notifications', keyset: 'user_id' },
  { name: 'platform.exportPosts (keyset)', run: (s, db) => caller(s, db).platform!.exportPosts!({ platformId: 1 }), statement: /from "posts"/, table: 'posts', keyset: 'platform_id' },
];

const caller = (services: Services, db: Db) => services.appRouter.createCaller({ db, redis: {}, userId: 1 });

export interface Side {
  db: Db;
  client: PGlite;
  /** The statements a call sends, with their parameters, as drizzle's logger saw them. */
  statements: Array<{ sql: string; params: unknown[] }>;
}

export interface Proof {
  services: Services;
  before: Side;
  after: Side;
  /** What the codemod said it changed. */
  notes: string[];
  /** The index DDL pushed after the codemod: dropped (widened) and created. */
  pushed: string[];
  /** The plan of the case's statement on one side, as the lines of `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)`. */
  explain(side: Side, c: Case): Promise<string[]>;
  /** The call's result on one side, and its duration in ms. */
  call(side: Side, c: Case): Promise<{ result: unknown; ms: number }>;
  close(): Promise<void>;
}

export async function loadProof(rows = ROWS): Promise<Proof> {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD, { recursive: true });
  // The codemod on a copy of the app, given every file of the API: it edits the schema package.
  const copy = path.join(BUILD, 'app');
  cpSync(APP, copy, { recursive: true });
  const files = (await listSourceFiles(copy, ['apps/api'])).filter((f) => f.endsWith('.ts'));
  const summary = await runCodemod(codemod, { cwd: copy, files, dry: false, print: false, mark: false, write: () => {}, options: {} });
  const beforeSchema = await bundleSchema(path.join(APP, 'packages/db/src/schema/index.ts'), 'schema-before.mjs');
  const afterSchema = await bundleSchema(path.join(copy, 'packages/db/src/schema/index.ts'), 'schema-after.mjs');
  const services = await bundleServices();

  const beforeDdl = ddlOf(beforeSchema);
  const afterDdl = ddlOf(afterSchema);
  const pushed = [
    ...[...beforeDdl.indexes].filter(([name, sql]) => afterDdl.indexes.get(name) !== sql).map(([name]) => `drop index "${name}"`),
    ...[...afterDdl.indexes].filter(([name, sql]) => beforeDdl.indexes.get(name) !== sql).map(([, sql]) => sql),
  ];
  const open = async (): Promise<Side> => {
    const client = new PGlite();
    const statements: Side['statements'] = [];
    const db = drizzle(client, { schema: beforeSchema, logger: { logQuery: (sql, params) => void statements.push({ sql, params }) } });
    await client.exec([...beforeDdl.tables, ...beforeDdl.indexes.values()].join(';\n'));
    await seed(client, rows);
    return { db, client, statements };
  };
  const before = await open();
  const after = await open();
  // What `drizzle-kit push` does with the codemod's schema: the index statements of the difference.
  await after.client.exec(pushed.join(';\n'));
  await after.client.exec('analyze');

  return {
    services,
    before,
    after,
    notes: summary.notes,
    pushed,
    async explain(side, c) {
      side.statements.length = 0;
      services.useDb(side.db);
      await c.run(services, side.db);
      const statement = side.statements.find((s) => c.statement.test(s.sql));
      if (!statement) throw new Error(`${c.name}: no statement matches ${c.statement} among ${side.statements.map((s) => s.sql).join(' | ')}`);
      const result = await side.client.query<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off) ${statement.sql}`, statement.params);
      return result.rows.map((r) => r['QUERY PLAN']);
    },
    async call(side, c) {
      services.useDb(side.db);
      const start = performance.now();
      const result = await c.run(services, side.db);
      return { result, ms: performance.now() - start };
    },
    async close() {
      await before.client.close();
      await after.client.close();
    },
  };
}

/** The schema package as one ES module beside the repository's node_modules (drizzle-orm stays external). */
async function bundleSchema(entry: string, name: string): Promise<Record<string, unknown>> {
  const outfile = path.join(BUILD, name);
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, external: ['drizzle-orm', 'drizzle-orm/*'], logLevel: 'silent' });
  return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
}

/**
 * The API's services and routers as the fixture writes them, with `@socialhub/db` pointing to the schema and
 * a database the proof sets per call, and Redis and the job queue (which no planted query touches) stubbed.
 */
async function bundleServices(): Promise<Services> {
  writeFileSync(
    path.join(BUILD, 'db.mjs'),
    [
      `export * from "./schema-before.mjs";`,
      `export let db;`,
      `export function useDb(next) { db = next; }`,
      `export const formatHandle = (h) => h;`,
    ].join('\n'),
  );
  writeFileSync(
    path.join(BUILD, 'redis.mjs'),
    [
      `export const redis = {};`,
      `export const enqueue = async () => {};`,
      `export const readLikeCounts = async () => new Map();`,
      `export const writeCachedFeed = async () => {};`,
      `export const readCachedFeed = async () => null;`,
      `export const readSessions = async () => [];`,
      `export const feedKey = () => "";`,
    ].join('\n'),
  );
  const entry = path.join(BUILD, 'services.ts');
  const api = path.join(APP, 'apps/api/src');
  writeFileSync(
    entry,
    [`export * from ${JSON.stringify(path.join(api, 'services/activity.service.ts'))};`, `export { appRouter } from ${JSON.stringify(path.join(api, 'trpc/routers/index.ts'))};`, `export { useDb } from "@socialhub/db";`].join('\n'),
  );
  const outfile = path.join(BUILD, 'services.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
    external: ['drizzle-orm', 'drizzle-orm/*', '@trpc/server', 'zod'],
    plugins: [
      {
        name: 'proof-modules',
        setup(b) {
          b.onResolve({ filter: /^@socialhub\/db$/ }, () => ({ path: path.join(BUILD, 'db.mjs'), external: true }));
          b.onResolve({ filter: /lib\/(redis|queue)\.js$/ }, () => ({ path: path.join(BUILD, 'redis.mjs'), external: true }));
        },
      },
    ],
  });
  return (await import(pathToFileURL(outfile).href)) as Services;
}

/** CREATE statements for a drizzle schema module's enums and tables, and its indexes by name. */
function ddlOf(schema: Record<string, unknown>): { tables: string[]; indexes: Map<string, string> } {
  const tables: string[] = [];
  const indexes = new Map<string, string>();
  for (const value of Object.values(schema)) {
    const candidate = value as { enumName?: string; enumValues?: string[] };
    if (typeof value === 'function' && candidate.enumName && candidate.enumValues) {
      tables.unshift(`create type "${candidate.enumName}" as enum (${candidate.enumValues.map((v) => `'${v}'`).join(', ')})`);
    }
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const columns = config.columns.map((c) => `"${c.name}" ${c.getSQLType()}${c.primary ? ' primary key' : ''}${c.notNull && !c.primary ? ' not null' : ''}${c.isUnique ? ' unique' : ''}`);
    for (const pk of config.primaryKeys) columns.push(`primary key (${pk.columns.map((c) => `"${c.name}"`).join(', ')})`);
    tables.push(`create table "${config.name}" (${columns.join(', ')})`);
    for (const { config: index } of config.indexes) {
      const parts = index.columns.map((c) => {
        if (!(c instanceof IndexedColumn)) throw new Error(`${index.name}: expression indexes are not part of this proof`);
        return `"${c.name}"${c.indexConfig.order === 'desc' ? ' desc' : ''}`;
      });
      indexes.set(index.name!, `create ${index.unique ? 'unique ' : ''}index "${index.name}" on "${config.name}" using ${index.method ?? 'btree'} (${parts.join(', ')})`);
    }
  }
  return { tables, indexes };
}

/**
 * The same rows on both sides, built by SQL from the row number (no randomness): one celebrity with a fifth
 * of the follows; one user whose 20,000 notifications are the oldest (a cursor deep in their list is far from
 * the newest rows); one platform whose 2,000 posts are the newest (an export from id 0 is far from them);
 * one author with 20 posts; actors and users spread thin; 1 % of events from the `watch` client.
 */
async function seed(client: PGlite, rows: number): Promise<void> {
  const at = (expr: string) => `timestamptz '2026-01-01' + (${expr}) * interval '1 minute'`;
  await client.exec(`
    insert into users (id, email, handle, display_name, created_at)
      select i, 'u' || i || '@example.com', 'u' || i, 'User ' || i, ${at(`(i * 37) % ${rows}`)} from generate_series(1, ${rows}) i;
    insert into platforms (id, user_id, kind, handle, access_token, token_expires_at)
      select i, 1 + i % ${rows}, (array['twitter','mastodon','bluesky','linkedin']::platform_kind[])[1 + i % 4], 'h' || i, 't' || i, ${at('i')}
      from generate_series(1, ${rows}) i;
    insert into posts (id, author_id, platform_id, external_id, body, data, like_count, created_at)
      select i, case when i <= 20 then 1 else 2 + i % ${rows - 2} end, case when i > ${2 * rows - rows / 50} then 1 else 2 + i % ${rows - 2} end,
             'e' || i, 'post ' || i, '{}', 0, ${at('i')}
      from generate_series(1, ${2 * rows}) i;
    insert into notifications (id, user_id, actor_id, post_id, kind, created_at)
      select i, case when i <= ${rows / 5} then 1 else 2 + i % ${rows - 2} end, 1 + (i * 31) % ${rows}, 1 + (i * 13) % ${2 * rows},
             (array['like','follow','mention','reply']::notification_kind[])[1 + i % 4], ${at('(i * 7) % ' + 2 * rows)}
      from generate_series(1, ${2 * rows}) i;
    insert into follows (follower_id, followee_id, created_at)
      select i, case when i % 5 = 0 then 1 else 2 + (i * 17) % ${rows - 2} end, ${at('i')} from generate_series(1, ${rows}) i;
    insert into audit_events (id, user_id, action, payload, created_at)
      select i, case when i % ${rows / 10} = 0 then 1 else 2 + i % ${rows - 2} end, (array['login','post','like'])[1 + i % 3],
             jsonb_build_object('client', case when i % 100 = 0 then 'watch' else (array['ios','android','web'])[1 + i % 3] end, 'n', i),
             ${at('i')}
      from generate_series(1, ${rows}) i;
    analyze;
  `);
}
