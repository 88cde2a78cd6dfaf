import { eq, sql } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";

/** A write between the reads: the second author's row may be the one the first iteration just renamed. */
export async function renameAuthors(rows: Array<{ authorId: number; name: string }>) {
  for (const row of rows) {
    const user = await db.query.users.findFirst({ where: eq(users.id, row.authorId) });
    if (user) await db.update(users).set({ name: `${user.name} (${row.name})` }).where(eq(users.id, row.authorId));
  }
}

/** The write is in a helper the loop calls: the same. */
async function bump(postId: number) {
  await db.update(posts).set({ body: sql`${posts.body} || '!'` }).where(eq(posts.id, postId));
}
export async function bumpAll(rows: Array<{ postId: number }>) {
  for (const row of rows) {
    const post = await db.query.posts.findFirst({ where: eq(posts.id, row.postId) });
    if (post) await bump(post.id);
  }
}

/** `findFirst` by a column that is not unique: which post it returns is up to the plan. */
export async function firstPostOf(authorIds: number[]) {
  return Promise.all(authorIds.map((id) => db.query.posts.findFirst({ where: eq(posts.authorId, id) })));
}

/** A key of no known type: `"3"` would match the row 3 in SQL, and no entry of a Map. */
export async function usersByLooseIds(ids: any[]) {
  return Promise.all(ids.map((id) => db.query.users.findFirst({ where: eq(users.id, id) })));
}

/** The database is made inside the loop: nothing can query it before. */
export async function perTenant(tenants: Array<{ userId: number }>) {
  for (const tenant of tenants) {
    await db.transaction(async (tx) => {
      await tx.query.users.findFirst({ where: eq(users.id, tenant.userId) });
    });
  }
}

/** The key is computed by a call: running it for every item up front could throw or cost. */
export async function byParsedIds(rows: Array<{ ref: string }>) {
  return Promise.all(rows.map((row) => db.query.users.findFirst({ where: eq(users.id, Number.parseInt(row.ref, 10)) })));
}

/** The collection is mapped on one side of `?:` only: loading its keys first would read `rows` where it is missing. */
export async function maybeAuthors(rows: Array<{ authorId: number }> | null) {
  const authors = rows ? await Promise.all(rows.map((row) => db.query.users.findFirst({ where: eq(users.id, row.authorId) }))) : [];
  return authors;
}

/** The loop adds to what it iterates: keys read before it would miss the items it adds. */
export async function walkReplies(queue: Array<{ postId: number }>) {
  const seen = [];
  for (const item of queue) {
    const post = await db.query.posts.findFirst({ where: eq(posts.id, item.postId) });
    if (post && post.id > 1) queue.push({ postId: post.id - 1 });
    seen.push(post);
  }
  return seen;
}

/** The loop changes the key before it reads it. */
export async function remapped(rows: Array<{ authorId: number }>) {
  const found = [];
  for (const row of rows) {
    row.authorId = row.authorId + 1;
    found.push(await db.query.users.findFirst({ where: eq(users.id, row.authorId) }));
  }
  return found;
}

/** A Set has no `.map()`, and `inArray` wants an array. */
export async function ofSet(ids: Set<number>) {
  const found = [];
  for (const id of ids) found.push(await db.query.users.findFirst({ where: eq(users.id, id) }));
  return found;
}
