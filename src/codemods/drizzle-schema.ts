// The schema reader moved to src/recognizers/ (rules read indexes with it); this path stays while codemods move over.
export { readTableColumns, type ColumnInfo, type TableColumns } from '../recognizers/drizzle-schema.js';
