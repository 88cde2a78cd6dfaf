import { count, desc } from "drizzle-orm";
import { z } from "zod";
import { posts } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

const PAGE_SIZE = 20;

/** What `--keep-total` still leaves alone. */
export const keepTotalRefusedRouter = router({
  /** zod would strip a `nextCursor` the declared output does not list. */
  declared: publicProcedure
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .output(z.object({ items: z.array(z.object({ id: z.number(), createdAt: z.date() })), total: z.number() }))
    .query(async ({ ctx, input }) => {
      const [items, [total]] = await Promise.all([
        ctx.db.select({ id: posts.id, createdAt: posts.createdAt }).from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE),
        ctx.db.select({ value: count() }).from(posts),
      ]);
      return { items, total: total?.value ?? 0 };
    }),

  /** Served as REST by trpc-openapi: its callers are outside the checkout. */
  published: publicProcedure
    .meta({ openapi: { method: "GET", path: "/posts" } })
    .input(z.object({ page: z.number().int().min(1).default(1) }))
    .query(async ({ ctx, input }) => {
      const items = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
      return { items, total: await ctx.db.$count(posts) };
    }),

  /** A count of pages means page numbers. */
  pages: publicProcedure.input(z.object({ page: z.number().int().min(1).default(1) })).query(async ({ ctx, input }) => {
    const items = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
    return { items, totalPages: Math.ceil((await ctx.db.$count(posts)) / PAGE_SIZE) };
  }),

  /** The "total" is the page's own length: with a cursor it still counts one page. */
  counted: publicProcedure.input(z.object({ page: z.number().int().min(1).default(1) })).query(async ({ ctx, input }) => {
    const items = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
    return { items, count: items.length };
  }),

  /** The result echoes the page number, which a cursor has not. */
  echoed: publicProcedure.input(z.object({ page: z.number().int().min(1).default(1) })).query(async ({ ctx, input }) => {
    const items = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
    return { items, total: await ctx.db.$count(posts), page: input.page };
  }),

  /** A return after the rows are read would need its own `nextCursor`. */
  returnsTwice: publicProcedure.input(z.object({ page: z.number().int().min(1).default(1) })).query(async ({ ctx, input }) => {
    const total = await ctx.db.$count(posts);
    const items = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(PAGE_SIZE).offset((input.page - 1) * PAGE_SIZE);
    if (items.length === 0) return { items, total };
    return { items, total };
  }),
});
