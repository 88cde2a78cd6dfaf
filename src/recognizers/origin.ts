import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { importedName, keyName, memberName } from './chain.js';
import type { FileContext } from './file-context.js';
import { resolveProjectModule } from './module-graph.js';
import { loadProjectModule } from './project-source.js';

/**
 * Where a value comes from, as an access path from a package export: `drizzle(pool)` imported from
 * `drizzle-orm/node-postgres` is `{ package: 'drizzle-orm', path: ['drizzle', '()'] }`, and `t.procedure`
 * after `const t = initTRPC.create()` is `['initTRPC', 'create', '()', 'procedure']`.
 *
 * Path steps: a property name, `()` for a call, `new` for a construction, `cb<N>` for the N-th parameter of
 * a callback passed to the call before it (`db.transaction(async (tx) => …)` gives `tx` the path
 * `[…db, 'transaction', 'cb0']`), and `type` first when the value is only known through a type annotation.
 *
 * The recognizers read these paths; this module only follows bindings: imports (into project modules, read
 * from disk), `const` initialisers, destructuring, `await`, `??`, class fields and annotated parameters.
 * It knowingly does not follow reassigned `let`s, function return values, or values passed as arguments.
 */
export interface Origin {
  package: string;
  path: string[];
}

/** The packages whose values we trace; a project module that re-exports one is followed instead. */
const TRACKED_PACKAGES = [
  'drizzle-orm',
  '@trpc/server',
  'ioredis',
  'redis',
  '@redis/client',
  '@upstash/redis',
] as const;

type Binding =
  | { kind: 'import'; source: string; imported: string }
  | { kind: 'value'; init: TSESTree.Expression; path: string[] }
  | { kind: 'type'; annotation: TSESTree.TypeNode }
  | { kind: 'param'; fn: TSESTree.FunctionLike; index: number; path: string[] };

/** What settings add: modules whose exports, and identifiers whose values, are known to be of a package. */
export interface OriginHints {
  modules: ReadonlyMap<string, Origin>;
  names: ReadonlyMap<string, Origin>;
}

/** How names are looked up: through ESLint's scopes in the linted file, top-level only in a read module. */
interface ModuleEnv {
  file: FileContext;
  lookup(id: TSESTree.Identifier): Binding | null;
  depth: number;
}

// Bounds a walk through bindings and chains (and so any cycle); real chains stay well below it.
const MAX_DEPTH = 48;

/** The origin of an expression in the file being linted. */
export function originOf(node: TSESTree.Node, file: FileContext): Origin | null {
  const { sourceCode } = file.context;
  const env: ModuleEnv = {
    file,
    depth: 0,
    lookup(id) {
      const variable = ASTUtils.findVariable(sourceCode.getScope(id), id);
      const def = variable?.defs[0];
      return def ? bindingOfDefinition(def.node, def.name, def.type) : null;
    },
  };
  return evaluate(node, env);
}

function evaluate(node: TSESTree.Node, env: ModuleEnv): Origin | null {
  if (env.depth > MAX_DEPTH) return null;
  const next = { ...env, depth: env.depth + 1 };
  switch (node.type) {
    case T.Identifier: {
      const binding = env.lookup(node);
      return (binding && evaluateBinding(binding, next)) ?? env.file.hints.names.get(node.name) ?? null;
    }
    case T.MemberExpression: {
      const key = memberName(node);
      if (key === null) return null;
      if (node.object.type === T.ThisExpression) return evaluateThisMember(node, key, next);
      const object = evaluate(node.object, next);
      return object && extend(object, key);
    }
    case T.CallExpression: {
      const callee = evaluate(node.callee, next);
      return callee && extend(callee, '()');
    }
    case T.NewExpression: {
      const callee = evaluate(node.callee, next);
      return callee && extend(callee, 'new');
    }
    case T.AwaitExpression:
    case T.TSNonNullExpression:
    case T.TSAsExpression:
    case T.TSSatisfiesExpression:
    case T.TSTypeAssertion:
    case T.TSInstantiationExpression:
    case T.ChainExpression:
      return evaluate('argument' in node ? node.argument : node.expression, next);
    case T.LogicalExpression:
      return evaluate(node.right, next) ?? evaluate(node.left, next);
    case T.ConditionalExpression:
      return evaluate(node.consequent, next) ?? evaluate(node.alternate, next);
    default:
      return null;
  }
}

