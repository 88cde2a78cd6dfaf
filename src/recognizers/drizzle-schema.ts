import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { flattenChain, keyName } from './chain.js';
import { readText } from './disk.js';
import { resolveProjectModule } from './module-graph.js';

/** What codemods need of a column: how its values travel in JSON, whether it can be NULL, whether it is unique. */
export interface ColumnInfo {
  /** `date` columns hold `Date` objects (Drizzle's default mode for `timestamp`). */
  type: 'number' | 'string' | 'date' | 'boolean';
  notNull: boolean;
  primaryKey: boolean;
  /** The primary key, `.unique()`, or the only column of a `uniqueIndex(…).on(t.col)`: one row per value. */
  unique: boolean;
}

export type TableColumns = Map<string, ColumnInfo>;

// Drizzle's pg-core column builders, by the JavaScript value they read (in their default mode).
const BUILDERS: Record<string, ColumnInfo['type']> = {
  serial: 'number',
  smallserial: 'number',
  integer: 'number',
  smallint: 'number',
  real: 'number',
  doublePrecision: 'number',
  text: 'string',
  varchar: 'string',
  char: 'string',
  uuid: 'string',
  numeric: 'string',
  decimal: 'string',
  date: 'string',
  timestamp: 'date',
  boolean: 'boolean',
};

/**
 * The columns of the Drizzle table `name` as declared with `pgTable("…", { … })` in `file`, or in a project
 * module it is imported from (following `export *` and `export { … } from`, up to three modules deep).
 * `null` when the declaration is not found or is not a plain object of columns.
 */
export function readTableColumns(name: string, file: string, source?: string, depth = 0): TableColumns | null {
  const text = source ?? readText(file);
  if (text === null) return null;
  let program: TSESTree.Program;
  try {
    program = parse(text, { jsx: file.endsWith('x'), range: true });
  } catch {
    return null;
  }
  for (const statement of program.body) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== T.VariableDeclaration) continue;
    for (const d of declaration.declarations) {
      if (d.id.type === T.Identifier && d.id.name === name && d.init?.type === T.CallExpression) return columnsOf(d.init);
    }
  }
  if (depth >= 3) return null;
  // Where else the name comes from: an import, a named re-export, or any `export *`.
  for (const statement of program.body) {
    const from =
      statement.type === T.ImportDeclaration && statement.specifiers.some((s) => s.local.name === name)
        ? statement.source.value
        : statement.type === T.ExportNamedDeclaration && statement.source && statement.specifiers.some((s) => keyName(s.exported) === name)
          ? statement.source.value
          : statement.type === T.ExportAllDeclaration && !statement.exported
            ? statement.source.value
            : null;
    const next = from ? resolveProjectModule(from, file) : null;
    const found = next ? readTableColumns(name, next, undefined, depth + 1) : null;
    if (found) return found;
  }
  return null;
}

function columnsOf(call: TSESTree.CallExpression): TableColumns | null {
  const callee = call.callee.type === T.Identifier ? call.callee.name : null;
  const shape = call.arguments[1];
  if (!callee?.endsWith('Table') || shape?.type !== T.ObjectExpression) return null;
  const columns: TableColumns = new Map();
  for (const prop of shape.properties) {
    if (prop.type !== T.Property || prop.value.type !== T.CallExpression) continue;
    const key = keyName(prop.key, prop.computed);
    const { base, segments } = flattenChain(prop.value);
    const builder = base.type === T.CallExpression && base.callee.type === T.Identifier ? base : null;
    const type = builder ? BUILDERS[(builder.callee as TSESTree.Identifier).name] : undefined;
    if (!key || !builder || !type) continue;
    const names = segments.map((s) => s.name);
    columns.set(key, {
      type: type === 'date' && modeIsString(builder) ? 'string' : type === 'string' && dateModeIsDate(builder) ? 'date' : type,
      notNull: names.includes('notNull') || names.includes('primaryKey'),
      primaryKey: names.includes('primaryKey'),
      unique: names.includes('primaryKey') || names.includes('unique'),
    });
  }
  for (const column of uniqueIndexColumns(call.arguments[2])) {
    const info = columns.get(column);
    if (info) info.unique = true;
  }
  return columns;
}

/** `(t) => [uniqueIndex("…").on(t.email)]` (or the older object form): the columns unique on their own. */
function uniqueIndexColumns(extra: TSESTree.Node | undefined): string[] {
  if (extra?.type !== T.ArrowFunctionExpression) return [];
  const body = extra.body;
  const entries =
    body.type === T.ArrayExpression ? body.elements : body.type === T.ObjectExpression ? body.properties.map((p) => (p.type === T.Property ? p.value : null)) : [];
  const found: string[] = [];
  for (const entry of entries) {
    if (entry?.type !== T.CallExpression) continue;
    const { base, segments } = flattenChain(entry);
    const on = segments.find((s) => s.name === 'on')?.call;
    const isUnique = base.type === T.CallExpression && base.callee.type === T.Identifier && base.callee.name === 'uniqueIndex';
    const only = on?.arguments.length === 1 ? on.arguments[0] : null;
    if (isUnique && !segments.some((s) => s.name === 'where') && only?.type === T.MemberExpression) {
      const name = keyName(only.property, only.computed);
      if (name) found.push(name);
    }
  }
  return found;
}

// `timestamp("at", { mode: "string" })` reads strings; `date("on", { mode: "date" })` reads Dates.
function modeOf(builder: TSESTree.CallExpression): string | null {
  const options = builder.arguments.find((a) => a.type === T.ObjectExpression);
  for (const prop of options?.type === T.ObjectExpression ? options.properties : []) {
    if (prop.type === T.Property && keyName(prop.key) === 'mode' && prop.value.type === T.Literal) return String(prop.value.value);
  }
  return null;
}
const modeIsString = (builder: TSESTree.CallExpression) => modeOf(builder) === 'string';
const dateModeIsDate = (builder: TSESTree.CallExpression) =>
  (builder.callee as TSESTree.Identifier).name === 'date' && modeOf(builder) === 'date';
