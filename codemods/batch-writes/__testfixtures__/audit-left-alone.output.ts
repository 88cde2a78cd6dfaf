import { recordEvent } from "./audit.js";
import { db } from "./db.js";
import { users } from "./schema.js";

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
