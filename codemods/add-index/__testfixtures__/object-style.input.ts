import { index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";

export const orders = pgTable(
  "orders",
  {
    id: serial("id").primaryKey(),
    creatorId: integer("creator_id").notNull(),
    status: text("status").notNull(),
  },
  (table) => ({
    creatorIdx: index("idx_orders_creator_id").on(table.creatorId),
  }),
);
