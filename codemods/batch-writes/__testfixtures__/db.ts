// The database of the fixtures (a support module: not a fixture pair).
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import * as schema from "./schema.js";

export const db = drizzle(new PGlite(), { schema });
