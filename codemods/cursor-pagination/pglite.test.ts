import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProof, type Proof } from '../../bench/cursor-proof.js';

/**
 * The proof on a real Postgres (PGlite, embedded): the fixture's procedures before and after the rewrite,
 * called through a tRPC caller on 10,000 posts where every timestamp is shared by 50 posts. Walking every
 * page gives the same rows in the same order, each once; rows inserted or deleted between two pages make
 * the offset version repeat or skip rows, and leave the cursor version exact.
 */
let proof: Proof;
beforeAll(async () => {
  proof = await loadProof();
}, 120_000);
afterAll(() => proof?.close());

describe('cursor-pagination on PGlite', () => {
  it.for(['timeline', 'byAuthor', 'recent'] as const)('%s: every page, same rows in the same order, none twice or missing', async (name) => {
    const truth = await proof.allIds(name);
    const offset = await proof.walkOffset(name);
    const cursor = await proof.walkCursor(name);
    expect(new Set(cursor).size).toBe(cursor.length);
    expect(cursor).toEqual(truth);
    expect(truth.length).toBe(name === 'byAuthor' ? 500 : 10_000);
    if (name === 'byAuthor') {
      // Its order was total already (the id is in it): the very same sequence.
      expect(offset).toEqual(truth);
    } else {
      // The original orders by time (and author) only: Postgres returns rows that tie in any order, and not
      // the same order from one page to the next, so the offset walk can repeat some rows and never show
      // others even without writes. Only the order it asks for can match: it does, and the rewrite, total
      // with the id, shows every row once.
      expect(await proof.originalKeys(name, offset)).toEqual(await proof.originalKeys(name, cursor));
    }
  });

  it('rows inserted between pages: the offset version repeats rows, the cursor version does not', async () => {
    const offsetFirst = await proof.offsetPage('timeline', 1);
    const cursorFirst = await proof.cursorPage('timeline', null);
    await proof.insertNewest(5);
    const offsetSecond = await proof.offsetPage('timeline', 2);
    const cursorSecond = await proof.cursorPage('timeline', cursorFirst.nextCursor);
    await proof.removeNewest(5);
    const repeated = offsetSecond.filter((id) => offsetFirst.includes(id));
    expect(repeated).toHaveLength(5);
    expect(cursorSecond.items.filter((id) => cursorFirst.items.includes(id))).toEqual([]);
    // The cursor page continues exactly where the first one stopped.
    expect(cursorSecond.items).toEqual((await proof.allIds('timeline')).slice(20, 40));
  });

  it('rows deleted between pages: the offset version skips rows, the cursor version does not', async () => {
    const truth = await proof.allIds('timeline');
    await proof.offsetPage('timeline', 1);
    const cursorFirst = await proof.cursorPage('timeline', null);
    const removed = await proof.deleteIds(truth.slice(0, 5));
    const offsetSecond = await proof.offsetPage('timeline', 2);
    const cursorSecond = await proof.cursorPage('timeline', cursorFirst.nextCursor);
    await proof.restore(removed);
    expect(offsetSecond[0]).toBe(truth[25]); // rows 20–24 are never shown
    expect(cursorSecond.items).toEqual(truth.slice(20, 40));
  });
});
