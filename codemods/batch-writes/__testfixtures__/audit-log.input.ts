// A helper that checks and builds one event row from its arguments, then inserts it on the database it is given.
import type { db } from "./db.js";
import { events } from "./schema.js";

type Writer = Pick<typeof db, "insert">;

export async function recordEvent(database: Writer, userId: number, kind: string, detail: string | null): Promise<void> {
  if (!Number.isInteger(userId)) throw new Error(`not a user id: ${userId}`);
  // Nothing to record for an empty kind.
  if (kind.trim() === "") return;
  const row = { userId, kind: kind.trim(), payload: detail === null ? null : { detail } };
  await database.insert(events).values(row);
}
