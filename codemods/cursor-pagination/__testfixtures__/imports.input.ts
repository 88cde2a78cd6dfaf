import { desc } from "drizzle-orm";
import { z } from "zod";
import { PAGE_SIZE, pageOffset } from "./paging.js";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const archiveRouter = router({
  /** Newest id first: a keyset of one column. The offset is the only use of `pageOffset`. */
  archive: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(({ ctx, input }) =>
      ctx.db.select().from(posts).orderBy(desc(posts.id)).limit(PAGE_SIZE).offset(pageOffset(input.page, PAGE_SIZE)),
    ),
});
