import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

declare const trpc: { feed: { timeline: { useQuery(input: { page: number }): unknown } } };

export const leftAlone = router({
  /** No order: there is nothing to continue from. */
  unordered: publicProcedure
    .input(z.object({ page: z.number() }))
    .query(({ ctx, input }) => ctx.db.select().from(posts).limit(20).offset(input.page * 20)),

  /** An order on an expression. */
  byLength: publicProcedure
    .input(z.object({ page: z.number() }))
    .query(({ ctx, input }) =>
      ctx.db.select().from(posts).orderBy(sql`length(${posts.body})`).limit(20).offset(input.page * 20),
    ),

  /** An offset that does not come from the input. */
  sampled: publicProcedure
    .input(z.object({ page: z.number() }))
    .query(({ ctx }) => ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset(Math.floor(Math.random() * 100))),

  /** OFFSET in raw SQL. */
  raw: publicProcedure
    .input(z.object({ page: z.number() }))
    .query(({ ctx, input }) => ctx.db.execute(sql`select * from posts order by created_at desc limit 20 offset ${input.page * 20}`)),
});

/** A client still reading pages by number. */
export function usePage(page: number) {
  return trpc.feed.timeline.useQuery({ page });
}
