import { desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { creators, invoices } from "./no-extra.js";

const db = drizzle(process.env.DATABASE_URL!);

export const newestIn = (country: string) => db.select().from(creators).where(eq(creators.country, country)).orderBy(desc(creators.createdAt)).limit(20);
export const byEmail = (email: string) => db.select().from(creators).where(eq(creators.email, email));
export async function drafts() {
  return db.update(invoices).set({ status: "void" }).where(eq(invoices.status, "draft"));
}
