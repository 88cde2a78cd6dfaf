import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** Reads on `tx` in a transaction: the batch runs on `tx` too, inside it, before the loop. */
export async function moderationReport(commentIds: number[]) {
  return db.transaction(async (tx) => {
    const flagged = await tx.select().from(comments).where(inArray(comments.id, commentIds));
    const report = [];
    const usersById = new Map(
      (await tx.query.users.findMany({ where: inArray(users.id, flagged.map((comment) => comment.authorId)) })).map((row) => [row.id, row] as const),
    );
    const postsById = new Map(
      (await tx.query.posts.findMany({ where: inArray(posts.id, flagged.map((comment) => comment.postId)) })).map((row) => [row.id, row] as const),
    );
    for (const comment of flagged) {
      const author = usersById.get(comment.authorId);
      const post = postsById.get(comment.postId);
      report.push({ comment: comment.body, author: author?.name ?? null, post: post?.body ?? null });
    }
    return report;
  });
}
