export * from "./item";
export * from "./server-setting";
export * from "./group";
export * from "./widget-placement";