function evaluateBinding(binding: Binding, env: ModuleEnv): Origin | null {
  switch (binding.kind) {
    case 'import':
      return evaluateImport(binding.source, binding.imported, env);
    case 'value': {
      const origin = evaluate(binding.init, env);
      return origin && binding.path.reduce(extend, origin);
    }
    case 'type':
      return evaluateType(binding.annotation, env);
    case 'param': {
      const param = binding.fn.params[binding.index];
      const annotated = param && annotationOf(param);
      if (annotated) {
        const origin = evaluateType(annotated, env);
        if (origin) return binding.path.reduce(extend, origin);
      }
      const call = binding.fn.parent;
      if (call?.type !== T.CallExpression || !call.arguments.includes(binding.fn as TSESTree.Expression)) return null;
      const owner = evaluate(call.callee, env);
      return owner && [`cb${binding.index}`, ...binding.path].reduce(extend, owner);
    }
  }
}

function evaluateImport(source: string, imported: string, env: ModuleEnv): Origin | null {
  for (const [module, origin] of env.file.hints.modules) {
    if (source === module || source.startsWith(`${module}/`)) return origin;
  }
  const pkg = TRACKED_PACKAGES.find((p) => source === p || source.startsWith(`${p}/`));
  if (pkg) return { package: pkg, path: [imported] };
  if (source.startsWith('node:')) return null;
  const file = resolveProjectModule(source, env.file.context.physicalFilename);
  return file ? (evaluateExport(file, imported, env) ?? null) : null;
}

function evaluateType(annotation: TSESTree.TypeNode, env: ModuleEnv): Origin | null {
  switch (annotation.type) {
    case T.TSTypeReference: {
      const name = annotation.typeName;
      const id = name.type === T.Identifier ? name : name.type === T.TSQualifiedName ? leftmost(name) : null;
      if (!id) return null;
      const binding = env.lookup(id);
      if (!binding) return null;
      const origin =
        binding.kind === 'import'
          ? evaluateImport(binding.source, binding.imported, env)
          : evaluateBinding(binding, env);
      if (!origin) return null;
      const qualified = name.type === T.TSQualifiedName ? qualifiedSteps(name) : [];
      // A bare export name (`PostgresJsDatabase`) is a library type; a longer path came through `typeof`.
      const typed = origin.path.length === 1 ? { ...origin, path: ['type', ...origin.path] } : origin;
      return qualified.reduce(extend, typed);
    }
    case T.TSTypeQuery:
      return annotation.exprName.type === T.Identifier ? evaluate(annotation.exprName, env) : null;
    case T.TSUnionType:
    case T.TSIntersectionType:
      for (const part of annotation.types) {
        const origin = evaluateType(part, env);
        if (origin) return origin;
      }
      return null;
    default:
      return null;
  }
}

function evaluateThisMember(node: TSESTree.MemberExpression, key: string, env: ModuleEnv): Origin | null {
  let classNode: TSESTree.Node | undefined = node.parent;
  while (classNode && classNode.type !== T.ClassBody) classNode = classNode.parent;
  if (!classNode) return null;
  for (const member of classNode.body) {
    if (member.type === T.PropertyDefinition && keyName(member.key, member.computed) === key) {
      if (member.value) return evaluate(member.value, env);
      if (member.typeAnnotation) return evaluateType(member.typeAnnotation.typeAnnotation, env);
    }
    if (member.type === T.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== T.TSParameterProperty) continue;
        const p = param.parameter.type === T.AssignmentPattern ? param.parameter.left : param.parameter;
        if (p.type === T.Identifier && p.name === key && p.typeAnnotation) {
          return evaluateType(p.typeAnnotation.typeAnnotation, env);
        }
      }
    }
  }
  return null;
}

