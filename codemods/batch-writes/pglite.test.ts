import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK, loadProof, type BatchWritesProof, type Run } from '../../bench/batch-writes-proof.js';

/**
 * The proof on a real Postgres (PGlite, embedded): each rewritten fixture function, before and after the
 * codemod (run with `--chunk=100`), on the same seeded tables. The same result (returned rows in item order
 * included) and the same rows in every table afterwards; the statements drop from one per item to one per
 * chunk of 100 items.
 */
let proof: BatchWritesProof;

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ email: `User${from + i}@Example.com`, name: `user ${from + i}` }));
const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const SOME_USERS = `insert into users (email, name) select 'seed' || i || '@example.com', 'seed ' || i from generate_series(1, 300) i;`;
const chunks = (n: number) => Math.ceil(n / CHUNK);
const changes = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: i % 10 === 0 ? -1 : i, kind: i % 7 === 0 ? ' ' : ` kind ${i % 3} `, detail: `change ${i}` }));

interface Case {
  name: string;
  module: string;
  fn: string;
  args: unknown[];
  seed?: string;
  before: number;
  after: number;
}

const CASES: Case[] = [
  { name: 'insert per item', module: 'insert', fn: 'importUsers', args: [people(250)], before: 250, after: chunks(250) },
  {
    name: 'insert … onConflictDoNothing: existing and repeated names skipped, blanks left out by the loop',
    module: 'insert',
    fn: 'ensureTags',
    // 250 names: every 10th blank, 20 distinct names repeated, two already in the table.
    args: [Array.from({ length: 250 }, (_, i) => (i % 10 === 0 ? ' ' : ` tag${i % 20} `))],
    seed: `insert into tags (name) values ('tag3'), ('tag7');`,
    before: 225,
    after: chunks(225),
  },
  { name: 'insert … returning: the rows in item order', module: 'insert', fn: 'createUsers', args: [people(250)], before: 250, after: chunks(250) },
  { name: 'concurrent inserts (Promise.all over map)', module: 'insert', fn: 'logEvents', args: [7, Array.from({ length: 250 }, (_, i) => `kind ${i}`)], before: 250, after: chunks(250) },
  // The delete before the loop is one statement in both.
  { name: 'insert per item in a transaction', module: 'insert', fn: 'replaceTags', args: [5, ids(250, 1000)], seed: `insert into post_tags values (5, 1, 0), (5, 2, 1), (6, 1, 0);`, before: 1 + 250, after: 1 + chunks(250) },
  {
    name: 'insert … onConflictDoNothing().execute(): repeated and existing pairs skipped',
    module: 'insert',
    fn: 'tagPost',
    args: [3, [...ids(200), ...ids(50, 20)]],
    seed: `insert into post_tags values (3, 7, 0), (3, 8, 0), (4, 9, 0);`,
    before: 250,
    after: chunks(250),
  },
  {
    name: 'upsert over the keys of an object: existing keys updated with the new value, others inserted',
    module: 'insert',
    fn: 'saveSettings',
    args: [4, Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`key${i}`, `value ${i}`]))],
    seed: `insert into settings values (4, 'key3', 'old', 1), (4, 'key200', 'old', 1), (5, 'key3', 'other user', 1);`,
    before: 250,
    after: chunks(250),
  },
  { name: 'several rows per item', module: 'insert', fn: 'welcome', args: [ids(150)], before: 150, after: chunks(300) },
  // Missing and repeated keys: deleting them twice or not at all is the same.
  { name: 'delete per key', module: 'keyed', fn: 'removeUsers', args: [[...ids(200, 50), ...ids(30, 100), ...ids(20, 900)]], seed: SOME_USERS, before: 250, after: chunks(250) },
  { name: 'delete per key with a condition besides, in a transaction', module: 'keyed', fn: 'untag', args: [5, ids(250)], seed: `insert into post_tags select 5 + (i % 2), i, i from generate_series(1, 300) i;`, before: 250, after: chunks(250) },
  { name: 'two writes per item, two tables', module: 'keyed', fn: 'archiveUsers', args: [ids(250, 20)], seed: SOME_USERS, before: 500, after: 2 * chunks(250) },
  // Repeated ids (the last name wins, as in the loop), blank names skipped, ids with no row.
  {
    name: 'update with a value per item: one CASE on the key',
    module: 'per-item-set',
    fn: 'renameUsers',
    args: [[...ids(200, 50), ...ids(30, 100), ...ids(20, 900)].map((id, i) => ({ id, name: i % 9 === 0 ? ' ' : ` name ${i} ` }))],
    seed: SOME_USERS,
    before: 250 - 28,
    after: chunks(250 - 28),
  },
  { name: 'CASE with a condition besides the key, in a transaction', module: 'per-item-set', fn: 'reorderTags', args: [5, [...ids(200).reverse(), ...ids(50, 10)]], seed: `insert into post_tags select 5 + (i % 2), i, 0 from generate_series(1, 300) i;`, before: 250, after: chunks(250) },
  {
    name: 'CASE on two columns, one JSON',
    module: 'per-item-set',
    fn: 'recordPayloads',
    args: [[...ids(220), ...ids(30, 5)].map((id, i) => ({ id, kind: `kind ${i}`, score: i }))],
    seed: `insert into events (user_id, kind) select i, 'old' from generate_series(1, 240) i;`,
    before: 250,
    after: chunks(250),
  },
  { name: 'insert through a helper that builds the row', module: 'audit-loops', fn: 'recordSignups', args: [ids(250)], before: 250, after: chunks(250) },
  // Every 10th item skipped by the loop, every 7th (of the others) by the helper's `return`: 193 rows.
  { name: 'insert through a helper in a transaction, items skipped by the loop and by the helper', module: 'audit-loops', fn: 'recordChanges', args: [changes(250)], before: 193, after: chunks(193) },
  { name: 'delete per key, `eq` import replaced', module: 'imports', fn: 'deleteTags', args: [ids(250)], seed: `insert into tags (name) select 't' || i from generate_series(1, 400) i;`, before: 250, after: chunks(250) },
];

