// The fixture app before and after `hotpath codemod dataloader`, each bundled with esbuild and run on PGlite
// (an embedded Postgres) with seeded data, its Redis on a real redis-server: for the proof test and for
// `npm run bench:dataloader`. Only the database client module is swapped, for one on PGlite with a logger
// that counts the queries; everything else (routers, createContext, loaders) is the app's own code.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import * as esbuild from 'esbuild';
import { codemod } from '../codemods/dataloader/transform.js';
import { runCodemod, type RunSummary } from '../src/codemods/runner.js';
import { startRedisServer } from './redis-server.js';
import { ROOT } from './root.js';

const APP = path.join(ROOT, 'fixtures/socialhub');
const BUILD = path.join(ROOT, '.cache/dataloader-proof');
const SESSION = 'dataloader-proof';
export const VIEWER = 1;

type Procedure = 'post.latest' | 'post.timeline' | 'notification.list';
type Caller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
type Loader = { load(key: unknown): Promise<unknown> };
interface AppModule {
  appRouter: { createCaller(ctx: unknown): Caller };
  /** The rewritten app's loaders factory and database (the "after" bundle only). */
  createLoaders?: (db: unknown) => Record<string, Loader>;
  db: unknown;
  createContext(opts: { req: { headers: Record<string, string> } }): Promise<unknown>;
  redis: { set(key: string, value: string): Promise<unknown>; quit(): Promise<unknown> };
}

export interface App {
  /** One request: a fresh context from the app's `createContext`, then the procedure; with the queries it sent. */
  call(procedure: Procedure, input: unknown): Promise<{ result: unknown; queries: number }>;
}

