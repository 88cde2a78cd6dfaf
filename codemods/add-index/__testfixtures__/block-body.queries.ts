import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { tickets } from "./block-body.js";

const db = drizzle(process.env.DATABASE_URL!);

export const inQueue = (queue: string) => db.select().from(tickets).where(eq(tickets.queue, queue));
