import { eq } from "drizzle-orm";
import { findPost } from "./post-queries.js";
import { db } from "./db.js";
import { comments, users } from "./schema.js";

/** A helper that is nothing but the lookup: its calls become lookups, and it goes when nothing else calls it. */
async function findAuthor(id: number) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

/** The authors of a page of comments, one helper call each. */
export async function commentAuthors() {
  const rows = await db.select().from(comments).limit(50);
  return Promise.all(rows.map((comment) => findAuthor(comment.authorId)));
}

/** The post each comment is on, through a helper of another module (which stays: others import it). */
export async function commentPosts() {
  const rows = await db.select().from(comments).limit(50);
  const found = [];
  for (const comment of rows) {
    const post = await findPost(comment.postId);
    found.push({ comment, post });
  }
  return found;
}
