import { integer, jsonb, pgTable, serial } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull(),
  payload: jsonb("payload").notNull(),
  context: jsonb("context").notNull(),
});
