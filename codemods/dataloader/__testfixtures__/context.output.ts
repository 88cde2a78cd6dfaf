import { db } from "./db.js";
import { createLoaders } from "./loaders.js";

/** The request context: what every procedure gets as `ctx`. */
export async function createContext({ userId }: { userId: number | null }) {
  return {
    db,
    userId,
    loaders: createLoaders(db),
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
