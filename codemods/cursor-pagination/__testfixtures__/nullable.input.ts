import { asc, desc } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { z } from "zod";
import { posts } from "./schema.js";
import type * as schema from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

/** Best first: Postgres puts the unscored posts (NULL) before every score when descending. */
export const nullableRouter = router({
  best: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) => ctx.db.select().from(posts).orderBy(desc(posts.score)).limit(20).offset((input.page - 1) * 20)),
});

/** Lowest score first, the unscored last; the cursor callers hold is the offset, as a string. */
export async function lowest(db: PgliteDatabase<typeof schema>, cursor: string | null) {
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const data = await db.select().from(posts).orderBy(asc(posts.score)).limit(25).offset(offset);
  return { data, cursor: data.length === 25 ? String(offset + 25) : null };
}
