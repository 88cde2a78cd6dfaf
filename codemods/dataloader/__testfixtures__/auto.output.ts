import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

/** In a procedure: a per-request loader on `ctx`. */
export const authorRouter = router({
  latest: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(20);
    return Promise.all(rows.map(async (post) => ({ ...post, author: await ctx.loaders.usersById.load(post.authorId) })));
  }),

  /** In a transaction: a loader would read outside it, so the batch goes inline, on `tx`. */
  audit: publicProcedure.mutation(() =>
    db.transaction(async (tx) => {
      const rows = await tx.select().from(posts).limit(20);
      const usersById = new Map(
        (await tx.query.users.findMany({ where: inArray(users.id, rows.map((post) => post.authorId)) })).map((row) => [row.id, row] as const),
      );
      return Promise.all(rows.map((post) => usersById.get(post.authorId)));
    }),
  ),
});

/** Not in a procedure (a job): no request to hold a loader, so the batch goes inline. */
export async function nightlyAuthors() {
  const rows = await db.select().from(posts).limit(20);
  const names = [];
  const usersById2 = new Map(
    (await db.query.users.findMany({ where: inArray(users.id, rows.map((post) => post.authorId)) })).map((row) => [row.id, row] as const),
  );
  for (const post of rows) names.push(usersById2.get(post.authorId)?.name);
  return names;
}
