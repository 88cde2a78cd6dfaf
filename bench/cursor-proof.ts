// The cursor-pagination fixture before and after the rewrite, on PGlite (an embedded Postgres) seeded with
// 10,000 posts, every timestamp shared by 50 of them: for the proof test and for `npm run bench:pagination`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import ts from 'typescript';
import { ROOT } from './root.js';

// The repository: one folder up from bench/ when run from sources (tests), two from dist/bench/ when built.
const FIXTURES = path.join(ROOT, 'codemods/cursor-pagination/__testfixtures__');
const BUILD = path.join(ROOT, '.cache/cursor-proof');
export const ROWS = 10_000;
const TIES = 50;
const AUTHORS = 20;
const BASE = Date.UTC(2026, 0, 1);

type Procedure = 'timeline' | 'byAuthor' | 'recent';
type Caller = Record<Procedure, (input: Record<string, unknown>) => Promise<unknown>>;
interface CursorPage {
  items: number[];
  nextCursor: Record<string, unknown> | null;
}

export interface Proof {
  /** Every id in the order the procedure pages, with the primary key breaking ties. */
  allIds(name: Procedure): Promise<number[]>;
  /** The values of the original order's columns of each id (`author|time`): what the original orders by. */
  originalKeys(name: Procedure, ids: number[]): Promise<string[]>;
  walkOffset(name: Procedure): Promise<number[]>;
  walkCursor(name: Procedure): Promise<number[]>;
  offsetPage(name: Procedure, page: number): Promise<number[]>;
  cursorPage(name: Procedure, cursor: Record<string, unknown> | null): Promise<CursorPage>;
  /** The cursor a client holds after reading the row `id` (the values of the order columns, over JSON). */
  cursorPageAfter(name: 'timeline', id: number): Promise<Record<string, unknown>>;
  insertNewest(count: number): Promise<void>;
  removeNewest(count: number): Promise<void>;
  deleteIds(ids: number[]): Promise<unknown[]>;
  restore(rows: unknown[]): Promise<void>;
  close(): Promise<void>;
}

const ORDER: Record<Procedure, string> = {
  timeline: 'created_at desc, id desc',
  byAuthor: 'created_at asc, id desc',
  recent: 'author_id asc, created_at desc, id asc',
};
const PAGE = { timeline: 20, byAuthor: 25, recent: 20 };
const AUTHOR = 3;
// A post as long as a tweet: rows as wide as the app's, so skipping them costs what it costs there.
const BODY = 'Shipping the new feed today: cursor pagination, authors in one query, likes from Redis in one round trip. '.repeat(3).slice(0, 280);

/**
 * A fixture module compiled to JavaScript beside the repository's node_modules, with the support modules
 * it imports, in `build` (one folder per proof: proofs run in parallel workers).
 */
