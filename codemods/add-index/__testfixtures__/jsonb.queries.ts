import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { events } from "./jsonb.js";

const db = drizzle(process.env.DATABASE_URL!);

export const matching = (fields: string) => db.select().from(events).where(sql`${events.payload} @> ${fields}::jsonb`).limit(100);
export const fromClient = (client: string) => db.select().from(events).where(sql`${events.context}->>'client' = ${client}`);
