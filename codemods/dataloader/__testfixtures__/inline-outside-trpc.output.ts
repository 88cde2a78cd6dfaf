import { and, desc, gte, isNull, inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

/** A route handler (`app/api/feed/route.ts`): each post's live comments, newest first. */
export async function GET(request: Request) {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 20);
  const rows = await db.select().from(posts).where(isNull(posts.deletedAt)).limit(limit);
  const commentsByPostIdRows = groupByKey(await db.select({ key: comments.postId, row: { id: comments.id, body: comments.body } }).from(comments).where(inArray(comments.postId, rows.map((post) => post.id))).orderBy(desc(comments.id)), (row) => row.key, (row) => row.row);
  const feed = await Promise.all(
    rows.map(async (post) => ({
      ...post,
      comments: commentsByPostIdRows.get(post.id) ?? [],
    })),
  );
  return Response.json(feed);
}

/** A server action: the handle of each user, by a unique column, read while formatting a digest. */
export async function digest(handles: string[]) {
  "use server";
  const lines: string[] = [];
  const usersByHandle = new Map(
    (await db.query.users.findMany({ where: inArray(users.handle, handles), columns: { handle: true, name: true } })).map((row) => [row.handle, row] as const),
  );
  for (const handle of handles) {
    const user = usersByHandle.get(handle);
    lines.push(user ? `${user.name} (@${user.handle})` : `@${handle} is gone`);
  }
  return lines.join("\n");
}

/** A background job: the live posts of each author, with a condition that holds for every item. */
export async function reindexAuthors(authorIds: number[]) {
  const counts = new Map<number, number>();
  const postsByAuthorId = groupByKey(await db.query.posts.findMany({ where: and(inArray(posts.authorId, authorIds), isNull(posts.deletedAt)) }), (row) => row.authorId);
  for (const authorId of authorIds) {
    const live = postsByAuthorId.get(authorId) ?? [];
    counts.set(authorId, live.length);
  }
  return counts;
}

/** A plain function: the key a step down the item (`thread.root.postId`), a parameter in the query, `.then`. */
export async function rootPosts(threads: Array<{ root: { postId: number } | null }>, minId: number) {
  const postsByIdRows = groupByKey(await db.select().from(posts).where(and(inArray(posts.id, threads.flatMap((thread) => thread.root?.postId ?? [])), gte(posts.id, minId))), (row) => row.id);
  return Promise.all(
    threads.map((thread) =>
      thread.root ? Promise.resolve(postsByIdRows.get(thread.root.postId) ?? []).then((found) => found[0] ?? null) : null,
    ),
  );
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
