// The tRPC setup of the fixtures (a support module: not a fixture pair).
import { initTRPC } from "@trpc/server";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type * as schema from "./schema.js";

export interface Context {
  db: PgliteDatabase<typeof schema>;
}

const t = initTRPC.context<Context>().create();
export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