function bindingOfDefinition(node: TSESTree.Node, name: TSESTree.Node, type: string): Binding | null {
  if (type === 'ImportBinding') {
    const decl = node.parent;
    return decl?.type === T.ImportDeclaration ? importBinding(decl, node as TSESTree.ImportClause) : null;
  }
  if (type === 'Variable' && node.type === T.VariableDeclarator) {
    if (!node.init) return annotationBinding(node.id);
    const path = patternPath(node.id, name);
    return path ? { kind: 'value', init: node.init, path } : null;
  }
  if (type === 'Parameter') {
    const fn = node as TSESTree.FunctionLike;
    for (const [index, param] of fn.params.entries()) {
      const target = param.type === T.TSParameterProperty ? param.parameter : param;
      const path = patternPath(target, name);
      if (path) return { kind: 'param', fn, index, path };
    }
  }
  return null;
}

// Type-only imports count too: they are how annotations name a library's types.
function importBinding(decl: TSESTree.ImportDeclaration, spec: TSESTree.ImportClause): Binding {
  return { kind: 'import', source: decl.source.value, imported: importedName(spec) };
}

function annotationBinding(id: TSESTree.Node): Binding | null {
  const annotation = annotationOf(id);
  return annotation ? { kind: 'type', annotation } : null;
}

function annotationOf(param: TSESTree.Node): TSESTree.TypeNode | null {
  const target = param.type === T.AssignmentPattern ? param.left : param;
  return 'typeAnnotation' in target && target.typeAnnotation?.type === T.TSTypeAnnotation
    ? target.typeAnnotation.typeAnnotation
    : null;
}

/** The property path from a destructuring pattern down to `name`: `{ ctx: { db } }` gives `['ctx', 'db']`. */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Node): string[] | null {
  if (pattern === name) return [];
  switch (pattern.type) {
    case T.Identifier:
      return null;
    case T.AssignmentPattern:
      return patternPath(pattern.left, name);
    case T.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type !== T.Property) continue;
        const inner = patternPath(prop.value, name);
        const key = keyName(prop.key, prop.computed);
        if (inner && key !== null) return [key, ...inner];
      }
      return null;
    case T.ArrayPattern:
      for (const [i, element] of pattern.elements.entries()) {
        const inner = element && patternPath(element, name);
        if (inner) return [String(i), ...inner];
      }
      return null;
    default:
      return null;
  }
}

function extend(origin: Origin, step: string): Origin {
  return { package: origin.package, path: [...origin.path, step] };
}

function leftmost(name: TSESTree.TSQualifiedName): TSESTree.Identifier | null {
  let left: TSESTree.EntityName = name;
  while (left.type === T.TSQualifiedName) left = left.left;
  return left.type === T.Identifier ? left : null;
}

function qualifiedSteps(name: TSESTree.TSQualifiedName): string[] {
  const steps: string[] = [];
  let node: TSESTree.EntityName = name;
  while (node.type === T.TSQualifiedName) {
    steps.unshift(node.right.name);
    node = node.left;
  }
  return steps;
}

// ---- Modules read from disk: only their top level is looked at, which is where exports are defined.

/**
 * The origin of the export `name` of a project module on disk: `null` when the module exports it but its
 * origin is unknown, `undefined` when it does not export it (only then does `export *` look further).
 */
