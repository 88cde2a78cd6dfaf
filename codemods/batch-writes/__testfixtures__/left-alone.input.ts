import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "./db.js";
import { events, settings, tags, users } from "./schema.js";

export async function leftAlone(people: { id: number; email: string; name: string; visits: number }[], names: string[]) {
  for (const p of people) {
    await db.insert(users).values({ email: p.email, name: p.name }).onConflictDoUpdate({ target: users.email, set: { name: p.name } });
  }
  for (const p of people) {
    await db.update(users).set({ visits: p.visits > 0 ? p.visits : undefined }).where(eq(users.id, p.id));
  }
  for (const p of people) {
    const existing = await db.select().from(users).where(eq(users.email, p.email));
    if (existing.length === 0) await db.insert(users).values({ email: p.email, name: p.name });
  }
  for (const p of people) {
    try {
      await db.delete(users).where(eq(users.id, p.id));
    } catch {
      console.warn("could not delete", p.id);
    }
  }
  for (const p of people) {
    if (p.visits < 0) return;
    await db.delete(events).where(eq(events.userId, p.id));
  }
  for (const p of people) {
    const [row] = await db.insert(users).values({ email: p.email, name: p.name }).returning();
    await db.insert(events).values({ userId: row.id, kind: "created" });
  }
  for (const p of people) {
    await db.delete(events).where(eq(events.userId, p.id));
    await db.insert(events).values({ userId: p.id, kind: "reset" });
  }
  for (const name of names) {
    await db.insert(tags).values({ name: sql`(select count(*) from tags) || ${name}` });
  }
  for (const p of people) {
    await db.update(users).set({ visits: sql`${users.visits} + 1` }).where(eq(users.id, p.id));
  }
  for (const p of people) {
    await db.update(users).set({ name: randomUUID() }).where(eq(users.id, p.id));
  }
  people.forEach(async (p) => {
    await db.delete(users).where(eq(users.id, p.id));
  });
  const row = { userId: 0, kind: "visit", payload: { n: 0 } };
  for (const p of people) {
    const event = { ...row, userId: p.id, payload: row.payload };
    row.payload.n++;
    await db.insert(events).values(event);
  }
  let i = 0;
  while (i < people.length) {
    await db.delete(users).where(eq(users.id, people[i]!.id));
    i++;
  }
}

// A helper's rows could be one shared array it changes per call.
function eventsFor(userId: number): (typeof events.$inferInsert)[] {
  return [{ userId, kind: "signup" }];
}

export async function welcome(userIds: number[]) {
  for (const userId of userIds) {
    const rows = eventsFor(userId);
    await db.insert(events).values(rows);
  }
}

async function addTag(name: string) {
  await db.insert(tags).values({ name });
}

export async function addTags(names: string[]) {
  for (const name of names) {
    await addTag(name);
  }
}

// The keys are distinct, but the value set on conflict is not the inserted one.
export async function markSettings(userId: number, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) {
    await db
      .insert(settings)
      .values({ userId, key, value })
      .onConflictDoUpdate({ target: [settings.userId, settings.key], set: { value: `${value} (changed)` } });
  }
}

// A call made for its effect may read the row the insert wrote.
export async function invite(emails: string[], notify: (email: string) => Promise<void>) {
  for (const email of emails) {
    await db.insert(users).values({ email, name: email });
    void notify(email);
  }
}

// `sql` in a row is a value `values()` takes, but not one of the table's insert type: the rewrite would not type-check.
export async function stamp(userIds: number[]) {
  for (const userId of userIds) {
    await db.insert(events).values({ userId, kind: sql`'stamped'` });
  }
}

// Values per item in concurrent callbacks: the CASE batch is written for loops only.
export async function renameAll(list: { id: number; name: string }[]) {
  await Promise.all(list.map((u) => db.update(users).set({ name: u.name }).where(eq(users.id, u.id))));
}
