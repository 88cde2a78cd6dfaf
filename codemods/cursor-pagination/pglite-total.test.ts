import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTotalProof, type TotalName, type TotalProof } from '../../bench/cursor-total-proof.js';

/**
 * `--keep-total` on a real Postgres (PGlite): each procedure of the keep-total fixture walked by page
 * number before (as many pages as its total says) and by `nextCursor` after. The rewrite shows every row
 * once, in the order the original asks for, and every page still carries the same total, for the same
 * number of queries; the page queries read a fraction of the rows where an index serves the order.
 */
let proof: TotalProof;
beforeAll(async () => {
  proof = await loadTotalProof();
}, 120_000);
afterAll(() => proof?.close());

describe('cursor-pagination --keep-total on PGlite', () => {
  it.for(['timeline', 'byAuthor', 'scored'] as const)('%s: the same rows, the same total on every page, as many queries', async (name: TotalName) => {
    const truth = await proof.truth(name);
    const before = await proof.walk('before', name);
    const after = await proof.walk('after', name);
    expect(truth.length).toBe(name === 'byAuthor' ? 250 : 2_000);
    expect(after.ids).toEqual(truth);
    expect(new Set(after.ids).size).toBe(after.ids.length);
    // The original orders by time (or score) only: ties come back in any order, so only what it orders by can match.
    expect(await proof.orderKeys(name, before.ids)).toEqual(await proof.orderKeys(name, after.ids));
    expect(new Set([...before.totals, ...after.totals])).toEqual(new Set([truth.length]));
    expect(after.pages).toBe(before.pages);
    // A page query and its count per page, either way: the count is kept, so it costs what it cost.
    expect(after.queries).toBe(2 * after.pages);
    expect(before.queries).toBe(2 * before.pages);
    expect(after.countRowsRead).toBe(before.countRowsRead);
    if (name === 'scored') {
      // No index on the score: each page sorts the whole table, by offset and by cursor alike.
      expect(after.pageRowsRead).toBe(before.pageRowsRead);
    } else {
      // An index serves the order: each cursor page starts at the cursor (the keyset's leading bound), where
      // the offset page reads and drops every row before it (timeline 101,000 rows → 5,886; one author 2,170 → 531).
      expect(after.pageRowsRead).toBeLessThan(before.pageRowsRead / 3);
    }
  });

  it('an author without posts: the early empty page keeps its total and has no next cursor', async () => {
    const before = await proof.walk('before', 'byAuthor', 999);
    const after = await proof.walk('after', 'byAuthor', 999);
    expect(after).toMatchObject({ ids: [], totals: [0], pages: 1, queries: 1 });
    expect(before).toMatchObject({ ids: [], totals: [0], pages: 1, queries: 1 });
  });
});