function evaluateExport(file: string, name: string, env: ModuleEnv): Origin | null | undefined {
  if (env.depth > MAX_DEPTH) return null;
  const module = loadProjectModule(file, env.file);
  if (!module) return null;
  const { program } = module;
  const moduleEnv: ModuleEnv = { file: module.file, depth: env.depth + 1, lookup: (id) => topLevelBinding(program, id.name) };
  for (const statement of program.body) {
    if (statement.type === T.ExportDefaultDeclaration && name === 'default') {
      const decl = statement.declaration;
      return decl.type === T.Identifier || isExpression(decl) ? evaluate(decl, moduleEnv) : null;
    }
    if (statement.type === T.ExportNamedDeclaration) {
      const decl = statement.declaration;
      if (decl?.type === T.VariableDeclaration) {
        for (const d of decl.declarations) {
          if (d.id.type !== T.Identifier || d.id.name !== name) continue;
          const binding = bindingOfDeclarator(d);
          return binding && evaluateBinding(binding, moduleEnv);
        }
      } else if (decl?.type === T.TSTypeAliasDeclaration && decl.id.name === name) {
        return evaluateType(decl.typeAnnotation, moduleEnv);
      } else if (decl && 'id' in decl && decl.id?.type === T.Identifier && decl.id.name === name) {
        return null; // a function, class, enum or interface: not a value we trace
      }
      for (const spec of statement.specifiers) {
        const exported = keyName(spec.exported, false);
        if (exported !== name) continue;
        const local = keyName(spec.local, false) ?? name;
        if (statement.source) return evaluateImport(statement.source.value, local, moduleEnv);
        const binding = topLevelBinding(program, local);
        return binding ? evaluateBinding(binding, moduleEnv) : null;
      }
    }
    if (statement.type === T.ExportAllDeclaration && !statement.exported && name !== 'default') {
      const target = resolveProjectModule(statement.source.value, module.file.context.physicalFilename);
      const found = target ? evaluateExport(target, name, moduleEnv) : evaluateImport(statement.source.value, name, moduleEnv);
      if (found !== undefined && (target || found)) return found;
    }
  }
  return undefined;
}

function bindingOfDeclarator(d: TSESTree.VariableDeclarator): Binding | null {
  if (d.init) return { kind: 'value', init: d.init, path: [] };
  return annotationBinding(d.id);
}

function topLevelBinding(program: TSESTree.Program, name: string): Binding | null {
  for (const raw of program.body) {
    const statement =
      (raw.type === T.ExportNamedDeclaration || raw.type === T.ExportDefaultDeclaration) && raw.declaration
        ? raw.declaration
        : raw;
    if (statement.type === T.ImportDeclaration) {
      // Modules read from disk have no parent links, so the declaration is passed along.
      const spec = statement.specifiers.find((s) => s.local.name === name);
      if (spec) return importBinding(statement, spec);
    } else if (statement.type === T.VariableDeclaration) {
      for (const d of statement.declarations) {
        if (d.id.type === T.Identifier && d.id.name === name) return bindingOfDeclarator(d);
        const path = d.init && d.id.type !== T.Identifier ? findPatternName(d.id, name) : null;
        if (path && d.init) return { kind: 'value', init: d.init, path };
      }
    } else if (statement.type === T.TSTypeAliasDeclaration && statement.id.name === name) {
      return { kind: 'type', annotation: statement.typeAnnotation };
    }
  }
  return null;
}

function findPatternName(pattern: TSESTree.Node, name: string): string[] | null {
  let found: TSESTree.Node | null = null;
  const visit = (n: TSESTree.Node): void => {
    if (found) return;
    switch (n.type) {
      case T.Identifier:
        if (n.name === name) found = n;
        return;
      case T.ObjectPattern:
        for (const p of n.properties) visit(p.type === T.Property ? p.value : p);
        return;
      case T.ArrayPattern:
        for (const e of n.elements) if (e) visit(e);
        return;
      case T.AssignmentPattern:
        visit(n.left);
        return;
      default:
        return;
    }
  };
  visit(pattern);
  return found ? patternPath(pattern, found) : null;
}

function isExpression(node: TSESTree.Node): node is TSESTree.Expression {
  return !node.type.endsWith('Declaration') && node.type !== T.TSDeclareFunction;
}
