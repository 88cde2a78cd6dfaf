import { and, eq, inArray } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, users } from "./schema.js";

// A route handler deleting users one by one.
export async function removeUsers(ids: number[]) {
  const usersToDelete: (typeof users.$inferSelect)["id"][] = [];
  for (const id of ids) {
    // one user at a time
    usersToDelete.push(id);
  }
  for (let i = 0; i < usersToDelete.length; i += 1000) {
    await db.delete(users).where(inArray(users.id, usersToDelete.slice(i, i + 1000)));
  }
}

// The same `set` for every user: one update for all.
export async function deactivate(list: { id: number }[]) {
  const usersToUpdate: (typeof users.$inferSelect)["id"][] = [];
  for (const user of list) {
    usersToUpdate.push(user.id);
  }
  for (let i = 0; i < usersToUpdate.length; i += 1000) {
    await db.update(users).set({ active: false, updatedAt: new Date() }).where(inArray(users.id, usersToUpdate.slice(i, i + 1000)));
  }
}

// A condition besides the key, in a transaction.
export async function untag(postId: number, tagIds: number[]) {
  await db.transaction(async (tx) => {
    const postTagsToDelete: (typeof postTags.$inferSelect)["tagId"][] = [];
    for (const tagId of tagIds) {
      postTagsToDelete.push(tagId);
    }
    for (let i = 0; i < postTagsToDelete.length; i += 1000) {
      await tx.delete(postTags).where(and(eq(postTags.postId, postId), inArray(postTags.tagId, postTagsToDelete.slice(i, i + 1000))));
    }
  });
}

// Two writes per item, to two tables: each becomes one batch, in the same order.
export async function archiveUsers(ids: number[]) {
  const eventsToInsert: (typeof events.$inferInsert)[] = [];
  const usersToUpdate: (typeof users.$inferSelect)["id"][] = [];
  for (const id of ids) {
    eventsToInsert.push({ userId: id, kind: "archived" });
    usersToUpdate.push(id);
  }
  for (let i = 0; i < eventsToInsert.length; i += 1000) {
    await db.insert(events).values(eventsToInsert.slice(i, i + 1000));
  }
  for (let i = 0; i < usersToUpdate.length; i += 1000) {
    await db.update(users).set({ active: false }).where(inArray(users.id, usersToUpdate.slice(i, i + 1000)));
  }
}
