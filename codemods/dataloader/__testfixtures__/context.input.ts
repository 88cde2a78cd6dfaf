import { db } from "./db.js";

/** The request context: what every procedure gets as `ctx`. */
export async function createContext({ userId }: { userId: number | null }) {
  return {
    db,
    userId,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
