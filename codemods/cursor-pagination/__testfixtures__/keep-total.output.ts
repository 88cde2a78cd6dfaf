import { and, count, desc, eq, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
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
    .input(z.object({ cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const [itemsWithNext, [total]] = await Promise.all([
        ctx.db.select().from(posts).where(input.cursor ? and(lte(posts.createdAt, input.cursor.createdAt), or(lt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), lt(posts.id, input.cursor.id)))) : undefined).orderBy(desc(posts.createdAt), desc(posts.id)).limit(PAGE_SIZE + 1),
        ctx.db.select({ value: count() }).from(posts),
      ]);
      const items = itemsWithNext.slice(0, PAGE_SIZE);
      return { items, total: total?.value ?? 0, nextCursor: itemsWithNext.length > PAGE_SIZE ? { createdAt: items[items.length - 1]!.createdAt, id: items[items.length - 1]!.id } : null };
    }),

  /** The count first, an empty page early, then the rows through the relational API with a `{ where }` shorthand. */
  byAuthor: publicProcedure
    .input(z.object({ authorId: z.number(), cursor: z.object({ createdAt: z.coerce.date(), id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const where = eq(posts.authorId, input.authorId);
      const totalCount = await ctx.db.$count(posts, where);
      if (totalCount === 0) return { items: [], totalCount: 0, nextCursor: null };
      const itemsWithNext = await ctx.db.query.posts.findMany({
        where: and(where, input.cursor ? and(lte(posts.createdAt, input.cursor.createdAt), or(lt(posts.createdAt, input.cursor.createdAt), and(eq(posts.createdAt, input.cursor.createdAt), lt(posts.id, input.cursor.id)))) : undefined),
        orderBy: [desc(posts.createdAt), desc(posts.id)],
        limit: PAGE_SIZE + 1,
      });
      const items = itemsWithNext.slice(0, PAGE_SIZE);
      return { items, totalCount, nextCursor: itemsWithNext.length > PAGE_SIZE ? { createdAt: items[items.length - 1]!.createdAt, id: items[items.length - 1]!.id } : null };
    }),

  /** The query in a helper, the total one level down in `meta`. */
  scored: publicProcedure
    .input(z.object({ cursor: z.object({ score: z.number().nullable(), id: z.number() }).nullish() }))
    .query(({ ctx, input }) => listScored(ctx.db, input.cursor)),
});

async function listScored(db: PgliteDatabase<typeof schema>, cursor: { score: number | null; id: number } | null | undefined) {
  const [dataWithNext, [counted]] = await Promise.all([
    db.select().from(posts).where(cursor ? (cursor.score === null ? or(and(isNull(posts.score), lt(posts.id, cursor.id)), isNotNull(posts.score)) : and(lte(posts.score, cursor.score), or(lt(posts.score, cursor.score), and(eq(posts.score, cursor.score), lt(posts.id, cursor.id))))) : undefined).orderBy(desc(posts.score), desc(posts.id)).limit(PAGE_SIZE + 1),
    db.select({ value: count() }).from(posts),
  ]);
  const data = dataWithNext.slice(0, PAGE_SIZE);
  return { data, meta: { total: counted?.value ?? 0 }, nextCursor: dataWithNext.length > PAGE_SIZE ? { score: data[data.length - 1]!.score, id: data[data.length - 1]!.id } : null };
}
