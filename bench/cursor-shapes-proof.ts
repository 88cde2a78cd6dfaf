// The shapes real apps page by offset, before and after the cursor-pagination rewrite, on PGlite: helpers
// whose string cursor carries an offset (a join, `findMany`, a builder paged in statements), tRPC
// procedures that page builders kept in variables, one whose page goes to a helper, and orders on a column
// that may be NULL. Every time is shared by several rows, and the string
// times carry microseconds, as Postgres writes them.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { compile } from './cursor-proof.js';
import { ROOT } from './root.js';

const BUILD = path.join(ROOT, '.cache/cursor-shapes-proof');
const POSTS = 2_000;
const COMMENTS = 3_000;
const AUTHORS = 12;
const BASE = Date.UTC(2026, 0, 1);

type Row = { id: number | string };
type Helper = (db: unknown, params: Record<string, unknown>) => Promise<Record<string, unknown>>;
type CursorOnly = (db: unknown, cursor: string | null) => Promise<Record<string, unknown>>;
type Caller = (input: Record<string, unknown>) => Promise<unknown>;

export type HelperName = 'getComments' | 'getPostComments' | 'getPosts' | 'lowest';
/** `builderRouter.byAuthor` and `.oldest`, `helperRouter.byAuthor` (its query in a helper), `nullableRouter.best`. */
export type ProcedureName = 'byAuthor' | 'oldest' | 'helper' | 'best';

/** A walk over every page: the ids in the order they came, and how many queries it took. */
export interface Walk {
  ids: Array<number | string>;
  pages: number;
}

export interface ShapesProof {
  /** The same caller code on both versions: read the cursor the result gives, pass it back, until none. */
  walkHelper(version: 'before' | 'after', name: HelperName): Promise<Walk>;
  /** Offset pages for the original procedure, `nextCursor` pages (over JSON) for the rewritten one. */
  walkProcedure(version: 'before' | 'after', name: ProcedureName): Promise<Walk>;
  /** Every id in the order the rewrite pages: the original order, the primary key breaking ties. */
  truth(name: HelperName | ProcedureName): Promise<Array<number | string>>;
  /** The values of the original order's columns for each id: all that the original order decides. */
  orderKeys(name: HelperName | ProcedureName, ids: Array<number | string>): Promise<string[]>;
  close(): Promise<void>;
}

const SQL_ORDER: Record<HelperName | ProcedureName, { table: string; where: string; order: string; key: string }> = {
  getComments: { table: 'comments', where: '', order: 'created_at desc, id desc', key: 'created_at::text' },
  getPostComments: { table: 'comments', where: 'where post_id = 1', order: 'created_at asc, id asc', key: 'created_at::text' },
  getPosts: { table: 'posts', where: '', order: 'created_at desc, id desc', key: 'created_at::text' },
  byAuthor: { table: 'posts', where: 'where author_id = 3', order: 'created_at desc, id desc', key: 'created_at::text' },
  oldest: { table: 'posts', where: '', order: 'created_at asc, id asc', key: "created_at::text || '|' || id" },
  helper: { table: 'posts', where: 'where author_id = 3', order: 'created_at desc, id desc', key: 'created_at::text' },
  // Postgres's own NULL placement: last ascending, first descending.
  lowest: { table: 'posts', where: '', order: 'score asc, id asc', key: "coalesce(score::text, 'null')" },
  best: { table: 'posts', where: '', order: 'score desc, id desc', key: "coalesce(score::text, 'null')" },
};

