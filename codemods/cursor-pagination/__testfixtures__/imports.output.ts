import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import { PAGE_SIZE } from "./paging.js";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const archiveRouter = router({
  /** Newest id first: a keyset of one column. The offset is the only use of `pageOffset`. */
  archive: publicProcedure
    .input(z.object({ cursor: z.object({ id: z.number() }).nullish() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.select().from(posts).where(input.cursor ? lt(posts.id, input.cursor.id) : undefined).orderBy(desc(posts.id)).limit(PAGE_SIZE + 1);
      const items = rows.slice(0, PAGE_SIZE);
      return { items, nextCursor: rows.length > PAGE_SIZE ? { id: items[items.length - 1]!.id } : null };
    },
    ),
});
