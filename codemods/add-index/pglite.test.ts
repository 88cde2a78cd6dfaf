import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, loadProof, ROWS, type Proof } from '../../bench/index-proof.js';

/**
 * The proof on a real Postgres (PGlite, embedded): every query of the fixture app that require-index reports,
 * called as the app calls it, on 100,000 rows a table (200,000 posts and notifications). One database has the
 * schema as it is; the other the schema after `add-index`, pushed. The plan of each query goes from reading
 * the whole table (or sorting every matching row, for cursor pages) to an index that serves it, and every
 * call returns the same rows.
 */
let proof: Proof;
beforeAll(async () => {
  proof = await loadProof(ROWS);
}, 300_000);
afterAll(() => proof?.close());

const scans = (plan: string[], table: string) => plan.some((line) => new RegExp(`Seq Scan on ${table}\\b`).test(line));
const sorts = (plan: string[]) => plan.some((line) => /\bSort\b/.test(line) && !/Sort Key/.test(line));
const discards = (plan: string[], column: string) => plan.some((line) => /^\s*Filter:/.test(line) && line.includes(column));
const usesIndex = (plan: string[], table: string) => plan.some((line) => new RegExp(`(Index|Index Only|Bitmap Index) Scan(?: Backward)? (on|using) \\S+`).test(line) && line.includes(table));

describe('add-index on PGlite', () => {
  it('the codemod adds or widens one index per planted table need, and the push creates them', () => {
    expect(proof.notes.filter((n) => /: (added|widened) /.test(n))).toHaveLength(8);
    expect(proof.pushed.filter((s) => s.startsWith('create'))).toHaveLength(8);
    expect(proof.pushed.filter((s) => s.startsWith('drop'))).toEqual(['drop index "follows_followee_idx"', 'drop index "posts_platform_idx"']);
  });

  it.for(CASES.filter((c) => !c.keyset).map((c) => [c.name, c] as const))('%s: a sequential scan before, an index after', async ([, c]) => {
    const before = await proof.explain(proof.before, c);
    const after = await proof.explain(proof.after, c);
    expect(scans(before, c.table), before.join('\n')).toBe(true);
    expect(scans(after, c.table), after.join('\n')).toBe(false);
    expect(usesIndex(after, c.table) || after.some((l) => l.includes(`_idx on ${c.table}`)), after.join('\n')).toBe(true);
  });

  it.for(CASES.filter((c) => c.keyset).map((c) => [c.name, c] as const))('%s: rows sorted or discarded before, read in index order after', async ([, c]) => {
    const before = await proof.explain(proof.before, c);
    const after = await proof.explain(proof.after, c);
    // Before: every matching row sorted, or the order's index walked with other users' rows filtered out.
    expect(sorts(before) || discards(before, c.keyset!), before.join('\n')).toBe(true);
    expect(sorts(after) || discards(after, c.keyset!) || scans(after, c.table), after.join('\n')).toBe(false);
    expect(after.some((line) => line.includes('Index Cond') && line.includes(c.keyset!)), after.join('\n')).toBe(true);
  });

  it.for(CASES.map((c) => [c.name, c] as const))('%s: the same rows before and after', async ([, c]) => {
    const before = await proof.call(proof.before, c);
    const after = await proof.call(proof.after, c);
    // Row order is the query's own where it has one; without one (the JSONB and join lookups), compare as sets.
    const normalize = (rows: unknown) => (c.name.includes('@>') || c.name.includes('join') ? JSON.stringify(sortRows(rows)) : JSON.stringify(rows));
    expect(normalize(after.result)).toBe(normalize(before.result));
    expect(JSON.stringify(before.result).length).toBeGreaterThan(2);
  });
});

function sortRows(rows: unknown): string[] {
  return (rows as unknown[]).map((r) => JSON.stringify(r)).sort();
}
