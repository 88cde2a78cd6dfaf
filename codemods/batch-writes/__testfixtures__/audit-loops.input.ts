import { recordEvent } from "./audit.js";
import { db } from "./db.js";

// Each item's row is checked and built where the helper ran; only the inserts wait for the batch.
export async function recordSignups(userIds: number[]) {
  for (const userId of userIds) {
    await recordEvent(db, userId, "signup", null);
  }
}

// Inside a transaction, with items the loop skips and items the helper's `return` skips.
export async function recordChanges(changes: { userId: number; kind: string; detail: string }[]) {
  await db.transaction(async (tx) => {
    for (const change of changes) {
      if (change.userId < 0) continue;
      await recordEvent(tx, change.userId, change.kind, change.detail);
    }
  });
}
