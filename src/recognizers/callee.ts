import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { importedName, keyName, memberName } from './chain.js';
import type { FileContext } from './analysis-types.js';
import { resolveProjectModule } from './module-graph.js';
import { findExport } from './project-exports.js';
import { loadProjectModule } from './project-source.js';

/** A function of the project that a call runs, and the file it is defined in. */
export interface ResolvedFunction {
  fn: TSESTree.FunctionLike;
  /** How the call names it: `getAuthor`, `postService.getAuthor`, `this.loadUser`. */
  name: string;
  file: FileContext;
}

const MAX_REEXPORTS = 4;

/**
 * The function of the project that `call` runs: a local function or arrow, a function imported from a
 * project module (relative, tsconfig alias or workspace package; through `export { x } from` and
 * `export *`), a method of a local or imported object literal, a method of the enclosing class (`this.x()`).
 * Typed, the checker resolves any callee whose declaration is project source (methods of instances passed
 * in, default exports, re-exports under other names).
 *
 * Not resolved: library functions (their code is not the project's), functions passed as values, and
 * dynamic dispatch the checker cannot see.
 */
export function resolveCallee(call: TSESTree.CallExpression, file: FileContext): ResolvedFunction | null {
  return resolveFunction(call.callee, file);
}

/** The function of the project that an expression names (`getDb`, `repo.find`), as `resolveCallee` finds it. */
export function resolveFunction(callee: TSESTree.Expression, file: FileContext): ResolvedFunction | null {
  const name = calleeName(callee);
  if (name === null) return null;
  const fn = resolveSyntactically(callee, file) ?? (file.types && mayBeProjectCode(callee, file) ? resolveWithTypes(callee, file) : null);
  return fn && { ...fn, name };
}

function calleeName(callee: TSESTree.Expression): string | null {
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type !== T.MemberExpression) return null;
  const property = memberName(callee);
  if (property === null) return null;
  const object = callee.object;
  if (object.type === T.ThisExpression) return `this.${property}`;
  return object.type === T.Identifier ? `${object.name}.${property}` : property;
}

type Found = Omit<ResolvedFunction, 'name'>;

function resolveSyntactically(callee: TSESTree.Expression, file: FileContext): Found | null {
  if (callee.type === T.Identifier) return resolveBinding(callee, null, file);
  if (callee.type !== T.MemberExpression) return null;
  const property = memberName(callee);
  if (property === null) return null;
  if (callee.object.type === T.ThisExpression) return classMember(callee, property, file);
  return callee.object.type === T.Identifier ? resolveBinding(callee.object, property, file) : null;
}

/** `id` (or `id.property`) through its binding in the linted file. */
function resolveBinding(id: TSESTree.Identifier, property: string | null, file: FileContext): Found | null {
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
  const def = variable?.defs[0];
  if (!def) return null;
  if (def.type === 'ImportBinding') {
    const decl = def.node.parent;
    if (decl?.type !== T.ImportDeclaration || def.node.type === T.TSImportEqualsDeclaration) return null;
    const imported = importedName(def.node);
    const target = resolveProjectModule(decl.source.value, file.context.physicalFilename);
    if (!target) return null;
    // `import * as posts from './posts'; posts.list()`
    if (imported === '*') return property === null ? null : (exportedFunction(target, property, null, file) ?? null);
    return exportedFunction(target, imported, property, file) ?? null;
  }
  if (def.type === 'FunctionName' && property === null && ASTUtils.isFunction(def.node)) return { fn: def.node, file };
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.id === def.name && def.node.init) {
    return valueFunction(def.node.init, property, file);
  }
  return null;
}

/** A function expression, or (with `property`) a method of an object literal. */
function valueFunction(value: TSESTree.Node, property: string | null, file: FileContext): Found | null {
  const inner = value.type === T.TSAsExpression || value.type === T.TSSatisfiesExpression ? value.expression : value;
  if (property === null) return ASTUtils.isFunction(inner) ? { fn: inner, file } : null;
  if (inner.type !== T.ObjectExpression) return null;
  for (const prop of inner.properties) {
    if (prop.type !== T.Property || prop.computed) continue;
    if (keyName(prop.key) === property && ASTUtils.isFunction(prop.value)) return { fn: prop.value, file };
  }
  return null;
}

