import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const tickets = pgTable("tickets", { id: serial("id").primaryKey(), queue: text("queue").notNull() }, (t) => {
  const byId = index("tickets_id_idx").on(t.id);
  return [byId];
});
