import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadShapesProof, type HelperName, type ProcedureName, type ShapesProof } from '../../bench/cursor-shapes-proof.js';

/**
 * The shapes of real apps on a real Postgres (PGlite): the same caller code walks every page of each
 * helper before and after the rewrite (the string cursor it holds now carries the last row's values), and
 * each builder procedure by offset before and by `nextCursor` after. The rewrite shows every row once, in
 * the order the original asks for; where that order was already total, the very same sequence.
 */
let proof: ShapesProof;
beforeAll(async () => {
  proof = await loadShapesProof();
}, 120_000);
afterAll(() => proof?.close());

describe('cursor-pagination shapes on PGlite', () => {
  it.for(['getComments', 'getPostComments', 'getPosts', 'lowest'] as const)('%s: the same caller walks the same rows in the same order', async (name: HelperName) => {
    const truth = await proof.truth(name);
    const before = await proof.walkHelper('before', name);
    const after = await proof.walkHelper('after', name);
    expect(truth.length).toBeGreaterThan(200);
    expect(after.ids).toEqual(truth);
    expect(new Set(after.ids).size).toBe(after.ids.length);
    // One query per page either way: the same number of pages, each as full.
    expect(after.pages).toBe(before.pages);
    // The original order leaves ties to Postgres: only what it orders by can match, and it does.
    expect(await proof.orderKeys(name, before.ids)).toEqual(await proof.orderKeys(name, after.ids));
  });

  it.for(['byAuthor', 'oldest', 'helper', 'best'] as const)('%s: every page by cursor gives the rows the offset pages give', async (name: ProcedureName) => {
    const truth = await proof.truth(name);
    const before = await proof.walkProcedure('before', name);
    const after = await proof.walkProcedure('after', name);
    expect(after.ids).toEqual(truth);
    expect(await proof.orderKeys(name, before.ids)).toEqual(await proof.orderKeys(name, after.ids));
    // `oldest` ordered by (time, id) already: the very same sequence.
    if (name === 'oldest') expect(before.ids).toEqual(truth);
  });
});
