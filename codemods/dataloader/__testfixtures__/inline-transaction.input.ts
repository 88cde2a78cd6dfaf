import { eq, inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** Reads on `tx` in a transaction: the batch runs on `tx` too, inside it, before the loop. */
export async function moderationReport(commentIds: number[]) {
  return db.transaction(async (tx) => {
    const flagged = await tx.select().from(comments).where(inArray(comments.id, commentIds));
    const report = [];
    for (const comment of flagged) {
      const author = await tx.query.users.findFirst({ where: eq(users.id, comment.authorId) });
      const post = await tx.query.posts.findFirst({ where: eq(posts.id, comment.postId) });
      report.push({ comment: comment.body, author: author?.name ?? null, post: post?.body ?? null });
    }
    return report;
  });
}
