import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

/** In a procedure: a per-request loader on `ctx`. */
export const authorRouter = router({
  latest: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(20);
    return Promise.all(rows.map(async (post) => ({ ...post, author: await ctx.db.query.users.findFirst({ where: eq(users.id, post.authorId) }) })));
  }),

  /** In a transaction: a loader would read outside it, so the batch goes inline, on `tx`. */
  audit: publicProcedure.mutation(() =>
    db.transaction(async (tx) => {
      const rows = await tx.select().from(posts).limit(20);
      return Promise.all(rows.map((post) => tx.query.users.findFirst({ where: eq(users.id, post.authorId) })));
    }),
  ),
});

/** Not in a procedure (a job): no request to hold a loader, so the batch goes inline. */
export async function nightlyAuthors() {
  const rows = await db.select().from(posts).limit(20);
  const names = [];
  for (const post of rows) names.push((await db.query.users.findFirst({ where: eq(users.id, post.authorId) }))?.name);
  return names;
}
