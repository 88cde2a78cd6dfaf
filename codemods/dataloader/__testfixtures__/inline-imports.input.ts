import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { posts, users } from "./schema.js";

/** The lookup is the only use of `eq`: the batch reads by `inArray`. */
export async function postsWithAuthorNames() {
  const rows = await db.select().from(posts).limit(50);
  return Promise.all(
    rows.map(async (post) => ({
      ...post,
      author: await db.query.users.findFirst({ where: eq(users.id, post.authorId) }),
    })),
  );
}
