import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import type { TsMorphCodemod, TsMorphOptions } from '../../src/codemods/contract.js';
import { analyzeSource, UnparsableSource } from '../../src/codemods/analyze.js';
import { recognizeDrizzleQuery } from '../../src/recognizers/drizzle-query.js';
import { readModuleTables, readTableSchema } from '../../src/recognizers/drizzle-schema.js';
import { findMissingIndexes, indexCode, type NeededIndex } from '../../src/recognizers/index-coverage.js';
import { planTableEdits, type TableEdits } from './schema-edits.js';

/** What `require-index` reports, as plain data: the table's declaration and the index it needs. */
interface Need {
  schemaFile: string;
  variable: string;
  index: NeededIndex;
  /** Where the query is, for the summary. */
  queryFile: string;
  line: number;
}

/**
 * Adds the indexes `require-index` reports to the table definitions of the Drizzle schema: the columns in the
 * order the query needs them, named and laid out as the table's (or the module's) other indexes are, widening
 * an existing index when it is a prefix of the needed one, never adding one that an index already serves.
 * The schema files change; the query files do not. The migration is drizzle-kit's job: the run says so.
 */
export const codemod: TsMorphCodemod = {
  kind: 'ts-morph',
  name: 'add-index',
  description: 'Queries no index serves (require-index) → the missing indexes added to the Drizzle table definitions, then `drizzle-kit generate`',
  run(project, options) {
    const needs = collectNeeds(project, options);
    const byTable = new Map<string, Need[]>();
    for (const need of needs) {
      const key = `${need.schemaFile}\0${need.variable}`;
      byTable.set(key, [...(byTable.get(key) ?? []), need]);
    }
    const byFile = new Map<string, Array<{ variable: string; needs: Need[] }>>();
    for (const list of byTable.values()) {
      const { schemaFile, variable } = list[0]!;
      byFile.set(schemaFile, [...(byFile.get(schemaFile) ?? []), { variable, needs: list }]);
    }
    let added = 0;
    for (const [schemaFile, tables] of byFile) added += editSchema(project, schemaFile, tables, options);
    if (added > 0) {
      options.note('turn the new indexes into a migration: `npx drizzle-kit generate` (or `npx drizzle-kit push` on a development database)');
      options.note('on a large table in production, create each index with `CREATE INDEX CONCURRENTLY` (edit the generated SQL) so writes are not blocked');
    }
  },
};

function collectNeeds(project: Project, options: TsMorphOptions): Need[] {
  const needs: Need[] = [];
  for (const [index, file] of options.files.entries()) {
    options.progress(index + 1);
    const source = project.getSourceFile(file);
    if (!source || !/\.[cm]?[jt]sx?$/.test(file)) continue;
    try {
      needs.push(
        ...analyzeSource<Need>(source.getFullText(), file, (fileContext, found) => ({
          CallExpression(node) {
            const query = recognizeDrizzleQuery(node, fileContext);
            if (!query) return;
            for (const missing of findMissingIndexes(query, fileContext, { smallTables: new Set() })) {
              found({ schemaFile: missing.table.file, variable: missing.table.variable, index: missing.index, queryFile: file, line: missing.node.loc.start.line });
            }
          },
        })),
      );
    } catch (error) {
      // A file that does not parse has no query to read; anything else is a bug to report, not to hide.
      if (!(error instanceof UnparsableSource)) throw error;
      options.bail(file, error.line, error.reason);
    }
  }
  return needs;
}

/** Edits one schema file; returns how many indexes it added or widened. */
function editSchema(project: Project, schemaFile: string, tables: Array<{ variable: string; needs: Need[] }>, options: TsMorphOptions): number {
  const source = project.getSourceFile(schemaFile) ?? project.addSourceFileAtPathIfExists(schemaFile);
  if (!source) return 0;
  const text = source.getFullText();
  const plans: TableEdits[] = [];
  for (const { variable, needs } of tables) {
    const table = readTableSchema(variable, schemaFile, text);
    const core = table && coreModule(source, table.factory);
    const plan = table && core && planTableEdits(table, text, needs.map((n) => n.index), core, readModuleTables(schemaFile, text).filter((t) => t.variable !== variable));
    // The runner lists and marks what is declined in the files it was handed: the queries that need the index.
    const decline = (reason: string) => {
      for (const need of needs) options.bail(need.queryFile, need.line, `${reason}: add \`${table ? indexCode(table, need.index) : 'the index'}\` by hand`);
    };
    const at = `${path.relative(options.cwd, schemaFile)}:${lineOf(text, table?.callRange[0] ?? text.indexOf(variable))}`;
    if (!table || !plan) {
      decline(table ? `${at} imports no drizzle-orm core module to take \`index\` from` : `cannot read the declaration of \`${variable}\` in ${at}`);
      continue;
    }
    if ('bail' in plan) {
      decline(`${plan.bail} (${at})`);
      continue;
    }
    plans.push(plan);
    for (const change of plan.changes) options.note(`${path.relative(options.cwd, schemaFile)}: ${change}`);
  }
  if (plans.length === 0) return 0;
  const edits = plans.flatMap((p) => p.edits).sort((a, b) => b.at - a.at || b.end - a.end);
  let next = text;
  for (const edit of edits) next = next.slice(0, edit.at) + edit.text + next.slice(edit.end);
  source.replaceWithText(next);
  for (const plan of plans) for (const [name, module] of plan.imports) addImport(source, name, module);
  return plans.reduce((n, p) => n + p.changes.length, 0);
}

/** Adds `name` to the import from `module` (where the list is sorted, in its place), unless it is bound. */
function addImport(source: SourceFile, name: string, module: string): void {
  const bound = source.getImportDeclarations().some((d) => d.getNamedImports().some((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name));
  if (bound) return;
  const declaration = source.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === module && !d.isTypeOnly() && !d.getNamespaceImport());
  if (!declaration) {
    // In its place among imports sorted by module, else after them.
    const modules = source.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
    const sorted = modules.every((m, i) => i === 0 || modules[i - 1]!.localeCompare(m) <= 0);
    source.insertImportDeclaration(sorted ? modules.filter((m) => m.localeCompare(module) < 0).length : modules.length, { moduleSpecifier: module, namedImports: [name] });
    return;
  }
  const names = declaration.getNamedImports().map((n) => n.getName());
  const sorted = names.every((n, i) => i === 0 || names[i - 1]!.localeCompare(n) <= 0);
  const at = sorted ? names.filter((n) => n.localeCompare(name) < 0).length : names.length;
  declaration.insertNamedImport(at, name);
}

/** Where `index` comes from: the module the table factory is imported from, or any drizzle-orm core module. */
function coreModule(source: SourceFile, factory: string): string | null {
  const modules = source.getImportDeclarations().map((d) => ({ module: d.getModuleSpecifierValue(), names: d.getNamedImports().map((n) => n.getName()) }));
  const core = /^drizzle-orm\/[a-z]+-core$/;
  return modules.find((m) => core.test(m.module) && m.names.includes(factory))?.module ?? modules.find((m) => core.test(m.module))?.module ?? null;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}
