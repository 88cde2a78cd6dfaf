import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, users, posts } from "./schema.js";

/** The authors of a page of comments, one helper call each. */
export async function commentAuthors() {
  const rows = await db.select().from(comments).limit(50);
  const usersById = new Map(
    (await db.query.users.findMany({ where: inArray(users.id, rows.map((comment) => comment.authorId)) })).map((row) => [row.id, row] as const),
  );
  return Promise.all(rows.map((comment) => usersById.get(comment.authorId)));
}

/** The post each comment is on, through a helper of another module (which stays: others import it). */
export async function commentPosts() {
  const rows = await db.select().from(comments).limit(50);
  const found = [];
  const postsById = new Map(
    (await db.query.posts.findMany({ where: inArray(posts.id, rows.map((comment) => comment.postId)), columns: { id: true, body: true } })).map((row) => [row.id, row] as const),
  );
  for (const comment of rows) {
    const post = postsById.get(comment.postId);
    found.push({ comment, post });
  }
  return found;
}
