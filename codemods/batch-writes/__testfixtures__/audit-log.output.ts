// A helper that checks and builds one event row from its arguments, then inserts it on the database it is given.
import type { db } from "./db.js";
import { events } from "./schema.js";

type Writer = Pick<typeof db, "insert">;

export async function recordEvent(database: Writer, userId: number, kind: string, detail: string | null): Promise<void> {
  await insertRecordEventRows(database, recordEventRows(userId, kind, detail));
}

/** The row `recordEvent()` inserts, as a list (empty when it inserts none): a loop can collect its items' rows and insert them together. */
export function recordEventRows(userId: number, kind: string, detail: string | null) {
  if (!Number.isInteger(userId)) throw new Error(`not a user id: ${userId}`);
  // Nothing to record for an empty kind.
  if (kind.trim() === "") return [];
  const row = { userId, kind: kind.trim(), payload: detail === null ? null : { detail } };
  return [row];
}

/** Inserts rows that `recordEventRows()` built, in one statement (none for no rows). */
export async function insertRecordEventRows(database: Writer, rows: ReturnType<typeof recordEventRows>): Promise<void> {
  if (rows.length > 0) await database.insert(events).values(rows);
}
