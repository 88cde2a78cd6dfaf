import { asc, count, desc, eq } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { authors, comments, posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

type Database = PgliteDatabase<typeof schema>;

export const refusedRouter = router({
  /** A total next to the page: a page-number control reads it. */
  withTotal: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      const [items, [total]] = await Promise.all([
        ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset((input.page - 1) * 20),
        ctx.db.select({ value: count() }).from(posts),
      ]);
      return { items, total: total?.value ?? 0 };
    }),
});

/** The order is picked at run time. */
export async function sorted(db: Database, params: { cursor?: string; sort: "new" | "old" }) {
  const query = db.select().from(posts).$dynamic();
  if (params.sort === "new") query.orderBy(desc(posts.createdAt));
  else query.orderBy(asc(posts.createdAt));
  const offset = params.cursor ? Number.parseInt(params.cursor, 10) : 0;
  const data = await query.limit(20).offset(offset);
  return { data, cursor: data.length === 20 ? String(offset + 20) : null };
}

/** One builder for the page and for something else: a condition added for the cursor would change both. */
export async function reused(db: Database, cursor: string | null) {
  const base = db.select().from(posts).orderBy(desc(posts.createdAt));
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const [first] = await base.limit(1);
  const data = await base.limit(20).offset(offset);
  return { first, data, cursor: data.length === 20 ? String(offset + 20) : null };
}

/** A join to the many side: a post appears once per comment, so its id does not order the rows. */
export async function withComments(db: Database, cursor: string | null) {
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const data = await db
    .select({ id: posts.id, createdAt: posts.createdAt, comment: comments.body })
    .from(posts)
    .leftJoin(comments, eq(comments.postId, posts.id))
    .orderBy(desc(posts.createdAt))
    .limit(20)
    .offset(offset);
  return { data, cursor: data.length === 20 ? String(offset + 20) : null };
}

/** The offset is shown to the user too: the cursor cannot say which row number a page starts at. */
export async function numbered(db: Database, cursor: string | null) {
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const data = await db.select().from(authors).orderBy(asc(authors.name)).limit(20).offset(offset);
  return { data, firstRow: offset + 1, cursor: data.length === 20 ? String(offset + 20) : null };
}

/** The page comes from the caller: every caller has to change with it. */
export async function pageOf(db: Database, page: number) {
  return db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset((page - 1) * 20);
}

/** Two pages from one page input: each rewrite would turn the same input into its own cursor. */
export const twoPagesRouter = router({
  both: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      const newest = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset((input.page - 1) * 20);
      const names = await ctx.db.select().from(authors).orderBy(asc(authors.name)).limit(20).offset((input.page - 1) * 20);
      return { newest, names };
    }),
});
