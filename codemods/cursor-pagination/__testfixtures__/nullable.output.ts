import { and, asc, desc, eq, gt, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

/** Best first: Postgres puts the unscored posts (NULL) before every score when descending. */
export const nullableRouter = router({
  best: publicProcedure
    .input(z.object({ cursor: z.object({ score: z.number().nullable(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.select().from(posts).where(input.cursor ? (input.cursor.score === null ? or(and(isNull(posts.score), lt(posts.id, input.cursor.id)), isNotNull(posts.score)) : and(lte(posts.score, input.cursor.score), or(lt(posts.score, input.cursor.score), and(eq(posts.score, input.cursor.score), lt(posts.id, input.cursor.id))))) : undefined).orderBy(desc(posts.score), desc(posts.id)).limit(20 + 1);
      const items = rows.slice(0, 20);
      return { items, nextCursor: rows.length > 20 ? { score: items[items.length - 1]!.score, id: items[items.length - 1]!.id } : null };
    }),
});

/** Lowest score first, the unscored last; the cursor callers hold is the offset, as a string. */
export async function lowest(db: PgliteDatabase<typeof schema>, cursor: string | null) {
  const after: [number | null, number] | null = cursor?.startsWith("[") ? JSON.parse(cursor) : null;
  const data = await db.select().from(posts).where(after ? (after[0] === null ? and(isNull(posts.score), gt(posts.id, after[1])) : or(gt(posts.score, after[0]), and(eq(posts.score, after[0]), gt(posts.id, after[1])), isNull(posts.score))) : undefined).orderBy(asc(posts.score), asc(posts.id)).limit(25);
  return { data, cursor: data.length === 25 ? JSON.stringify([data[data.length - 1]!.score, data[data.length - 1]!.id]) : null };
}
