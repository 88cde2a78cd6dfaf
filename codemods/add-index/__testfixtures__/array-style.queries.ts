import { and, desc, eq, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { follows, notifications } from "./array-style.js";

const db = drizzle(process.env.DATABASE_URL!);

// Cursor pages within a followee: the followee index is widened with the order.
export const followers = (id: number, cursor: Date | null) =>
  db.select().from(follows).where(and(eq(follows.followeeId, id), cursor ? lt(follows.createdAt, cursor) : undefined)).orderBy(desc(follows.createdAt)).limit(50);

// Cursor pages by id within a user: (user_id, created_at) is no prefix, so a new index.
export const list = (userId: number, cursor: number | null) =>
  db.select().from(notifications).where(and(eq(notifications.userId, userId), cursor ? lt(notifications.id, cursor) : undefined)).orderBy(desc(notifications.id)).limit(30);

// Two queries needing (actor_id) and (actor_id, created_at): one index serves both.
export const byActor = (actorId: number) => db.select().from(notifications).where(eq(notifications.actorId, actorId)).orderBy(desc(notifications.createdAt)).limit(50);
export const countByActor = (actorId: number) => db.$count(notifications, eq(notifications.actorId, actorId));
