import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** Posts with their authors: one query for the posts, then one per post. */
export async function postsWithAuthors() {
  const rows = await db.select().from(posts).limit(50);
  return Promise.all(
    rows.map(async (post) => ({
      ...post,
      author: await db.query.users.findFirst({ where: eq(users.id, post.authorId), columns: { id: true, name: true } }),
    })),
  );
}

/** Comments with the post they reply to, when they reply to one. */
export async function commentsWithParents() {
  const rows = await db.select().from(comments).limit(50);
  const thread = [];
  for (const comment of rows) {
    thread.push({ ...comment, parent: comment.replyTo ? await db.query.posts.findFirst({ where: eq(posts.id, comment.replyTo) }) : null });
  }
  return thread;
}

/** The comments of each post: several rows per key, grouped in the order the query returns them. */
export async function postsWithComments() {
  const rows = await db.select().from(posts).limit(50);
  return Promise.all(rows.map((post) => db.query.comments.findMany({ where: eq(comments.postId, post.id) })));
}
