import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** Posts with their authors: one query for the posts, then one per post. */
export async function postsWithAuthors() {
  const rows = await db.select().from(posts).limit(50);
  const usersById = new Map(
    (await db.query.users.findMany({ where: inArray(users.id, rows.map((post) => post.authorId)), columns: { id: true, name: true } })).map((row) => [row.id, row] as const),
  );
  return Promise.all(
    rows.map(async (post) => ({
      ...post,
      author: usersById.get(post.authorId),
    })),
  );
}

/** Comments with the post they reply to, when they reply to one. */
export async function commentsWithParents() {
  const rows = await db.select().from(comments).limit(50);
  const thread = [];
  const postsById = new Map(
    (await db.query.posts.findMany({ where: inArray(posts.id, rows.flatMap((comment) => comment.replyTo ?? [])) })).map((row) => [row.id, row] as const),
  );
  for (const comment of rows) {
    thread.push({ ...comment, parent: comment.replyTo ? postsById.get(comment.replyTo) : null });
  }
  return thread;
}

/** The comments of each post: several rows per key, grouped in the order the query returns them. */
export async function postsWithComments() {
  const rows = await db.select().from(posts).limit(50);
  const commentsByPostId = groupByKey(await db.query.comments.findMany({ where: inArray(comments.postId, rows.map((post) => post.id)) }), (row) => row.postId);
  return Promise.all(rows.map((post) => commentsByPostId.get(post.id) ?? []));
}

/** The rows of each key, in the order the query returned them (added by `hotpath codemod dataloader`). */
function groupByKey<K, R, V = R>(rows: readonly R[], keyOf: (row: R) => K, valueOf: (row: R) => V = (row) => row as unknown as V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(valueOf(row));
    else groups.set(keyOf(row), [valueOf(row)]);
  }
  return groups;
}
