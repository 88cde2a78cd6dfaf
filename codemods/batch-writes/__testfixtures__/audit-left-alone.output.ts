import { recordEvent } from "./audit.js";
import { db } from "./db.js";
import { events, users } from "./schema.js";

// The loop changes its items after the helper built a row from them.
export async function recordSeen(list: { userId: number; detail: string }[]) {
  for (const item of list) {
    await recordEvent(db, item.userId, "seen", item.detail);
    item.detail = "";
  }
}

// The helper returns what it computed: the caller could use it.
async function recordNamed(database: typeof db, email: string): Promise<string> {
  const name = email.split("@")[0] ?? email;
  await database.insert(users).values({ email, name });
  return name;
}

export async function recordAllNamed(emails: string[]) {
  for (const email of emails) {
    await recordNamed(db, email);
  }
}

// The helper moves a shared cursor that its row holds: batched, every row would hold the last position.
async function recordAt(database: typeof db, cursor: { at: number }, userId: number): Promise<void> {
  cursor.at += 1;
  await database.insert(events).values({ userId, kind: "at", payload: cursor });
}

export async function recordAllAt(userIds: number[]) {
  const cursor = { at: 0 };
  for (const userId of userIds) {
    await recordAt(db, cursor, userId);
  }
}
