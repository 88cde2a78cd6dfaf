import { count, desc, eq } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

/** Run with `--keep-total`: every page still says how many rows there are, and now how to get the next. */
export const keepTotalRouter = router({
  /** The page and its count side by side, as most admin tables load them. */
  timeline: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      const [items, [total]] = await Promise.all([
        ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE),
        ctx.db.select({ value: count() }).from(posts),
      ]);
      return { items, total: total?.value ?? 0 };
    }),

  /** The count first, an empty page early, then the rows through the relational API with a `{ where }` shorthand. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      const where = eq(posts.authorId, input.authorId);
      const totalCount = await ctx.db.$count(posts, where);
      if (totalCount === 0) return { items: [], totalCount: 0 };
      const items = await ctx.db.query.posts.findMany({
        where,
        orderBy: [desc(posts.createdAt)],
        limit: PAGE_SIZE,
        offset: (input.page - 1) * PAGE_SIZE,
      });
      return { items, totalCount };
    }),

  /** The query in a helper, the total one level down in `meta`. */
  scored: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => listScored(ctx.db, input.page)),
});

async function listScored(db: PgliteDatabase<typeof schema>, page: number) {
  const [data, [counted]] = await Promise.all([
    db.select().from(posts).orderBy(desc(posts.score)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
    db.select({ value: count() }).from(posts),
  ]);
  return { data, meta: { total: counted?.value ?? 0 } };
}
