import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const authorsRouter = router({
  /** Reads the module's `db`, which is the context's: the lookup is the only use of `db`, `eq` and `users`. */
  withAuthors: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    return Promise.all(
      rows.map(async (post) => ({
        ...post,
        author: await db.query.users.findFirst({ where: eq(users.id, post.authorId) }),
      })),
    );
  }),
});
