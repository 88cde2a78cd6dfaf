// The keep-total fixture (`--keep-total`) before and after the rewrite, on PGlite: every page of each
// procedure walked by page number before (as far as its total says) and by `nextCursor` after, with the
// queries each walk sent and the rows Postgres read for them (EXPLAIN ANALYZE of each logged statement).
// 2,000 posts, 20 per minute, a quarter without a score; the indexes are the fixture schema's.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { compile } from './cursor-proof.js';
import { ROOT } from './root.js';

const BUILD = path.join(ROOT, '.cache/cursor-total-proof');
const POSTS = 2_000;
const AUTHORS = 8;
const PAGE = 20;
const BASE = Date.UTC(2026, 0, 1);

export type TotalName = 'timeline' | 'byAuthor' | 'scored';
type Caller = Record<TotalName, (input: Record<string, unknown>) => Promise<Record<string, unknown>>>;

/** A walk over every page: the ids in the order they came, the total each page gave, and what it cost. */
export interface TotalWalk {
  ids: number[];
  totals: number[];
  pages: number;
  /** Statements sent: one page query and one count per page. */
  queries: number;
  /** Rows the page queries' scans read (returned or filtered out), and the counts' scans. */
  pageRowsRead: number;
  countRowsRead: number;
}

export interface TotalProof {
  walk(version: 'before' | 'after', name: TotalName, authorId?: number): Promise<TotalWalk>;
  /** Every id in the order the rewrite pages: the original order, the primary key breaking ties. */
  truth(name: TotalName, authorId?: number): Promise<number[]>;
  /** The values of the original order's column for each id: all that the original order decides. */
  orderKeys(name: TotalName, ids: number[]): Promise<string[]>;
  close(): Promise<void>;
}

const SQL: Record<TotalName, { order: string; key: string }> = {
  timeline: { order: 'created_at desc, id desc', key: 'created_at::text' },
  byAuthor: { order: 'created_at desc, id desc', key: 'created_at::text' },
  // Postgres's own NULL placement: first when descending.
  scored: { order: 'score desc, id desc', key: "coalesce(score::text, 'null')" },
};

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/**
 * The rows the plan's scans produced or discarded: what the statement made Postgres read. A bitmap index
 * scan only hands row addresses to its heap scan, which reads (and counts) the rows.
 */
function rowsRead(node: PlanNode): number {
  const own = node['Node Type'].endsWith('Scan') && node['Node Type'] !== 'Bitmap Index Scan'
    ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * node['Actual Loops']
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child), 0);
}

