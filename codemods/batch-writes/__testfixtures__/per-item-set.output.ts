import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, users } from "./schema.js";

// Each user's name, cleaned, and a flag the same for all: one `CASE` on the id per chunk.
export async function renameUsers(list: { id: number; name: string }[]) {
  const usersToUpdate: Array<{ key: (typeof users.$inferSelect)["id"]; set: Pick<typeof users.$inferInsert, "name"> }> = [];
  for (const user of list) {
    if (!user.name.trim()) continue;
    usersToUpdate.push({ key: user.id, set: { name: user.name.trim() } });
  }
  for (let i = 0; i < usersToUpdate.length; i += 1000) {
    // Last item first: for a key listed twice, `case` takes the first match, which is the value the loop wrote last.
    const part = usersToUpdate.slice(i, i + 1000).reverse();
    await db.update(users).set({
      active: false,
      name: sql`case ${sql.join(part.map((row) => sql`when ${eq(users.id, row.key)} then ${sql.param(row.set.name, users.name)}`), sql` `)} else ${users.name} end`,
    }).where(inArray(users.id, part.map((row) => row.key)));
  }
}

// Positions of one post's tags, in a transaction: a key besides the one that changes per item.
export async function reorderTags(postId: number, tagIds: number[]) {
  const moves = tagIds.map((tagId, index) => ({ tagId, position: index + 1 }));
  await db.transaction(async (tx) => {
    const postTagsToUpdate: Array<{ key: (typeof postTags.$inferSelect)["tagId"]; set: Pick<typeof postTags.$inferInsert, "position"> }> = [];
    for (const { tagId, position } of moves) {
      // one tag at a time
      postTagsToUpdate.push({ key: tagId, set: { position } });
    }
    for (let i = 0; i < postTagsToUpdate.length; i += 1000) {
      // Last item first: for a key listed twice, `case` takes the first match, which is the value the loop wrote last.
      const part = postTagsToUpdate.slice(i, i + 1000).reverse();
      await tx.update(postTags).set({
        position: sql`case ${sql.join(part.map((row) => sql`when ${eq(postTags.tagId, row.key)} then ${sql.param(row.set.position, postTags.position)}`), sql` `)} else ${postTags.position} end`,
      }).where(and(eq(postTags.postId, postId), inArray(postTags.tagId, part.map((row) => row.key))));
    }
  });
}

// Two columns per item, one of them JSON, and a value computed in the loop.
export async function recordPayloads(updates: { id: number; kind: string; score: number }[]) {
  const eventsToUpdate: Array<{ key: (typeof events.$inferSelect)["id"]; set: Pick<typeof events.$inferInsert, "kind" | "payload"> }> = [];
  for (const u of updates) {
    const payload = { score: u.score, tags: [u.kind] };
    eventsToUpdate.push({ key: u.id, set: { kind: u.kind.toUpperCase(), payload } });
  }
  for (let i = 0; i < eventsToUpdate.length; i += 1000) {
    // Last item first: for a key listed twice, `case` takes the first match, which is the value the loop wrote last.
    const part = eventsToUpdate.slice(i, i + 1000).reverse();
    await db.update(events).set({
      kind: sql`case ${sql.join(part.map((row) => sql`when ${eq(events.id, row.key)} then ${sql.param(row.set.kind, events.kind)}`), sql` `)} else ${events.kind} end`,
      payload: sql`case ${sql.join(part.map((row) => sql`when ${eq(events.id, row.key)} then ${sql.param(row.set.payload, events.payload)}`), sql` `)} else ${events.payload} end`,
    }).where(inArray(events.id, part.map((row) => row.key)));
  }
}
