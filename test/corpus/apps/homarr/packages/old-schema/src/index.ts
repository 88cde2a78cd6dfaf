export type { OldmarrConfig, OldmarrCategorySection, OldmarrEmptySection } from "./config";
export { oldmarrConfigSchema } from "./config";
export type { OldmarrApp, OldmarrIntegrationType } from "./app";
export type { OldmarrWidget, OldmarrWidgetKind } from "./widget";
export { oldmarrWidgetKinds } from "./widget";
export { boardSizes, getBoardSizeName } from "./tile";
export type { BoardSize, SizedShape } from "./tile";