beforeAll(async () => {
  proof = await loadProof();
}, 180_000);
afterAll(() => proof?.close());

describe('batch-writes on PGlite', () => {
  it('rewrote the fixtures', () => {
    expect(proof.summary.failed).toEqual([]);
    expect(proof.summary.changed.sort()).toEqual(['audit-log.ts', 'audit-loops.ts', 'audit.ts', 'imports.ts', 'insert.ts', 'keyed.ts', 'per-item-set.ts']);
  });

  it.for(CASES)('$name: same result and tables, $before statements before, $after after', async ({ module, fn, args, seed, before, after }) => {
    const old = await proof.run('before', module, fn, args, seed);
    const rewritten = await proof.run('after', module, fn, args, seed);
    expect(JSON.stringify(rewritten.result)).toBe(JSON.stringify(old.result));
    expect(rewritten.tables).toEqual(old.tables);
    expect(old.tables).not.toEqual(old.seeded);
    expect(old.queries).toBe(before);
    expect(rewritten.queries).toBe(after);
  });

  it('createUsers returns the new rows in the order of the people, with their ids', async () => {
    const { result } = await proof.run('after', 'insert', 'createUsers', [people(250)], `insert into users (email, name) values ('first@example.com', 'first');`);
    const rows = result as Array<{ id: number; email: string }>;
    expect(rows.map((r) => r.email)).toEqual(people(250).map((p) => p.email));
    expect(rows.map((r) => r.id)).toEqual(ids(250, 2));
  });

  it('one update for every key, with the same `set`: rows, and a single time per chunk for `new Date()`', async () => {
    const list = ids(250, 10).map((id) => ({ id }));
    const old = await proof.run('before', 'keyed', 'deactivate', [list], SOME_USERS);
    const rewritten = await proof.run('after', 'keyed', 'deactivate', [list], SOME_USERS);
    // `updatedAt: new Date()` is read once per chunk instead of once per item: the same rows get a time.
    const withoutTime = (run: Run) => (run.tables.users as Array<Record<string, unknown>>).map(({ updated_at, ...row }) => ({ ...row, stamped: updated_at !== null }));
    expect(withoutTime(rewritten)).toEqual(withoutTime(old));
    expect(withoutTime(old).filter((u) => u.stamped)).toHaveLength(250);
    expect([old.queries, rewritten.queries]).toEqual([250, chunks(250)]);
  });

  it('a helper that throws at an item inside a transaction: the same error, no row written, before and after', async () => {
    const list = changes(250).map((c, i) => (i === 120 ? { ...c, userId: 1.5 } : c));
    await expect(proof.run('before', 'audit-loops', 'recordChanges', [list])).rejects.toThrow('not a user id: 1.5');
    expect(await proof.query('select count(*)::int as n from events')).toEqual([{ n: 0 }]);
    await expect(proof.run('after', 'audit-loops', 'recordChanges', [list])).rejects.toThrow('not a user id: 1.5');
    expect(await proof.query('select count(*)::int as n from events')).toEqual([{ n: 0 }]);
  });

  it('the difference outside a transaction: a throw at item 121 leaves the 120 rows before it written, batched none', async () => {
    const list = [...ids(120), 1.5, ...ids(129, 121)];
    await expect(proof.run('before', 'audit-loops', 'recordSignups', [list])).rejects.toThrow('not a user id: 1.5');
    expect(await proof.query('select count(*)::int as n from events')).toEqual([{ n: 120 }]);
    await expect(proof.run('after', 'audit-loops', 'recordSignups', [list])).rejects.toThrow('not a user id: 1.5');
    expect(await proof.query('select count(*)::int as n from events')).toEqual([{ n: 0 }]);
  });

  it('why upserts are left alone: one statement cannot update a row twice, as two items with one key do', async () => {
    await proof.exec('truncate users restart identity');
    await expect(
      proof.exec(`insert into users (email, name) values ('a@x', 'one'), ('a@x', 'two') on conflict (email) do update set name = excluded.name`),
    ).rejects.toThrow(/cannot affect row a second time/);
  });
});
