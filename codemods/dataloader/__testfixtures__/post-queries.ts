// A module of query helpers (a support module: not a fixture pair).
import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { posts } from "./schema.js";

export function findPost(id: number) {
  return db.query.posts.findFirst({ where: eq(posts.id, id), columns: { id: true, body: true } });
}
