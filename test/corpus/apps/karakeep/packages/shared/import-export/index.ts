export * from "./exporters";
export * from "./importer";
export type {
  ImportSource,
  ParsedBookmark,
  ParsedImportFile,
  ParsedImportList,
} from "./parsers";
export { parseImportFile } from "./parsers";
