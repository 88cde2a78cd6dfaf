import { recordEventRows, insertRecordEventRows } from "./audit.js";
import { db } from "./db.js";

// Each item's row is checked and built where the helper ran; only the inserts wait for the batch.
export async function recordSignups(userIds: number[]) {
  const eventsToInsert: ReturnType<typeof recordEventRows> = [];
  for (const userId of userIds) {
    eventsToInsert.push(...recordEventRows(userId, "signup", null));
  }
  for (let i = 0; i < eventsToInsert.length; i += 1000) {
    await insertRecordEventRows(db, eventsToInsert.slice(i, i + 1000));
  }
}

// Inside a transaction, with items the loop skips and items the helper's `return` skips.
export async function recordChanges(changes: { userId: number; kind: string; detail: string }[]) {
  await db.transaction(async (tx) => {
    const eventsToInsert: ReturnType<typeof recordEventRows> = [];
    for (const change of changes) {
      if (change.userId < 0) continue;
      eventsToInsert.push(...recordEventRows(change.userId, change.kind, change.detail));
    }
    for (let i = 0; i < eventsToInsert.length; i += 1000) {
      await insertRecordEventRows(tx, eventsToInsert.slice(i, i + 1000));
    }
  });
}
