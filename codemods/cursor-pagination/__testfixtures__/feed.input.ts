import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

export const feedRouter = router({
  /** Newest first, by page number; many posts share a timestamp. */
  timeline: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) =>
      ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE),
    ),

  /** One author's posts, oldest first and newest id first among equal times, mapped for the client. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), offset: z.number().int().min(0).default(0), limit: z.number().max(100).default(25) }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db
        .select()
        .from(posts)
        .where(eq(posts.authorId, input.authorId))
        .orderBy(asc(posts.createdAt), desc(posts.id))
        .limit(input.limit)
        .offset(input.offset);
      return rows.map((row) => ({ id: row.id, body: row.body, at: row.createdAt.toISOString() }));
    }),

  /** Through the relational API, by author then newest. */
  recent: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) =>
      ctx.db.query.posts.findMany({
        orderBy: [asc(posts.authorId), desc(posts.createdAt)],
        limit: PAGE_SIZE,
        offset: (input.page - 1) * PAGE_SIZE,
      }),
    ),
});