export async function loadShapesProof(): Promise<ShapesProof> {
  const modules = {
    before: {
      helpers: { ...(await compile('offset-cursor.input', BUILD)), ...(await compile('nullable.input', BUILD)) },
      builders: await compile('builder.input', BUILD),
      helper: await compile('helper.input', BUILD),
    },
    after: {
      helpers: { ...(await compile('offset-cursor.output', BUILD)), ...(await compile('nullable.output', BUILD)) },
      builders: await compile('builder.output', BUILD),
      helper: await compile('helper.output', BUILD),
    },
  };
  const schema = (await import(path.join(BUILD, 'schema.js'))) as Record<string, unknown>;
  const trpc = (await import(path.join(BUILD, 'trpc.js'))) as { createCallerFactory: (router: unknown) => (ctx: unknown) => Record<string, Caller> };
  const client = new PGlite();
  const db = drizzle(client, { schema });
  await client.exec(`
    create table posts (id serial primary key, author_id integer not null, body text not null, score integer,
                        created_at timestamptz not null);
    create table authors (id serial primary key, name text not null);
    create table comments (id uuid primary key, post_id integer not null, author_id integer not null,
                           body text not null, created_at timestamptz not null);
    insert into authors (name) select 'author ' || i from generate_series(1, ${AUTHORS}) i;
    -- Ids do not follow time; 20 posts share each minute; a quarter have no score, about 30 share each score.
    insert into posts (author_id, body, score, created_at)
      select i % ${AUTHORS}, 'post ' || i, case when i % 4 = 0 then null else (i * 31) % 50 end,
             timestamptz '${new Date(BASE).toISOString()}' + ((i * 7919) % ${POSTS} / 20) * interval '1 minute'
      from generate_series(1, ${POSTS}) i;
    -- Microsecond times, 5 comments each; a tenth of them on post 1.
    insert into comments (id, post_id, author_id, body, created_at)
      select gen_random_uuid(), case when i % 10 = 0 then 1 else 2 + i % 50 end, 1 + i % ${AUTHORS}, 'comment ' || i,
             timestamptz '${new Date(BASE).toISOString()}' + ((i * 7919) % ${COMMENTS} / 5) * interval '1.000123 second'
      from generate_series(1, ${COMMENTS}) i;
    analyze;
  `);

  const params: Record<HelperName, Record<string, unknown>> = {
    getComments: { pageSize: 25 },
    getPostComments: { postId: 1, pageSize: 20 },
    getPosts: { pageSize: 30 },
    lowest: {},
  };
  const procedure = (version: 'before' | 'after', name: ProcedureName): Caller => {
    const { builders, helper } = modules[version];
    if (name === 'helper') return trpc.createCallerFactory(helper.helperRouter)({ db }).byAuthor!;
    if (name === 'best') return trpc.createCallerFactory(modules[version].helpers.nullableRouter)({ db }).best!;
    return trpc.createCallerFactory(builders.builderRouter)({ db })[name]!;
  };
  const ids = (rows: unknown) => (rows as Row[]).map((r) => r.id);

  return {
    async walkHelper(version, name) {
      const helper = modules[version].helpers[name] as Helper;
      const walk: Walk = { ids: [], pages: 0 };
      let cursor: string | null = null;
      do {
        // `lowest(db, cursor)` takes its cursor alone; the others a parameter object.
        const result: Record<string, unknown> = name === 'lowest' ? await (helper as unknown as CursorOnly)(db, cursor) : await helper(db, { ...params[name], cursor });
        walk.pages++;
        walk.ids.push(...ids(result.data));
        const meta = result.meta as { cursor: string | null } | undefined;
        cursor = meta ? meta.cursor : ((result.nextCursor ?? result.cursor) as string | null);
      } while (cursor);
      return walk;
    },
    async walkProcedure(version, name) {
      const call = procedure(version, name);
      const extra = name === 'oldest' || name === 'best' ? {} : { authorId: 3 };
      const walk: Walk = { ids: [], pages: 0 };
      if (version === 'before') {
        for (let page = 1; ; page++) {
          const input = name === 'oldest' ? { offset: (page - 1) * 20 } : name === 'best' ? { page } : { ...extra, page };
          const rows = ids(await call(input));
          walk.pages++;
          if (rows.length === 0) return walk;
          walk.ids.push(...rows);
        }
      }
      let cursor: unknown = null;
      do {
        const result = (await call({ ...extra, cursor })) as { items: unknown; nextCursor: unknown };
        walk.pages++;
        walk.ids.push(...ids(result.items));
        // What travels over HTTP: the cursor as JSON, as the client sends it back.
        cursor = result.nextCursor === null ? null : JSON.parse(JSON.stringify(result.nextCursor));
      } while (cursor);
      return walk;
    },
    async truth(name) {
      const { table, where, order } = SQL_ORDER[name];
      const result = await client.query<Row>(`select id from ${table} ${where} order by ${order}`);
      return result.rows.map((r) => r.id);
    },
    async orderKeys(name, list) {
      const { table, key } = SQL_ORDER[name];
      const result = await client.query<{ id: number | string; key: string }>(`select id, ${key} as key from ${table} where id = any($1)`, [list]);
      const keys = new Map(result.rows.map((r) => [r.id, r.key]));
      return list.map((id) => keys.get(id)!);
    },
    close: () => client.close(),
  };
}
