// The tables the fixtures page through (a support module: not a fixture pair).
import { index, integer, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

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

export const authors = pgTable("authors", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
});

// Times as Postgres writes them (`mode: "string"`, microseconds kept), a uuid key, as many apps declare them.
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey(),
    postId: integer("post_id").notNull(),
    authorId: integer("author_id").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [index("comments_post_created_idx").on(t.postId, t.createdAt, t.id)],
);
