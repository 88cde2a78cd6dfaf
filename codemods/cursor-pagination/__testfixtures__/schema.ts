// The tables the fixtures page through (a support module: not a fixture pair).
import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

export const posts = pgTable(
  "posts",
  {
    id: serial("id").primaryKey(),
    authorId: integer("author_id").notNull(),
    body: text("body").notNull(),
    score: integer("score"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("posts_created_id_idx").on(t.createdAt.desc(), t.id.desc()),
    index("posts_author_created_idx").on(t.authorId, t.createdAt, t.id),
  ],
);
