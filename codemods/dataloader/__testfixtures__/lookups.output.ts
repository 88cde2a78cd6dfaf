import { z } from "zod";
import { comments, posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";
import { primeKeys } from "./loaders.js";

async function scoreOf(postId: number): Promise<number> {
  return postId % 7;
}

export const feedRouter = router({
  /** findFirst by the primary key per item of Promise.all(map): loads made together batch by themselves. */
  withAuthors: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    return Promise.all(
      rows.map(async (post) => ({
        ...post,
        author: await ctx.loaders.usersById.load(post.authorId),
      })),
    );
  }),

  /** The same lookup through a helper that is nothing but the lookup. */
  authorsOf: publicProcedure.input(z.object({ authorIds: z.array(z.number()) })).query(({ ctx, input }) =>
    Promise.all(input.authorIds.map((id) => ctx.loaders.usersById.load(id))),
  ),

  /** findMany by a foreign key, with its order and relations: the rows of each key. */
  withComments: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    return Promise.all(
      rows.map(async (post) => ({
        ...post,
        comments: await ctx.loaders.commentsByPostId.load(post.id),
      })),
    );
  }),

  /** select() of some fields by a unique column, in a for…of loop: loads awaited one by one are primed first. */
  byHandles: publicProcedure.input(z.object({ handles: z.array(z.string()) })).query(async ({ ctx, input }) => {
    const found = [];
    await primeKeys(ctx.loaders.usersByHandleRows, input.handles);
    for (const handle of input.handles) {
      const [user] = await ctx.loaders.usersByHandleRows.load(handle);
      found.push(user ?? null);
    }
    return found;
  }),

  /** A condition that is the same for every item, and a key that may be missing. */
  replies: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(comments).limit(50);
    const thread = [];
    await primeKeys(ctx.loaders.postsById, rows.map((comment) => comment.replyTo));
    for (const comment of rows) {
      const parent = comment.replyTo
        ? await ctx.loaders.postsById.load(comment.replyTo)
        : undefined;
      thread.push({ ...comment, parent });
    }
    return thread;
  }),

  /** Concurrent, but each item awaits something else first: its loads would not meet, so they are primed. */
  scored: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    await primeKeys(ctx.loaders.usersById, rows.map((post) => post.authorId));
    return Promise.all(
      rows.map(async (post) => {
        const score = await scoreOf(post.id);
        return { score, author: await ctx.loaders.usersById.load(post.authorId) };
      }),
    );
  }),
});
