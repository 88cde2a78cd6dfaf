import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull(),
  payload: jsonb("payload").notNull(),
  context: jsonb("context").notNull(),
}, (t) => [index("events_payload_gin_idx").using("gin", t.payload), index("events_context_client_idx").on(sql`(${t.context}->>'client')`)]);
