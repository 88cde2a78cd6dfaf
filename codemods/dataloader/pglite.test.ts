import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProof, type DataloaderProof } from '../../bench/dataloader-proof.js';
import { hasRedisServer } from '../../bench/redis-server.js';

/**
 * The proof on a real Postgres (PGlite, embedded) and a real redis-server: the fixture app's N+1 procedures,
 * called through a tRPC caller with the context its own `createContext` makes, before and after the codemod
 * rewrote a copy of it. Same JSON, and the queries that Drizzle's logger counts drop from N+1 to one per
 * lookup.
 */
let proof: DataloaderProof;

const CASES = [
  // 100 posts, each with its author: 1 + 100 queries before, 1 + 1 after.
  { procedure: 'post.latest', input: { limit: 100 }, items: 100, before: 101, after: 2 },
  // A page of 20 posts by page number, each with its author.
  { procedure: 'post.timeline', input: { page: 3 }, items: 20, before: 21, after: 2 },
  // 50 notifications, each with its actor (through the `getAuthor()` helper) and, for 3 in 4, its post; awaited
  // one by one in a for…of loop, so the codemod primes both loaders before the loop: 1 + 1 + 1 after.
  { procedure: 'notification.list', input: { limit: 50 }, items: 50, before: 1 + 50 + 37, after: 3 },
] as const;

describe.skipIf(!hasRedisServer() && !process.env.CI)('dataloader on PGlite', () => {
  beforeAll(async () => {
    proof = await loadProof();
  }, 120_000);
  afterAll(() => proof?.close());

  it('rewrote the three procedures and wired the loaders into createContext', () => {
    expect(proof.summary.failed).toEqual([]);
    expect(proof.summary.changed.sort()).toEqual([
      'apps/api/src/trpc/context.ts',
      'apps/api/src/trpc/loaders.ts',
      'apps/api/src/trpc/routers/notification.ts',
      'apps/api/src/trpc/routers/post.ts',
    ]);
  });

  it.for(CASES)('$procedure: the same JSON, $before queries before and $after after', async ({ procedure, input, items, before, after }) => {
    const old = await proof.before.call(procedure, input);
    const rewritten = await proof.after.call(procedure, input);
    const list = (r: unknown) => (Array.isArray(r) ? r : (r as { items: unknown[] }).items);
    expect(list(old.result)).toHaveLength(items);
    expect(JSON.stringify(rewritten.result)).toBe(JSON.stringify(old.result));
    expect(old.queries).toBe(before);
    expect(rewritten.queries).toBe(after);
  });

  it('a batch is one query: results in key order, undefined for a missing key, a repeated key answered', async () => {
    const loaders = proof.newLoaders();
    const { result, queries } = await proof.measure(() => Promise.all([3, 99_999, 1, 3].map((id) => loaders.usersById!.load(id))));
    expect(queries).toBe(1);
    expect((result as Array<{ id: number } | undefined>).map((user) => user?.id)).toEqual([3, undefined, 1, 3]);
    // Loaded once, answered from the loader's cache for the rest of the request.
    expect((await proof.measure(() => loaders.usersById!.load(1))).queries).toBe(0);
  });

  it('loaders live for one request: a change between two requests is seen by the second', async () => {
    const first = (await proof.after.call('post.latest', { limit: 5 })).result as Array<{ author: { id: number; displayName: string } }>;
    const author = first[0]!.author;
    await proof.renameUser(author.id, 'Renamed between requests');
    const second = (await proof.after.call('post.latest', { limit: 5 })).result as Array<{ author: { id: number; displayName: string } }>;
    await proof.renameUser(author.id, author.displayName);
    expect(second[0]!.author).toEqual({ ...author, displayName: 'Renamed between requests' });
  });
});
