// The tables of the fixtures (a support module: not a fixture pair).
import { boolean, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  active: boolean("active").notNull().default(true),
  visits: integer("visits").notNull().default(0),
  updatedAt: timestamp("updated_at"),
});

export const tags = pgTable("tags", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
});

export const postTags = pgTable(
  "post_tags",
  {
    postId: integer("post_id").notNull(),
    tagId: integer("tag_id").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("post_tags_idx").on(t.postId, t.tagId)],
);

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  userId: integer("user_id").notNull(),
  kind: text("kind").notNull(),
  payload: jsonb("payload"),
});

export const settings = pgTable(
  "settings",
  {
    userId: integer("user_id").notNull(),
    key: text("key").notNull(),
    value: text("setting_value").notNull(),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [uniqueIndex("settings_idx").on(t.userId, t.key)],
);
