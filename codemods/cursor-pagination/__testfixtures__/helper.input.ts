import { desc, eq } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

/** The query lives in a helper; the page number comes from the procedures that call it. */
async function listByAuthor(db: PgliteDatabase<typeof schema>, authorId: number, page: number) {
  return db
    .select()
    .from(posts)
    .where(eq(posts.authorId, authorId))
    .orderBy(desc(posts.createdAt))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
}

export const helperRouter = router({
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => listByAuthor(ctx.db, input.authorId, input.page)),

  mine: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      return await listByAuthor(ctx.db, 1, input.page);
    }),
});
