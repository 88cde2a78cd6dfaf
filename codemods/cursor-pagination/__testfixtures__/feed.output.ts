import { and, asc, desc, eq, gt, gte, lt, lte, or } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

export const feedRouter = router({
  /** Newest first, by page number; many posts share a timestamp. */
  timeline: publicProcedure
    .input(z.object({ cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.select().from(posts).where(input.cursor ? and(lte(posts.createdAt, input.cursor.createdAt), or(lt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), lt(posts.id, input.cursor.id)))) : undefined).orderBy(desc(posts.createdAt), desc(posts.id)).limit(PAGE_SIZE + 1);
      const items = rows.slice(0, PAGE_SIZE);
      return { items, nextCursor: rows.length > PAGE_SIZE ? { createdAt: items[items.length - 1]!.createdAt, id: items[items.length - 1]!.id } : null };
    },
    ),

  /** One author's posts, oldest first and newest id first among equal times, mapped for the client. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish(), limit: z.number().max(100).default(25) }))
    .query(async ({ ctx, input }) => {
      const rowsWithNext = await ctx.db
        .select()
        .from(posts)
        .where(and(eq(posts.authorId, input.authorId), input.cursor ? and(gte(posts.createdAt, input.cursor.createdAt), or(gt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), lt(posts.id, input.cursor.id)))) : undefined))
        .orderBy(asc(posts.createdAt), desc(posts.id))
        .limit(input.limit + 1);
      const rows = rowsWithNext.slice(0, input.limit);
      return { items: rows.map((row) => ({ id: row.id, body: row.body, at: row.createdAt.toISOString() })), nextCursor: rowsWithNext.length > input.limit ? { createdAt: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id } : null };
    }),

  /** Through the relational API, by author then newest. */
  recent: publicProcedure
    .input(z.object({ cursor: z.object({ authorId: z.number(), createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.query.posts.findMany({
        where: input.cursor ? and(gte(posts.authorId, input.cursor.authorId), or(gt(posts.authorId, input.cursor.authorId), and(eq(posts.authorId, input.cursor.authorId), lt(posts.createdAt, input.cursor.createdAt)), and(eq(posts.authorId, input.cursor.authorId), eq(posts.createdAt, input.cursor.createdAt), gt(posts.id, input.cursor.id)))) : undefined,
        orderBy: [asc(posts.authorId), desc(posts.createdAt), asc(posts.id)],
        limit: PAGE_SIZE + 1,
      });
      const items = rows.slice(0, PAGE_SIZE);
      return { items, nextCursor: rows.length > PAGE_SIZE ? { authorId: items[items.length - 1]!.authorId, createdAt: items[items.length - 1]!.createdAt, id: items[items.length - 1]!.id } : null };
    },
    ),
});
