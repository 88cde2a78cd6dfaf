import { desc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { events } from "./sqlite-schema.js";

declare const db: ReturnType<typeof drizzle>;

/** An SQLite `integer()` may hold Dates (`mode: "timestamp"`) or numbers: what the cursor carries is unknown. */
export async function listEvents(cursor: string | null) {
  const offset = cursor ? Number.parseInt(cursor, 10) : 0;
  const data = await db.select().from(events).orderBy(desc(events.createdAt)).limit(20).offset(offset);
  return { data, cursor: data.length === 20 ? String(offset + 20) : null };
}
