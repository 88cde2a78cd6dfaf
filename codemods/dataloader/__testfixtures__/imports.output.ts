import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const authorsRouter = router({
  /** Reads the module's `db`, which is the context's: the lookup is the only use of `db`, `eq` and `users`. */
  withAuthors: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    return Promise.all(
      rows.map(async (post) => ({
        ...post,
        author: await ctx.loaders.usersById.load(post.authorId),
      })),
    );
  }),
});
