import { index, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";

export const creators = pgTable("creators", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 320 }).notNull().unique(),
  country: varchar("country", { length: 2 }).notNull(),
  createdAt: timestamp("created_at").defaultNow().notNull(),
}, (t) => [index("creators_country_created_at_idx").on(t.country, t.createdAt)]);

export const invoices = pgTable(
  "invoices",
  {
    id: serial("id").primaryKey(),
    status: text("status").notNull(),
  },
  (t) => [index("invoices_status_idx").on(t.status)],
);
