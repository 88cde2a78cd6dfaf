import { createRequire } from 'node:module';
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { Memo } from './memo.js';

/** The type checker and node map of a typed lint run. */
export interface TypeServices {
  program: ts.Program;
  checker: ts.TypeChecker;
  toTs(node: TSESTree.Node): ts.Node;
}

// Only loaded when a program exists, so TypeScript stays an optional peer for untyped users.
const require = createRequire(import.meta.url);
// eslint-disable-next-line no-restricted-syntax -- the TypeScript module, loaded once when a program exists
let tsModule: typeof ts | undefined;
function typescript(): typeof ts {
  return (tsModule ??= require('typescript') as typeof ts);
}

/** The typed-lint services, or `undefined` when the file is linted without type information. */
export function getOptionalTypes(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): TypeServices | undefined {
  // Read directly: `ESLintUtils` loads a dozen modules on first use, a cost every untyped run would pay.
  const services = context.sourceCode.parserServices as ParserServices | undefined;
  return services?.esTreeNodeToTSNodeMap ? typeServicesOf(services) : undefined;
}

/** Type services from what the parser returned, when it built or was handed a program. */
export function typeServicesOf(services: ParserServices | undefined): TypeServices | undefined {
  const program = services?.program;
  if (!services || !program) return undefined;
  const map = services.esTreeNodeToTSNodeMap;
  return { program, checker: program.getTypeChecker(), toTs: (node) => map.get(node) };
}

/**
 * Does the type of `node` come from one of `packages` (its declarations live in `node_modules/<package>/`)?
 * `undefined` when the checker knows nothing (`any`, `unknown`, an unresolved import): callers then keep
 * their syntactic answer, so typed mode never loses what untyped mode finds.
 */
export function isTypeFromPackage(
  types: TypeServices,
  node: TSESTree.Node,
  packages: readonly string[],
): boolean | undefined {
  const tsNode = types.toTs(node);
  if (!tsNode) return undefined;
  const type = types.checker.getTypeAtLocation(tsNode);
  const { TypeFlags } = typescript();
  if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
  const pattern = packagePattern(packages);
  const seen = new Set<ts.Type>();
  const visit = (t: ts.Type): boolean => {
    if (seen.has(t)) return false;
    seen.add(t);
    if (t.isUnionOrIntersection()) return t.types.some(visit);
    const symbols = [t.aliasSymbol, t.getSymbol()];
    const declarations = symbols.flatMap((s) => s?.getDeclarations() ?? []);
    if (declarations.some((d) => pattern.test(d.getSourceFile().fileName.replaceAll('\\', '/')))) return true;
    // `interface ExtendedRedis extends Redis { getJson… }`: a project type built on the library's.
    return t.isClassOrInterface() && (types.checker.getBaseTypes(t) ?? []).some(visit);
  };
  return visit(type);
}

/** Does the node's type have every one of these properties (`select` and `insert`: a database or a transaction)? */
export function hasProperties(types: TypeServices, node: TSESTree.Node, names: readonly string[]): boolean {
  const tsNode = types.toTs(node);
  if (!tsNode) return false;
  const type = types.checker.getTypeAtLocation(tsNode);
  return names.every((name) => type.getProperty(name) !== undefined);
}

/** Is the node's type an array, a tuple, or something iterable (a `Set`, a `Map`, a generator)? */
export function isIterableType(types: TypeServices, node: TSESTree.Node): boolean | undefined {
  const tsNode = types.toTs(node);
  if (!tsNode) return undefined;
  const { checker } = types;
  const type = checker.getTypeAtLocation(tsNode);
  const { TypeFlags } = typescript();
  if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some(
    (t) =>
      checker.isArrayType(t) ||
      checker.isTupleType(t) ||
      t.getProperties().some((p) => p.getName().startsWith('__@iterator')),
  );
}

const patterns = new Memo<RegExp>(64);
function packagePattern(packages: readonly string[]): RegExp {
  const key = packages.join('\0');
  let pattern = patterns.get(key);
  if (!pattern) {
    const alternatives = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    pattern = new RegExp(`/node_modules/(?:${alternatives})/`);
    patterns.set(key, pattern);
  }
  return pattern;
}
