export * from "@dokploy/server/db/schema";
