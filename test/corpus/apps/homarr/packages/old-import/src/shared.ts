export { importJsonFileSchema, checkJsonImportFile, oldmarrImportConfigurationSchema } from "./settings";
export type { OldmarrImportConfiguration } from "./settings";
