import { and, asc, desc, eq, gt, gte, lt, lte, or } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

export const builderRouter = router({
  /** A dynamic builder, filtered and ordered step by step, paged where it runs. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      let query = ctx.db.select().from(posts).$dynamic();
      query = query.where(and(eq(posts.authorId, input.authorId), input.cursor ? and(lte(posts.createdAt, input.cursor.createdAt), or(lt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), lt(posts.id, input.cursor.id)))) : undefined));
      query = query.orderBy(desc(posts.createdAt), desc(posts.id));
      const rowsWithNext = await query.limit(PAGE_SIZE + 1);
      const rows = rowsWithNext.slice(0, PAGE_SIZE);
      return { items: rows, nextCursor: rowsWithNext.length > PAGE_SIZE ? { createdAt: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id } : null };
    }),

  /** A base query kept in a constant, with its order and limit, skipped into where it runs. */
  oldest: publicProcedure
    .input(z.object({ cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const base = ctx.db.select().from(posts).where(input.cursor ? and(gte(posts.createdAt, input.cursor.createdAt), or(gt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), gt(posts.id, input.cursor.id)))) : undefined).orderBy(asc(posts.createdAt), asc(posts.id)).limit(PAGE_SIZE + 1);
      const rowsWithNext = await base;
      const rows = rowsWithNext.slice(0, PAGE_SIZE);
      return { items: rows.map((row) => ({ id: row.id, at: row.createdAt.toISOString() })), nextCursor: rowsWithNext.length > PAGE_SIZE ? { createdAt: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id } : null };
    }),
});
