import { eq, sql } from "drizzle-orm";
import { db } from "./db.js";
import { events, postTags, settings, tags, users } from "./schema.js";

export interface NewUser {
  email: string;
  name: string;
}

// A job importing people: one insert per person.
export async function importUsers(people: NewUser[]) {
  const usersToInsert: (typeof users.$inferInsert)[] = [];
  for (const person of people) {
    usersToInsert.push({ email: person.email.toLowerCase(), name: person.name });
  }
  for (let i = 0; i < usersToInsert.length; i += 1000) {
    await db.insert(users).values(usersToInsert.slice(i, i + 1000));
  }
}

// Tags that may exist already: skipped on conflict, per item as in the batch; the loop's other statements stay.
export async function ensureTags(names: string[]) {
  let kept = 0;
  const tagsToInsert: (typeof tags.$inferInsert)[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    kept++;
    tagsToInsert.push({ name });
  }
  for (let i = 0; i < tagsToInsert.length; i += 1000) {
    await db.insert(tags).values(tagsToInsert.slice(i, i + 1000)).onConflictDoNothing({ target: tags.name });
  }
  return kept;
}

// The created rows, in the order of the people.
export async function createUsers(people: NewUser[]) {
  const created: { id: number; email: string }[] = [];
  const usersToInsert: (typeof users.$inferInsert)[] = [];
  for (const person of people) {
    usersToInsert.push({ email: person.email, name: person.name });
  }
  for (let i = 0; i < usersToInsert.length; i += 1000) {
    created.push(...(await db.insert(users).values(usersToInsert.slice(i, i + 1000)).returning({ id: users.id, email: users.email })));
  }
  return created;
}

// Events written concurrently: one insert each, all at once.
export async function logEvents(userId: number, kinds: string[]) {
  const eventsToInsert: (typeof events.$inferInsert)[] = kinds.map((kind) => ({ userId, kind }));
  for (let i = 0; i < eventsToInsert.length; i += 1000) {
    await db.insert(events).values(eventsToInsert.slice(i, i + 1000));
  }
}

// Inside a transaction: the batch runs on `tx`, in the transaction.
export async function replaceTags(postId: number, tagIds: number[]) {
  await db.transaction(async (tx) => {
    await tx.delete(postTags).where(eq(postTags.postId, postId));
    const postTagsToInsert: (typeof postTags.$inferInsert)[] = [];
    for (const [position, tagId] of tagIds.entries()) {
      postTagsToInsert.push({ postId, tagId, position });
    }
    for (let i = 0; i < postTagsToInsert.length; i += 1000) {
      await tx.insert(postTags).values(postTagsToInsert.slice(i, i + 1000));
    }
  });
}

// `.execute()` ends the chain: the batch ends the same way.
export async function tagPost(postId: number, tagIds: number[]) {
  const postTagsToInsert: (typeof postTags.$inferInsert)[] = [];
  for (const tagId of tagIds) {
    postTagsToInsert.push({ postId, tagId, position: tagId });
  }
  for (let i = 0; i < postTagsToInsert.length; i += 1000) {
    await db.insert(postTags).values(postTagsToInsert.slice(i, i + 1000)).onConflictDoNothing().execute();
  }
}

// Several rows per item.
export async function welcome(userIds: number[]) {
  const eventsToInsert: (typeof events.$inferInsert)[] = [];
  for (const userId of userIds) {
    eventsToInsert.push(
      { userId, kind: "signup" },
      { userId, kind: "welcome" },
    );
  }
  for (let i = 0; i < eventsToInsert.length; i += 1000) {
    await db.insert(events).values(eventsToInsert.slice(i, i + 1000));
  }
}

// Settings saved from an object: its keys are distinct, so no row is updated twice; the new value is the row's own.
export async function saveSettings(userId: number, values: Record<string, string>) {
  const settingsToInsert: (typeof settings.$inferInsert)[] = [];
  for (const [key, value] of Object.entries(values)) {
    settingsToInsert.push({ userId, key, value, revision: 1 });
  }
  for (let i = 0; i < settingsToInsert.length; i += 1000) {
    await db.insert(settings).values(settingsToInsert.slice(i, i + 1000)).onConflictDoUpdate({ target: [settings.userId, settings.key], set: { value: sql`excluded.${sql.identifier(settings.value.name)}`, revision: 2 } });
  }
}
