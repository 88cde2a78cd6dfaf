import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { comments, posts, users } from "./schema.js";

type Database = typeof db;

/** The database is passed in; the first row of a `.limit(1)` select, or `null`. */
async function getUserById(database: Database, id: number) {
  const [user] = await database.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** `findFirst`, then `?? null`: a missing post is `null`, not `undefined`. */
async function findPostOrNull(id: number) {
  const post = await db.query.posts.findFirst({ where: eq(posts.id, id), columns: { id: true, authorId: true } });
  return post ?? null;
}

/** The rows of a unique column, then the first of them or `null`. */
async function firstUserByHandle(database: Database, handle: string) {
  const rows = await database.select({ id: users.id, name: users.name }).from(users).where(eq(users.handle, handle));
  return rows[0] ?? null;
}

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
  for (const comment of rows) {
    const author = await getUserById(db, comment.authorId);
    found.push({ id: comment.id, author: author?.name ?? null });
  }
  return found;
}

/** The post of each comment, together; `null` where the post does not exist. */
export async function replyPosts() {
  const rows = await db.select().from(comments).orderBy(comments.id).limit(50);
  return Promise.all(rows.map((comment) => findPostOrNull(comment.postId)));
}

/** The users of some handles, repeated and missing ones included. */
export async function usersByHandles(handles: string[]) {
  const found = [];
  for (const handle of handles) found.push(await firstUserByHandle(db, handle));
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
