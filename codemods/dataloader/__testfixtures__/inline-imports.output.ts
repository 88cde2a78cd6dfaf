import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";

/** The lookup is the only use of `eq`: the batch reads by `inArray`. */
export async function postsWithAuthorNames() {
  const rows = await db.select().from(posts).limit(50);
  const usersById = new Map(
    (await db.query.users.findMany({ where: inArray(users.id, rows.map((post) => post.authorId)) })).map((row) => [row.id, row] as const),
  );
  return Promise.all(
    rows.map(async (post) => ({
      ...post,
      author: usersById.get(post.authorId),
    })),
  );
}
