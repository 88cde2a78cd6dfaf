import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { authors, comments, posts } from "./schema.js";
import type * as schema from "./schema.js";

type Database = PgliteDatabase<typeof schema>;

export type GetCommentsParams = { authorId?: number; cursor?: string | null; pageSize?: number };

/** Newest comments first with their author's name; the cursor callers hold is the offset, as a string. */
export async function getComments(db: Database, params: GetCommentsParams) {
  const { authorId, cursor, pageSize = 25 } = params;

  // Convert cursor to offset
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;

  const conditions: SQL[] = [];
  if (authorId !== undefined) conditions.push(eq(comments.authorId, authorId));

  const data = await db
    .select({ id: comments.id, body: comments.body, at: comments.createdAt, author: authors.name })
    .from(comments)
    .innerJoin(authors, eq(comments.authorId, authors.id))
    .where(and(...conditions))
    .orderBy(desc(comments.createdAt))
    .limit(pageSize)
    .offset(offset);

  const nextCursor = data.length === pageSize ? (offset + pageSize).toString() : undefined;

  return {
    meta: { cursor: nextCursor ?? null, hasPreviousPage: offset > 0, hasNextPage: data.length === pageSize },
    data,
  };
}

/** One post's comments through the relational API, oldest first. */
export async function getPostComments(db: Database, params: { postId: number; cursor?: string | null; pageSize?: number }) {
  const { postId, cursor, pageSize = 20 } = params;
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const data = await db.query.comments.findMany({
    where: eq(comments.postId, postId),
    columns: { id: true, body: true, createdAt: true },
    orderBy: asc(comments.createdAt),
    limit: pageSize,
    offset,
  });
  return { data, nextCursor: data.length === pageSize ? String(offset + pageSize) : null };
}

/** Posts newest first, on a builder ordered and paged in statements; `Date` times travel as JSON strings. */
export async function getPosts(db: Database, params: { cursor?: string | null; pageSize?: number }) {
  const { cursor, pageSize = 20 } = params;
  const query = db.select().from(posts).$dynamic();
  query.orderBy(desc(posts.createdAt));

  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  query.limit(pageSize).offset(offset);

  const data = await query;
  return { data, cursor: data.length === pageSize ? (offset + pageSize).toString() : null };
}