function classMember(member: TSESTree.MemberExpression, property: string, file: FileContext): Found | null {
  let node: TSESTree.Node | undefined = member.parent;
  while (node && node.type !== T.ClassBody) node = node.parent;
  if (!node) return null;
  for (const element of node.body) {
    if (
      (element.type === T.MethodDefinition || element.type === T.PropertyDefinition) &&
      !element.computed &&
      element.key.type === T.Identifier &&
      element.key.name === property
    ) {
      const value = element.value;
      return value && ASTUtils.isFunction(value) ? { fn: value, file } : null;
    }
  }
  return null;
}

/**
 * The function the export `name` of the project module at `path` stands for (and its `property`, for an
 * exported object of functions): `null` when the export is not a function, `undefined` when the module does
 * not export `name`. Re-exports are followed up to MAX_REEXPORTS modules deep.
 */
function exportedFunction(
  path: string,
  name: string,
  property: string | null,
  from: FileContext,
  depthLeft = MAX_REEXPORTS,
): Found | null | undefined {
  const found = findExport(path, name, from, depthLeft, true);
  if (!found) return found;
  const { site, module } = found;
  const { file } = module;
  switch (site.kind) {
    case 'local':
      return resolveBinding(site.id, property, file);
    case 'default':
      if (property === null && ASTUtils.isFunction(site.node)) return { fn: site.node, file };
      return valueFunction(site.node, property, file);
    case 'variable':
      return site.node.init ? valueFunction(site.node.init, property, file) : null;
    case 'declaration':
      return site.node.type === T.FunctionDeclaration && property === null ? { fn: site.node, file } : null;
    case 'import': {
      const target = resolveProjectModule(site.source, file.context.physicalFilename);
      return target ? (exportedFunction(target, site.imported, property, file, depthLeft - found.stars - 1) ?? null) : null;
    }
  }
}

/**
 * Asking the checker about a callee type-checks its expression, which is costly; skip callees whose root
 * binding already says they are not project functions: a package import (`eq`), a global (`console`,
 * `Math`), or a local literal (`items.push` on `const items = []`).
 */
function mayBeProjectCode(callee: TSESTree.Expression, file: FileContext): boolean {
  let root: TSESTree.Node = callee;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier) return root.type === T.ThisExpression;
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(root), root);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'ImportBinding') {
    const decl = def.node.parent;
    return decl?.type === T.ImportDeclaration && resolveProjectModule(decl.source.value, file.context.physicalFilename) !== null;
  }
  if (def.type === 'Variable' && def.node.type === T.VariableDeclarator) {
    const init = def.node.init;
    return !init || !LITERALS.has(init.type);
  }
  return true;
}

const LITERALS: ReadonlySet<string> = new Set([
  T.ArrayExpression,
  T.ObjectExpression,
  T.Literal,
  T.TemplateLiteral,
  T.ArrowFunctionExpression,
  T.FunctionExpression,
]);

/** Any callee whose declaration the checker finds in the project's own sources. */
function resolveWithTypes(callee: TSESTree.Expression, file: FileContext): Found | null {
  const types = file.types!;
  // The checker gives the symbol of a name, so ask about `find` in `repository.find`.
  const tsNode = types.toTs(callee.type === T.MemberExpression ? callee.property : callee);
  if (!tsNode) return null;
  let symbol = types.checker.getSymbolAtLocation(tsNode);
  // An alias is an import or re-export; its target is the declaration.
  if (symbol && symbol.flags & 2097152 /* ts.SymbolFlags.Alias */) symbol = types.checker.getAliasedSymbol(symbol);
  const decl = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!decl) return null;
  const source = decl.getSourceFile();
  if (source.isDeclarationFile || /[\\/]node_modules[\\/]/.test(source.fileName)) return null;
  const target = functionOfDeclaration(decl);
  if (!target) return null;
  const module =
    source.fileName === file.context.physicalFilename ? null : loadProjectModule(source.fileName, file);
  const owner = module ? module.file : file;
  const mapped = owner.context.sourceCode.parserServices?.tsNodeToESTreeNodeMap?.get(target) as TSESTree.Node | undefined;
  // A class method maps to its MethodDefinition; the function is its value.
  const estree = mapped?.type === T.MethodDefinition ? mapped.value : mapped;
  return estree && ASTUtils.isFunction(estree) ? { fn: estree, file: owner } : null;
}

// `function f() {}`, `f() {}` in a class or object, `const f = () => {}`, `f: async () => {}`.
function functionOfDeclaration(decl: ts.Declaration): ts.Node | null {
  const d = decl as ts.Declaration & { initializer?: ts.Node; body?: ts.Node };
  if (d.body) return d;
  const init = d.initializer;
  if (init && 'body' in init && 'parameters' in init) return init;
  return null;
}
