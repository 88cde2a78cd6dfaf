import { and, eq } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, users } from "./schema.js";

// A route handler deleting users one by one.
export async function removeUsers(ids: number[]) {
  for (const id of ids) {
    await db // one user at a time
      .delete(users)
      .where(eq(users.id, id));
  }
}

// The same `set` for every user: one update for all.
export async function deactivate(list: { id: number }[]) {
  for (const user of list) {
    await db.update(users).set({ active: false, updatedAt: new Date() }).where(eq(users.id, user.id));
  }
}

// A condition besides the key, in a transaction.
export async function untag(postId: number, tagIds: number[]) {
  await db.transaction(async (tx) => {
    for (const tagId of tagIds) {
      await tx.delete(postTags).where(and(eq(postTags.postId, postId), eq(postTags.tagId, tagId)));
    }
  });
}

// Two writes per item, to two tables: each becomes one batch, in the same order.
export async function archiveUsers(ids: number[]) {
  for (const id of ids) {
    await db.insert(events).values({ userId: id, kind: "archived" });
    await db.update(users).set({ active: false }).where(eq(users.id, id));
  }
}
