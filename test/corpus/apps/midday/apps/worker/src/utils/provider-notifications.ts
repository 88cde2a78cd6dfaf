export * from "@midday/bot";
