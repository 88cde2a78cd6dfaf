import { inArray } from "drizzle-orm";
import { db } from "./db.js";
import { tags } from "./schema.js";

// A server action: the key condition was the only use of `eq`, which goes; `inArray` comes.
export async function deleteTags(ids: number[]) {
  "use server";
  const tagsToDelete: (typeof tags.$inferSelect)["id"][] = [];
  for (const id of ids) {
    tagsToDelete.push(id);
  }
  for (let i = 0; i < tagsToDelete.length; i += 1000) {
    await db.delete(tags).where(inArray(tags.id, tagsToDelete.slice(i, i + 1000)));
  }
}
