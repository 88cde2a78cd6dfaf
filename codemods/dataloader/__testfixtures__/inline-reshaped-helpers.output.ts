import { eq, inArray } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

type Database = typeof db;

/** Left alone: the throw on a missing row would have to happen at the same item. */
async function getUserOrThrow(id: number) {
  const user = await db.query.users.findFirst({ where: eq(users.id, id) });
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

/** Left alone: `posts.authorId` is not unique, so which post comes first depends on the plan. */
async function firstPostOf(database: Database, authorId: number) {
  const [post] = await database.select().from(posts).where(eq(posts.authorId, authorId));
  return post ?? null;
}

/** Each comment's author name, one helper call per comment in a `for…of`. */
export async function commentAuthorNames() {
  const rows = await db.select().from(comments).orderBy(comments.id).limit(50);
  const found = [];
  const usersByIdRows = groupByKey(await db.select().from(users).where(inArray(users.id, rows.map((comment) => comment.authorId))), (row) => row.id);
  for (const comment of rows) {
    const author = (usersByIdRows.get(comment.authorId) ?? [])[0] ?? null;
    found.push({ id: comment.id, author: author?.name ?? null });
  }
  return found;
}

/** The post of each comment, together; `null` where the post does not exist. */
export async function replyPosts() {
  const rows = await db.select().from(comments).orderBy(comments.id).limit(50);
  const postsById = new Map(
    (await db.query.posts.findMany({ where: inArray(posts.id, rows.map((comment) => comment.postId)), columns: { id: true, authorId: true } })).map((row) => [row.id, row] as const),
  );
  return Promise.all(rows.map((comment) => postsById.get(comment.postId) ?? null));
}

/** The users of some handles, repeated and missing ones included. */
export async function usersByHandles(handles: string[]) {
  const found = [];
  const usersByHandleRows = groupByKey(await db.select({ key: users.handle, row: { id: users.id, name: users.name } }).from(users).where(inArray(users.handle, handles)), (row) => row.key, (row) => row.row);
  for (const handle of handles) found.push((usersByHandleRows.get(handle) ?? [])[0] ?? null);
  return found;
}

/** What the codemod leaves alone, with its reasons. */
export async function leftAlone() {
  const rows = await db.select().from(comments).orderBy(comments.id).limit(5);
  for (const comment of rows) {
    await getUserOrThrow(comment.authorId);
    await firstPostOf(db, comment.authorId);
  }
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