export async function loadTotalProof(): Promise<TotalProof> {
  const before = await compile('keep-total.input', BUILD);
  const after = await compile('keep-total.output', BUILD);
  const schema = (await import(path.join(BUILD, 'schema.js'))) as Record<string, unknown>;
  const trpc = (await import(path.join(BUILD, 'trpc.js'))) as { createCallerFactory: (router: unknown) => (ctx: unknown) => Caller };
  const client = new PGlite();
  const sent: Array<{ sql: string; params: unknown[] }> = [];
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => void sent.push({ sql, params }) } });
  await client.exec(`
    create table posts (id serial primary key, author_id integer not null, body text not null, score integer,
                        created_at timestamptz not null);
    create index posts_created_id_idx on posts (created_at desc, id desc);
    create index posts_author_created_idx on posts (author_id, created_at, id);
    -- Ids do not follow time; 20 posts share each minute; a quarter have no score, about 30 share each score.
    insert into posts (author_id, body, score, created_at)
      select i % ${AUTHORS}, 'post ' || i, case when i % 4 = 0 then null else (i * 31) % 50 end,
             timestamptz '${new Date(BASE).toISOString()}' + ((i * 7919) % ${POSTS} / 20) * interval '1 minute'
      from generate_series(1, ${POSTS}) i;
    analyze;
  `);
  const callers = { before: trpc.createCallerFactory(before.keepTotalRouter)({ db }), after: trpc.createCallerFactory(after.keepTotalRouter)({ db }) };
  const idsOf = (rows: unknown) => (rows as Array<{ id: number }>).map((r) => r.id);
  // Each procedure's rows and total: `{ items, total }`, `{ items, totalCount }`, `{ data, meta: { total } }`.
  const read = (name: TotalName, result: Record<string, unknown>) =>
    name === 'scored'
      ? { ids: idsOf(result.data), total: (result.meta as { total: number }).total }
      : { ids: idsOf(result.items), total: (name === 'timeline' ? result.total : result.totalCount) as number };

  /** What the statements sent since `from` read, by EXPLAIN ANALYZE of each with its parameters. */
  async function cost(from: number): Promise<Pick<TotalWalk, 'queries' | 'pageRowsRead' | 'countRowsRead'>> {
    const statements = sent.splice(from);
    let pageRowsRead = 0;
    let countRowsRead = 0;
    for (const { sql, params } of statements) {
      const explained = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`explain (analyze, format json) ${sql}`, params);
      const rows = rowsRead(explained.rows[0]!['QUERY PLAN'][0]!.Plan);
      if (/\bcount\(/i.test(sql)) countRowsRead += rows;
      else pageRowsRead += rows;
    }
    return { queries: statements.length, pageRowsRead, countRowsRead };
  }

  return {
    async walk(version, name, authorId = 3) {
      const call = callers[version][name];
      const extra = name === 'byAuthor' ? { authorId } : {};
      const walk: TotalWalk = { ids: [], totals: [], pages: 0, queries: 0, pageRowsRead: 0, countRowsRead: 0 };
      const from = sent.length;
      if (version === 'before') {
        // A page-number control: as many pages as the total says, at least the first.
        for (let page = 1; page === 1 || page <= Math.ceil(walk.totals[0]! / PAGE); page++) {
          const { ids, total } = read(name, await call({ ...extra, page }));
          walk.pages++;
          walk.ids.push(...ids);
          walk.totals.push(total);
        }
      } else {
        let cursor: unknown = null;
        do {
          const result = await call({ ...extra, cursor });
          const { ids, total } = read(name, result);
          walk.pages++;
          walk.ids.push(...ids);
          walk.totals.push(total);
          // What travels over HTTP: the cursor as JSON, as the client sends it back.
          cursor = result.nextCursor === null ? null : JSON.parse(JSON.stringify(result.nextCursor));
        } while (cursor);
      }
      return { ...walk, ...(await cost(from)) };
    },
    async truth(name, authorId = 3) {
      const where = name === 'byAuthor' ? `where author_id = ${authorId}` : '';
      return (await client.query<{ id: number }>(`select id from posts ${where} order by ${SQL[name].order}`)).rows.map((r) => r.id);
    },
    async orderKeys(name, ids) {
      const result = await client.query<{ id: number; key: string }>(`select id, ${SQL[name].key} as key from posts where id = any($1)`, [ids]);
      const keys = new Map(result.rows.map((r) => [r.id, r.key]));
      return ids.map((id) => keys.get(id)!);
    },
    close: () => client.close(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const proof = await loadTotalProof();
  console.log(`cursor-pagination --keep-total on PGlite, ${POSTS} posts, ${PAGE} a page: every page, by page number and by cursor\n`);
  console.log('| procedure | pages | queries | rows read by the pages (offset → cursor) | rows read by the counts |');
  console.log('|---|---:|---:|---:|---:|');
  for (const name of ['timeline', 'byAuthor', 'scored'] as const) {
    const offset = await proof.walk('before', name);
    const cursor = await proof.walk('after', name);
    console.log(`| ${name} | ${offset.pages} → ${cursor.pages} | ${offset.queries} → ${cursor.queries} | ${offset.pageRowsRead} → ${cursor.pageRowsRead} | ${offset.countRowsRead} → ${cursor.countRowsRead} |`);
  }
  await proof.close();
}
