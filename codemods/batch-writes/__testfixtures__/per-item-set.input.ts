import { and, eq } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, users } from "./schema.js";

// Each user's name, cleaned, and a flag the same for all: one `CASE` on the id per chunk.
export async function renameUsers(list: { id: number; name: string }[]) {
  for (const user of list) {
    if (!user.name.trim()) continue;
    await db.update(users).set({ name: user.name.trim(), active: false }).where(eq(users.id, user.id));
  }
}

// Positions of one post's tags, in a transaction: a key besides the one that changes per item.
export async function reorderTags(postId: number, tagIds: number[]) {
  const moves = tagIds.map((tagId, index) => ({ tagId, position: index + 1 }));
  await db.transaction(async (tx) => {
    for (const { tagId, position } of moves) {
      await tx // one tag at a time
        .update(postTags)
        .set({ position })
        .where(and(eq(postTags.postId, postId), eq(postTags.tagId, tagId)));
    }
  });
}

// Two columns per item, one of them JSON, and a value computed in the loop.
export async function recordPayloads(updates: { id: number; kind: string; score: number }[]) {
  for (const u of updates) {
    const payload = { score: u.score, tags: [u.kind] };
    await db
      .update(events)
      .set({
        kind: u.kind.toUpperCase(),
        payload,
      })
      .where(eq(events.id, u.id));
  }
}
