import { and, desc, eq, lt, lte, or } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

/** The query lives in a helper; the page number comes from the procedures that call it. */
async function listByAuthor(db: PgliteDatabase<typeof schema>, authorId: number, cursor: { createdAt: Date; id: number } | null | undefined) {
  const rows = await db
    .select()
    .from(posts)
    .where(and(eq(posts.authorId, authorId), cursor ? and(lte(posts.createdAt, cursor.createdAt), or(lt(posts.createdAt, cursor.createdAt), and(eq(posts.createdAt, cursor.createdAt), lt(posts.id, cursor.id)))) : undefined))
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(PAGE_SIZE + 1);
  const items = rows.slice(0, PAGE_SIZE);
  return { items, nextCursor: rows.length > PAGE_SIZE ? { createdAt: items[items.length - 1]!.createdAt, id: items[items.length - 1]!.id } : null };
}

export const helperRouter = router({
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(({ ctx, input }) => listByAuthor(ctx.db, input.authorId, input.cursor)),

  mine: publicProcedure
    .input(z.object({ cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      return await listByAuthor(ctx.db, 1, input.cursor);
    }),
});
