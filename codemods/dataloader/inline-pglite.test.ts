import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInlineProof, type InlineProof, type Modules } from '../../bench/dataloader-inline-proof.js';

/**
 * The proof of `--strategy=inline` on a real Postgres (PGlite, embedded): each fixture function, before and
 * after the codemod rewrote a copy of it, on the same seeded rows. Same JSON, and the queries Drizzle's
 * logger counts drop from one per item to one per lookup.
 */
let proof: InlineProof;

const request = (limit: number) => new Request(`http://localhost/api/feed?limit=${limit}`);
const handles = ['user3', 'user17', 'nobody', 'user3', 'user40'];
const authorIds = [5, 12, 12, 99, 31, 1];
const threads = [{ root: { postId: 4 } }, { root: null }, { root: { postId: 250 } }, { root: { postId: 9_999 } }, { root: { postId: 4 } }];

const CASES = [
  // 50 posts (by 44 author ids, 4 of them missing users), each with its author: 1 + 50 → 1 + 1.
  { name: 'findFirst per item of Promise.all(map)', run: (m: Modules) => m.inline.postsWithAuthors!(), before: 51, after: 2 },
  // 50 comments; the 2 in 3 that reply to a post load it, one by one in a for…of.
  { name: 'findFirst behind a condition in for…of', run: (m: Modules) => m.inline.commentsWithParents!(), before: 1 + 34, after: 2 },
  { name: 'findMany per key, grouped', run: (m: Modules) => m.inline.postsWithComments!(), before: 51, after: 2 },
  { name: 'a local helper that is only the query', run: (m: Modules) => m.inlineHelpers.commentAuthors!(), before: 51, after: 2 },
  { name: "another module's helper", run: (m: Modules) => m.inlineHelpers.commentPosts!(), before: 51, after: 2 },
  // Helpers that reshape their row: `[row] = …limit(1)` on a database they are given, `?? null`, `rows[0] ?? null`.
  { name: 'helper given the database: the first row of limit(1), or null', run: (m: Modules) => m.inlineReshapedHelpers.commentAuthorNames!(), before: 51, after: 2 },
  { name: 'helper: findFirst ?? null, per item of Promise.all(map)', run: (m: Modules) => m.inlineReshapedHelpers.replyPosts!(), before: 51, after: 2 },
  { name: 'helper: rows[0] ?? null by a unique column', run: (m: Modules) => m.inlineReshapedHelpers.usersByHandles!(handles as never), before: 5, after: 1 },
  {
    name: 'route handler: select() of fields with orderBy, per post',
    run: async (m: Modules) => ((await m.inlineOutsideTrpc.GET!(request(20) as never)) as Response).json(),
    before: 21,
    after: 2,
  },
  { name: 'server action: findFirst by a unique column', run: (m: Modules) => m.inlineOutsideTrpc.digest!(handles as never), before: 5, after: 1 },
  { name: 'job: findMany with a condition for every item', run: (m: Modules) => m.inlineOutsideTrpc.reindexAuthors!(authorIds as never), before: 6, after: 1 },
  {
    name: 'plain function: a key a step down, .limit(1), .then',
    run: (m: Modules) => m.inlineOutsideTrpc.rootPosts!(threads as never, 3 as never),
    before: 4,
    after: 1,
  },
  // The comments (8 of the 9 ids exist), then 2 lookups per comment → the comments, then 2 lookups.
  {
    name: 'transaction: the reads on tx, inside it',
    run: (m: Modules) => m.inlineTransaction.moderationReport!([3, 8, 21, 22, 150, 151, 152, 399, 4_000] as never),
    before: 1 + 2 * 8,
    after: 1 + 2,
  },
  { name: 'job (auto picks inline outside tRPC)', run: (m: Modules) => m.auto.nightlyAuthors!(), before: 21, after: 2 },
];

describe('dataloader --strategy=inline on PGlite', () => {
  beforeAll(async () => {
    proof = await loadInlineProof();
  }, 120_000);
  afterAll(() => proof?.close());

  it('rewrote every fixture it runs', () => {
    expect(proof.summary.failed).toEqual([]);
    expect(proof.summary.changed.sort()).toEqual(['auto.ts', 'inline-helpers.ts', 'inline-outside-trpc.ts', 'inline-reshaped-helpers.ts', 'inline-transaction.ts', 'inline.ts']);
  });

  it.for(CASES)('$name: the same JSON, $before queries before and $after after', async ({ run, before, after }) => {
    const old = await proof.measure(() => run(proof.before));
    const rewritten = await proof.measure(() => run(proof.after));
    expect(JSON.stringify(rewritten.result)).toBe(JSON.stringify(old.result));
    expect(old.queries).toBe(before);
    expect(rewritten.queries).toBe(after);
  });

  it('the data exercises what a batch can get wrong: missing keys, repeated keys, empty groups', async () => {
    const authors = (await proof.after.inline.postsWithAuthors!()) as Array<{ author?: unknown }>;
    expect(authors.filter((p) => p.author === undefined).length).toBeGreaterThan(0);
    const comments = (await proof.after.inline.postsWithComments!()) as unknown[][];
    expect(comments.filter((c) => c.length === 0).length).toBeGreaterThan(0);
    expect(comments.filter((c) => c.length > 1).length).toBeGreaterThan(0);
    // A missing row reads `null` after the rewrite as before, where the helper's `?? null` made it so.
    const posts = (await proof.after.inlineReshapedHelpers.replyPosts!()) as unknown[];
    expect(posts.filter((p) => p === null).length).toBeGreaterThan(0);
    const byHandle = (await proof.after.inlineReshapedHelpers.usersByHandles!(handles as never)) as Array<{ name: string } | null>;
    expect(byHandle.map((u) => u?.name ?? null)).toEqual(['User 3', 'User 17', null, 'User 3', 'User 40']);
    const digest = (await proof.after.inlineOutsideTrpc.digest!(handles as never)) as string;
    expect(digest.split('\n')).toEqual(['User 3 (@user3)', 'User 17 (@user17)', '@nobody is gone', 'User 3 (@user3)', 'User 40 (@user40)']);
  });
});
