import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { trackedPackageOf } from '../knowledge/traced-packages.js';
import type { FileContext } from './analysis-types.js';
import { keyName } from './chain.js';
import { resolveProjectModule } from './module-graph.js';
import { loadProjectModule, mayExport, type ProjectModule } from './project-source.js';

/** What an export of a project module stands for, before anyone evaluates it. */
export type ExportSite =
  /** `export default x`, `export { x as name }`: a top-level name of the module. */
  | { kind: 'local'; id: TSESTree.Identifier }
  /** `export default <expression or declaration>`. */
  | { kind: 'default'; node: TSESTree.ExportDefaultDeclaration['declaration'] }
  /** `export const name = …` */
  | { kind: 'variable'; node: TSESTree.VariableDeclarator }
  /** `export function name`, `class`, `type`, `interface`, `enum`, `namespace` named `name`. */
  | { kind: 'declaration'; node: TSESTree.NamedExportDeclarations }
  /** `export { x as name } from './m'`, or a tracked package's `export *`: the export `imported` of `source`. */
  | { kind: 'import'; source: string; imported: string };

export interface FoundExport {
  site: ExportSite;
  module: ProjectModule;
  /** How many `export *` were followed to reach the module. */
  stars: number;
}

/**
 * The site behind the export `name` of the project module at `path`: `null` when the module cannot be read or
 * `depthLeft` runs out, `undefined` when the module does not export `name` (only then does `export *` look
 * further). Statements are read in order; a package's `export *` (whose names cannot be listed without reading
 * the package) is tried last, and only for a tracked package: `export * from "drizzle-orm"` before
 * `export * from "./db"` must not hide `db`. A re-export from a named module is not followed: callers follow
 * the `import` site with their own guards. With `callableOnly`, for a function of the project that a call
 * runs: a type, interface, enum or namespace of the same name is passed over (`export type User` beside
 * `export const User`), and a package's `export *` never answers.
 */
export function findExport(
  path: string,
  name: string,
  from: FileContext,
  depthLeft: number,
  callableOnly = false,
): FoundExport | null | undefined {
  if (depthLeft < 0) return null;
  // Most modules a barrel's `export *` names do not hold `name`: their text says so without a parse.
  if (!mayExport(path, name)) return undefined;
  const module = loadProjectModule(path, from);
  if (!module) return null;
  const here = (site: ExportSite): FoundExport => ({ site, module, stars: 0 });
  const packageStars: string[] = [];
  for (const statement of module.program.body) {
    if (statement.type === T.ExportDefaultDeclaration && name === 'default') {
      const decl = statement.declaration;
      return here(decl.type === T.Identifier ? { kind: 'local', id: decl } : { kind: 'default', node: decl });
    }
    if (statement.type === T.ExportNamedDeclaration) {
      const decl = statement.declaration;
      if (decl?.type === T.VariableDeclaration) {
        for (const d of decl.declarations) {
          if (d.id.type === T.Identifier && d.id.name === name) return here({ kind: 'variable', node: d });
        }
      } else if (decl && 'id' in decl && decl.id?.type === T.Identifier && decl.id.name === name) {
        const answers = !callableOnly || decl.type === T.FunctionDeclaration || decl.type === T.ClassDeclaration;
        if (answers) return here({ kind: 'declaration', node: decl });
      }
      for (const spec of statement.specifiers) {
        if (keyName(spec.exported, false) !== name) continue;
        const local = keyName(spec.local, false) ?? name;
        if (statement.source) return here({ kind: 'import', source: statement.source.value, imported: local });
        return spec.local.type === T.Identifier ? here({ kind: 'local', id: spec.local }) : null;
      }
    }
    if (statement.type === T.ExportAllDeclaration && !statement.exported && name !== 'default') {
      const target = resolveProjectModule(statement.source.value, module.file.context.physicalFilename);
      if (!target) {
        packageStars.push(statement.source.value);
        continue;
      }
      const found = findExport(target, name, module.file, depthLeft - 1, callableOnly);
      if (found !== undefined) return found && { ...found, stars: found.stars + 1 };
    }
  }
  const tracked = !callableOnly && packageStars.find((source) => trackedPackageOf(source));
  return tracked ? here({ kind: 'import', source: tracked, imported: name }) : undefined;
}