export async function compile(name: string, build = BUILD): Promise<Record<string, unknown>> {
  mkdirSync(build, { recursive: true });
  for (const support of ['schema', 'trpc']) {
    const js = ts.transpileModule(readFileSync(path.join(FIXTURES, `${support}.ts`), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(path.join(build, `${support}.js`), js);
  }
  const js = ts.transpileModule(readFileSync(path.join(FIXTURES, `${name}.ts`), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(path.join(build, `${name}.js`), js);
  return (await import(pathToFileURL(path.join(build, `${name}.js`)).href)) as Record<string, unknown>;
}

export async function loadProof(rows = ROWS): Promise<Proof> {
  const before = await compile('feed.input');
  const after = await compile('feed.output');
  const schema = (await import(pathToFileURL(path.join(BUILD, 'schema.js')).href)) as Record<string, unknown>;
  const trpc = (await import(pathToFileURL(path.join(BUILD, 'trpc.js')).href)) as {
    createCallerFactory: (router: unknown) => (ctx: unknown) => Caller;
  };
  const client = new PGlite();
  const db = drizzle(client, { schema });
  await client.exec(`
    create table posts (id serial primary key, author_id integer not null, body text not null, score integer,
                        created_at timestamptz not null);
    create index posts_created_id_idx on posts (created_at desc, id desc);
    create index posts_author_created_idx on posts (author_id, created_at, id);
  `);
  // Ids do not follow time: row i gets the time slot of a pseudo-random permutation, 50 rows a slot.
  const slots = Array.from({ length: rows }, (_, i) => i);
  let seed = 7;
  for (let i = slots.length - 1; i > 0; i--) {
    seed = (seed * 48271) % 2147483647;
    const j = seed % (i + 1);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  for (let start = 0; start < rows; start += 1000) {
    const values = slots
      .slice(start, start + 1000)
      .map((slot, k) => `(${(start + k) % AUTHORS}, 'post ${start + k} ${BODY}', '${new Date(BASE + Math.floor(slot / TIES) * 60_000).toISOString()}')`);
    await client.exec(`insert into posts (author_id, body, created_at) values ${values.join(',')}`);
  }
  await client.exec('analyze posts');

  const factory = trpc.createCallerFactory;
  const offsetCaller = factory(before.feedRouter)({ db });
  const cursorCaller = factory(after.feedRouter)({ db });
  const idsOf = (items: unknown) => (items as Array<{ id: number }>).map((r) => r.id);
  // What travels over HTTP: the cursor as JSON, as the client sends it back.
  const overTheWire = (cursor: unknown) => (cursor === null ? null : (JSON.parse(JSON.stringify(cursor)) as Record<string, unknown>));
  const offsetInput = (name: Procedure, page: number) =>
    name === 'byAuthor' ? { authorId: AUTHOR, offset: (page - 1) * PAGE.byAuthor, limit: PAGE.byAuthor } : { page };
  const cursorInput = (name: Procedure, cursor: unknown) =>
    name === 'byAuthor' ? { authorId: AUTHOR, cursor, limit: PAGE.byAuthor } : { cursor };
  let inserted: number[] = [];

  const proof: Proof = {
    async allIds(name) {
      const where = name === 'byAuthor' ? `where author_id = ${AUTHOR}` : '';
      const result = await client.query<{ id: number }>(`select id from posts ${where} order by ${ORDER[name]}`);
      return result.rows.map((r) => r.id);
    },
    async originalKeys(name, ids) {
      const columns = name === 'recent' ? `author_id || '|' || created_at` : `created_at::text`;
      const result = await client.query<{ id: number; key: string }>(`select id, ${columns} as key from posts where id = any($1)`, [ids]);
      const keys = new Map(result.rows.map((r) => [r.id, r.key]));
      return ids.map((id) => keys.get(id)!);
    },
    offsetPage: async (name, page) => idsOf(await offsetCaller[name](offsetInput(name, page))),
    async cursorPage(name, cursor) {
      const page = (await cursorCaller[name](cursorInput(name, cursor))) as { items: unknown; nextCursor: unknown };
      return { items: idsOf(page.items), nextCursor: overTheWire(page.nextCursor) };
    },
    async cursorPageAfter(_name, id) {
      const result = await client.query<{ created_at: Date }>(`select created_at from posts where id = $1`, [id]);
      return overTheWire({ createdAt: result.rows[0]!.created_at, id })!;
    },
    async walkOffset(name) {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const items = await proof.offsetPage(name, page);
        if (items.length === 0) return ids;
        ids.push(...items);
      }
    },
    async walkCursor(name) {
      const ids: number[] = [];
      let cursor: Record<string, unknown> | null = null;
      do {
        const page = await proof.cursorPage(name, cursor);
        ids.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return ids;
    },
    async insertNewest(count) {
      const newest = new Date(BASE + 10 * 365 * 86_400_000).toISOString();
      const result = await client.query<{ id: number }>(
        `insert into posts (author_id, body, created_at) select 0, 'new', '${newest}' from generate_series(1, ${count}) returning id`,
      );
      inserted = result.rows.map((r) => r.id);
    },
    async removeNewest() {
      await client.query(`delete from posts where id = any($1)`, [inserted]);
    },
    async deleteIds(ids) {
      return (await client.query(`delete from posts where id = any($1) returning *`, [ids])).rows;
    },
    async restore(removed) {
      for (const row of removed as Array<Record<string, unknown>>) {
        await db.execute(
          sql`insert into posts (id, author_id, body, score, created_at) values (${row.id}, ${row.author_id}, ${row.body}, ${row.score}, ${row.created_at})`,
        );
      }
    },
    close: () => client.close(),
  };
  return proof;
}
