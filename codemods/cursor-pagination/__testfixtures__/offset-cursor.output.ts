import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { authors, comments, posts } from "./schema.js";
import type * as schema from "./schema.js";

type Database = PgliteDatabase<typeof schema>;

export type GetCommentsParams = { authorId?: number; cursor?: string | null; pageSize?: number };

/** Newest comments first with their author's name; the cursor callers hold is the offset, as a string. */
export async function getComments(db: Database, params: GetCommentsParams) {
  const { authorId, cursor, pageSize = 25 } = params;

  // Convert cursor to offset
  const after: [string, string] | null = cursor?.startsWith("[") ? JSON.parse(cursor) : null;

  const conditions: SQL[] = [];
  if (authorId !== undefined) conditions.push(eq(comments.authorId, authorId));

  const data = await db
    .select({ id: comments.id, body: comments.body, at: comments.createdAt, author: authors.name })
    .from(comments)
    .innerJoin(authors, eq(comments.authorId, authors.id))
    .where(and(...conditions, after ? and(lte(comments.createdAt, after[0]), or(lt(comments.createdAt, after[0]), and(eq(comments.createdAt, after[0]), lt(comments.id, after[1])))) : undefined))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(pageSize);

  const nextCursor = data.length === pageSize ? JSON.stringify([data[data.length - 1]!.at, data[data.length - 1]!.id]) : undefined;

  return {
    meta: { cursor: nextCursor ?? null, hasPreviousPage: after !== null, hasNextPage: data.length === pageSize },
    data,
  };
}

/** One post's comments through the relational API, oldest first. */
export async function getPostComments(db: Database, params: { postId: number; cursor?: string | null; pageSize?: number }) {
  const { postId, cursor, pageSize = 20 } = params;
  const after: [string, string] | null = cursor?.startsWith("[") ? JSON.parse(cursor) : null;
  const data = await db.query.comments.findMany({
    where: and(eq(comments.postId, postId), after ? and(gte(comments.createdAt, after[0]), or(gt(comments.createdAt, after[0]), and(eq(comments.createdAt, after[0]), gt(comments.id, after[1])))) : undefined),
    columns: { id: true, body: true, createdAt: true },
    orderBy: [asc(comments.createdAt), asc(comments.id)],
    limit: pageSize,
  });
  return { data, nextCursor: data.length === pageSize ? JSON.stringify([data[data.length - 1]!.createdAt, data[data.length - 1]!.id]) : null };
}

/** Posts newest first, on a builder ordered and paged in statements; `Date` times travel as JSON strings. */
export async function getPosts(db: Database, params: { cursor?: string | null; pageSize?: number }) {
  const { cursor, pageSize = 20 } = params;
  const after: [string, number] | null = cursor?.startsWith("[") ? JSON.parse(cursor) : null;
  const query = db.select().from(posts).where(after ? and(lte(posts.createdAt, new Date(after[0])), or(lt(posts.createdAt, new Date(after[0])), and(eq(posts.createdAt, new Date(after[0])), lt(posts.id, after[1])))) : undefined).$dynamic();
  query.orderBy(desc(posts.createdAt), desc(posts.id));

  query.limit(pageSize);

  const data = await query;
  return { data, cursor: data.length === pageSize ? JSON.stringify([data[data.length - 1]!.createdAt, data[data.length - 1]!.id]) : null };
}
