import { and, desc, eq, gte, isNull } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** A route handler (`app/api/feed/route.ts`): each post's live comments, newest first. */
export async function GET(request: Request) {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 20);
  const rows = await db.select().from(posts).where(isNull(posts.deletedAt)).limit(limit);
  const feed = await Promise.all(
    rows.map(async (post) => ({
      ...post,
      comments: await db.select({ id: comments.id, body: comments.body }).from(comments).where(eq(comments.postId, post.id)).orderBy(desc(comments.id)),
    })),
  );
  return Response.json(feed);
}

/** A server action: the handle of each user, by a unique column, read while formatting a digest. */
export async function digest(handles: string[]) {
  "use server";
  const lines: string[] = [];
  for (const handle of handles) {
    const user = await db.query.users.findFirst({ where: eq(users.handle, handle), columns: { handle: true, name: true } });
    lines.push(user ? `${user.name} (@${user.handle})` : `@${handle} is gone`);
  }
  return lines.join("\n");
}

/** A background job: the live posts of each author, with a condition that holds for every item. */
export async function reindexAuthors(authorIds: number[]) {
  const counts = new Map<number, number>();
  for (const authorId of authorIds) {
    const live = await db.query.posts.findMany({ where: and(eq(posts.authorId, authorId), isNull(posts.deletedAt)) });
    counts.set(authorId, live.length);
  }
  return counts;
}

/** A plain function: the key a step down the item (`thread.root.postId`), a parameter in the query, `.then`. */
export async function rootPosts(threads: Array<{ root: { postId: number } | null }>, minId: number) {
  return Promise.all(
    threads.map((thread) =>
      thread.root ? db.select().from(posts).where(and(eq(posts.id, thread.root.postId), gte(posts.id, minId))).limit(1).then((found) => found[0] ?? null) : null,
    ),
  );
}
