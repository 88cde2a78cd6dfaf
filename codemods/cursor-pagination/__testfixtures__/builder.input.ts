import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

export const builderRouter = router({
  /** A dynamic builder, filtered and ordered step by step, paged where it runs. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.select().from(posts).$dynamic();
      query = query.where(eq(posts.authorId, input.authorId));
      query = query.orderBy(desc(posts.createdAt));
      const rows = await query.limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
      return rows;
    }),

  /** A base query kept in a constant, with its order and limit, skipped into where it runs. */
  oldest: publicProcedure
    .input(z.object({ offset: z.number().int().min(0).default(0) }))
    .query(async ({ ctx, input }) => {
      const base = ctx.db.select().from(posts).orderBy(asc(posts.createdAt), asc(posts.id)).limit(PAGE_SIZE);
      const rows = await base.offset(input.offset);
      return rows.map((row) => ({ id: row.id, at: row.createdAt.toISOString() }));
    }),
});
