export * from "./activity-notifications";
export * from "./inbox-upload";
export * from "./instance";
export * from "./platform-rules";
export * from "./sendblue-notifications";
export * from "./telegram-notifications";
export * from "./whatsapp-notifications";
