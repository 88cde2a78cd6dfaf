import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { orders } from "./object-style.js";

const db = drizzle(process.env.DATABASE_URL!, { schema: { orders } });

export const paid = () => db.query.orders.findMany({ where: eq(orders.status, "paid") });
export const mine = (id: number) => db.select().from(orders).where(eq(orders.creatorId, id));
