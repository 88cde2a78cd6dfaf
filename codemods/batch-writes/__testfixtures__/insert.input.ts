import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, settings, tags, users } from "./schema.js";

export interface NewUser {
  email: string;
  name: string;
}

// A job importing people: one insert per person.
export async function importUsers(people: NewUser[]) {
  for (const person of people) {
    await db.insert(users).values({ email: person.email.toLowerCase(), name: person.name });
  }
}

// Tags that may exist already: skipped on conflict, per item as in the batch; the loop's other statements stay.
export async function ensureTags(names: string[]) {
  let kept = 0;
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    kept++;
    await db.insert(tags).values({ name }).onConflictDoNothing({ target: tags.name });
  }
  return kept;
}

// The created rows, in the order of the people.
export async function createUsers(people: NewUser[]) {
  const created: { id: number; email: string }[] = [];
  for (const person of people) {
    const [row] = await db.insert(users).values({ email: person.email, name: person.name }).returning({ id: users.id, email: users.email });
    created.push(row);
  }
  return created;
}

// Events written concurrently: one insert each, all at once.
export async function logEvents(userId: number, kinds: string[]) {
  await Promise.all(kinds.map((kind) => db.insert(events).values({ userId, kind })));
}

// Inside a transaction: the batch runs on `tx`, in the transaction.
export async function replaceTags(postId: number, tagIds: number[]) {
  await db.transaction(async (tx) => {
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    for (const [position, tagId] of tagIds.entries()) {
      await tx.insert(postTags).values({ postId, tagId, position });
    }
  });
}

// `.execute()` ends the chain: the batch ends the same way.
export async function tagPost(postId: number, tagIds: number[]) {
  for (const tagId of tagIds) {
    await db.insert(postTags).values({ postId, tagId, position: tagId }).onConflictDoNothing().execute();
  }
}

// Several rows per item.
export async function welcome(userIds: number[]) {
  for (const userId of userIds) {
    await db.insert(events).values([
      { userId, kind: "signup" },
      { userId, kind: "welcome" },
    ]);
  }
}

// Settings saved from an object: its keys are distinct, so no row is updated twice; the new value is the row's own.
export async function saveSettings(userId: number, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insert(settings)
      .values({ userId, key, value, revision: 1 })
      .onConflictDoUpdate({ target: [settings.userId, settings.key], set: { value, revision: 2 } });
  }
}
