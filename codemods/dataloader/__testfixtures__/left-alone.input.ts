import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const adminRouter = router({
  bump: publicProcedure.input(z.object({ ids: z.array(z.number()) })).mutation(async ({ ctx, input }) => {
    for (const id of input.ids) {
      await ctx.db.update(posts).set({ body: sql`${posts.body} || '!'` }).where(eq(posts.id, id));
    }
  }),

  inTransaction: publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(({ ctx, input }) =>
    db.transaction(async (tx) => {
      const found = [];
      for (const id of input.ids) found.push(await tx.query.users.findFirst({ where: eq(users.id, id) }));
      return found;
    }),
  ),

  latestByAuthor: publicProcedure.input(z.object({ authorIds: z.array(z.number()) })).query(({ ctx, input }) =>
    Promise.all(input.authorIds.map((id) => ctx.db.query.posts.findFirst({ where: eq(posts.authorId, id) }))),
  ),

  firstComments: publicProcedure.input(z.object({ postIds: z.array(z.number()) })).query(({ ctx, input }) =>
    Promise.all(input.postIds.map((id) => ctx.db.query.comments.findMany({ where: eq(comments.postId, id), limit: 3 }))),
  ),

  callbackWhere: publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(({ ctx, input }) =>
    Promise.all(input.ids.map((id) => ctx.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, id) }))),
  ),

  ownComments: publicProcedure.input(z.object({ postIds: z.array(z.number()) })).query(async ({ ctx, input }) => {
    const rows = await ctx.db.select().from(posts).limit(50);
    return Promise.all(
      rows.map((post) => ctx.db.select().from(comments).where(and(eq(comments.postId, post.id), eq(comments.authorId, post.authorId)))),
    );
  }),

  sameUser: publicProcedure.input(z.object({ ids: z.array(z.number()), userId: z.number() })).query(({ ctx, input }) =>
    Promise.all(input.ids.map(() => ctx.db.query.users.findFirst({ where: eq(users.id, input.userId) }))),
  ),

  indexed: publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(async ({ ctx, input }) => {
    const found = [];
    for (let i = 0; i < input.ids.length; i++) found.push(await ctx.db.query.users.findFirst({ where: eq(users.id, input.ids[i]!) }));
    return found;
  }),

  joined: publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(({ ctx, input }) =>
    Promise.all(input.ids.map((id) => ctx.db.select().from(posts).innerJoin(users, eq(users.id, posts.authorId)).where(eq(posts.id, id)))),
  ),
});

/** Not a procedure: no request, so no per-request loaders. */
export async function authorsOf(ids: number[]) {
  const found = [];
  for (const id of ids) found.push(await db.query.users.findFirst({ where: eq(users.id, id) }));
  return found;
}