export interface DataloaderProof {
  before: App;
  after: App;
  /** What the codemod said when it rewrote the copy. */
  summary: RunSummary;
  /** A fresh set of the rewritten app's loaders, as one request gets them. */
  newLoaders(): Record<string, Loader>;
  /** Runs `work` and counts the queries it sent. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }>;
  renameUser(id: number, displayName: string): Promise<void>;
  close(): Promise<void>;
}

declare global {
  var __hotpathDataloaderProof: { client: PGlite; logger: { logQuery(): void } } | undefined;
}

/** esbuild: the app's `@socialhub/db` alias, and its client module replaced by one on the proof's PGlite. */
function onPglite(app: string): esbuild.Plugin {
  return {
    name: 'socialhub-on-pglite',
    setup(build) {
      build.onResolve({ filter: /^@socialhub\/db$/ }, () => ({ path: path.join(app, 'packages/db/src/index.ts') }));
      build.onLoad({ filter: /packages[\\/]db[\\/]src[\\/]client\.ts$/ }, () => ({
        loader: 'ts',
        resolveDir: path.join(app, 'packages/db/src'),
        contents: [
          'import { drizzle } from "drizzle-orm/pglite";',
          'import * as schema from "./schema";',
          'const proof = globalThis.__hotpathDataloaderProof!;',
          'export const db = drizzle(proof.client, { schema, logger: proof.logger });',
          'export type Database = typeof db;',
        ].join('\n'),
      }));
    },
  };
}

async function bundle(app: string, name: string, extra: string[] = []): Promise<AppModule> {
  const outfile = path.join(BUILD, `${name}.mjs`);
  await esbuild.build({
    stdin: {
      contents: [
        'export { appRouter } from "./apps/api/src/trpc/routers/index.ts";',
        'export { createContext } from "./apps/api/src/trpc/context.ts";',
        'export { redis } from "./apps/api/src/lib/redis.ts";',
        'export { db } from "@socialhub/db";',
        ...extra,
      ].join('\n'),
      resolveDir: app,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    tsconfig: path.join(app, 'tsconfig.json'),
    outfile,
    logLevel: 'silent',
    plugins: [onPglite(app)],
  });
  return (await import(pathToFileURL(outfile).href)) as AppModule;
}

const SCHEMA = `
  create type platform_kind as enum ('twitter', 'mastodon', 'bluesky', 'linkedin');
  create type notification_kind as enum ('like', 'follow', 'mention', 'reply');
  create table users (id serial primary key, email varchar(320) not null, handle varchar(40) not null unique,
                      display_name text not null, avatar_url text, created_at timestamptz not null default now());
  create table platforms (id serial primary key, user_id integer not null references users(id), kind platform_kind not null,
                          handle varchar(120) not null, access_token text not null, refresh_token text,
                          token_expires_at timestamptz, last_polled_at timestamptz);
  create table posts (id serial primary key, author_id integer not null references users(id),
                      platform_id integer not null references platforms(id), external_id varchar(128) not null,
                      body text not null, data jsonb not null default '{}', like_count integer not null default 0,
                      created_at timestamptz not null default now());
  create index posts_created_id_idx on posts (created_at desc, id desc);
  create table notifications (id serial primary key, user_id integer not null references users(id),
                              actor_id integer not null references users(id), post_id integer references posts(id),
                              kind notification_kind not null, read_at timestamptz, created_at timestamptz not null default now());
`;

/** 80 users with a platform each, 2,000 posts by pseudo-random authors, 120 notifications for the viewer. */
async function seed(client: PGlite): Promise<void> {
  await client.exec(SCHEMA);
  await client.exec(`
    insert into users (email, handle, display_name, avatar_url)
      select 'u' || i || '@example.com', 'user' || i, 'User ' || i, case when i % 3 = 0 then null else 'https://cdn.example.com/' || i end
      from generate_series(1, 80) i;
    insert into platforms (user_id, kind, handle, access_token) select id, 'mastodon', handle, 'token' from users;
    insert into posts (author_id, platform_id, external_id, body, like_count, created_at)
      select (i * 37) % 80 + 1, (i * 37) % 80 + 1, 'ext' || i, 'Post number ' || i || ' about feeds and caches', i % 17,
             timestamptz '2026-01-01' + (i || ' minutes')::interval
      from generate_series(1, 2000) i;
    insert into notifications (user_id, actor_id, post_id, kind, created_at)
      select ${VIEWER}, (i * 13) % 80 + 1, case when i % 4 = 0 then null else (i * 7) % 2000 + 1 end,
             (array['like', 'follow', 'mention', 'reply'])[i % 4 + 1]::notification_kind, timestamptz '2026-02-01' + (i || ' minutes')::interval
      from generate_series(1, 120) i;
    analyze;
  `);
}

export async function loadProof(): Promise<DataloaderProof> {
  rmSync(BUILD, { recursive: true, force: true });
  const before = path.join(BUILD, 'before');
  const after = path.join(BUILD, 'after');
  cpSync(APP, before, { recursive: true });
  cpSync(APP, after, { recursive: true });
  const api = path.join(after, 'apps/api/src');
  const files = readdirSync(api, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(api, f));
  const summary = await runCodemod(codemod, { cwd: after, files, dry: false, print: false, mark: false, write: () => {} });

  const client = new PGlite();
  await seed(client);
  let queries = 0;
  globalThis.__hotpathDataloaderProof = { client, logger: { logQuery: () => void queries++ } };
  const redis = await startRedisServer();
  process.env.REDIS_URL = redis.url;
  const modules = [await bundle(before, 'before'), await bundle(after, 'after', ['export { createLoaders } from "./apps/api/src/trpc/loaders.ts";'])];
  // The session the app's createContext resolves the bearer token to (as a signed-in request would).
  await modules[0]!.redis.set(`session:${SESSION}`, String(VIEWER));

  const measure = async <T>(work: () => Promise<T>) => {
    queries = 0;
    const result = await work();
    return { result, queries };
  };
  const app = (module: AppModule): App => ({
    async call(procedure, input) {
      const ctx = await module.createContext({ req: { headers: { authorization: `Bearer ${SESSION}` } } });
      const [router, name] = procedure.split('.') as [string, string];
      return measure(() => module.appRouter.createCaller(ctx)[router]![name]!(input));
    },
  });
  return {
    before: app(modules[0]!),
    after: app(modules[1]!),
    summary,
    newLoaders: () => modules[1]!.createLoaders!(modules[1]!.db),
    measure,
    async renameUser(id, displayName) {
      await client.query('update users set display_name = $1 where id = $2', [displayName, id]);
    },
    async close() {
      for (const module of modules) await module.redis.quit();
      redis.stop();
      await client.close();
      globalThis.__hotpathDataloaderProof = undefined;
    },
  };
}
