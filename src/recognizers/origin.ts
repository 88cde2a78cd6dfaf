import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { TRACKED_PACKAGES, trackedPackageOf } from '../knowledge/traced-packages.js';
import type { FileContext, Origin, OriginHints } from './analysis-types.js';
import { resolveFunction, type ResolvedFunction } from './callee.js';
import { importedName, keyName, memberName } from './chain.js';
import { fileMayReach, resolveProjectModule } from './module-graph.js';
import { findExport, type ExportSite } from './project-exports.js';
import { walk } from './walk.js';

/*
 * Origins (`Origin` says what their paths mean). The recognizers read the paths; this module only follows
 * bindings: imports (into project modules, read from disk), `const` initialisers and the assignments of a
 * `let` (`_db ??= drizzle(…)`), destructuring, `await`, `??`, class fields, what a project function returns
 * (`getDb()`, `createDb(schema)`), and type annotations read syntactically: a declared type wins where the
 * initializer cannot be traced (`export const db: Database = globalForDb.db`), through type aliases,
 * interfaces and type literals (`{ tx }: PhaseContext` with `tx: DB`), `typeof db`,
 * `Awaited<ReturnType<typeof connectDb>>`.
 * It knowingly does not follow values passed as arguments to functions it cannot see into.
 */

type Binding = (
  | { kind: 'import'; source: string; imported: string }
  | {
      kind: 'value';
      init: TSESTree.Expression | null;
      path: string[];
      /** The declared type, which wins where the initializer cannot be traced. */
      annotation: TSESTree.TypeNode | null;
      /** For a `let`: where to find its later assignments. */
      declarator?: TSESTree.VariableDeclarator;
    }
  | { kind: 'type'; annotation: TSESTree.TypeNode }
  | { kind: 'interface'; decl: TSESTree.TSInterfaceDeclaration }
  | { kind: 'param'; fn: TSESTree.FunctionLike; index: number; path: string[] }
) & {
  /** The name where the binding is declared, which stands for it in `remembered`. */
  site?: TSESTree.Node;
};

/** How names are looked up: through ESLint's scopes in the linted file, top-level only in a read module. */
interface ModuleEnv {
  file: FileContext;
  lookup(id: TSESTree.Identifier): Binding | null;
  depth: number;
  /** Steps left for this whole question, shared by every env it spawns: alternatives (unions, returns,
   * `extends`) branch, and a walk must stay cheap whatever the code (generated types, deep alias chains). */
  work: { left: number; cuts: number; root: FileContext };
}

// Bounds a walk through bindings and chains (and so any cycle); real chains stay well below it.
const MAX_DEPTH = 48;
// Bounds all the steps of one question; the deepest real database origins in the corpus take under 200.
const MAX_STEPS = 400;

/** The origin of an expression in the file being linted. */
export function originOf(node: TSESTree.Node, file: FileContext): Origin | null {
  return evaluate(node, { file, depth: 0, lookup: lookupIn(file), work: { left: MAX_STEPS, cuts: 0, root: file } });
}

/** Names looked up through scopes: in the linted file, or inside a function of a module read from disk. */
function lookupIn(file: FileContext): ModuleEnv['lookup'] {
  return (id) => {
    const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(id), id);
    const def = variable?.defs[0];
    const binding = def ? bindingOfDefinition(def.node, def.name, def.type) : null;
    return binding && { ...binding, site: def!.name };
  };
}

// What a declared name of the linted file evaluates to: every `ctx.db` or `redis.get` of a file asks again for the
// same `ctx` or `redis`, whose chain (a procedure builder, the tRPC init, the client's module) is long. Kept with
// the file's context, so it goes with this lint (no node outlives its file, and an edit to a module the chain
// reads is seen by the next lint); only answers no bound cut short, asked not too deep for the re-export search
// below to have its room.
const remembered = new WeakMap<FileContext, Map<TSESTree.Node, Origin | null>>();
const REMEMBER_DEPTH = 16;

function evaluateName(binding: Binding, env: ModuleEnv): Origin | null {
  if (!binding.site || env.file !== env.work.root || env.depth > REMEMBER_DEPTH) return evaluateBinding(binding, env, []);
  let known = remembered.get(env.file);
  if (!known) remembered.set(env.file, (known = new Map()));
  const hit = known.get(binding.site);
  if (hit !== undefined) return hit;
  const cuts = env.work.cuts;
  const origin = evaluateBinding(binding, env, []);
  if (env.work.cuts === cuts) known.set(binding.site, origin);
  return origin;
}

// A bound reached: the answer is cut short, and nothing that depends on it is remembered.
function cut(env: ModuleEnv): null {
  env.work.cuts++;
  return null;
}

function evaluate(node: TSESTree.Node, env: ModuleEnv): Origin | null {
  if (env.depth > MAX_DEPTH || --env.work.left < 0) return cut(env);
  const next = { ...env, depth: env.depth + 1 };
  switch (node.type) {
    case T.Identifier: {
      const binding = env.lookup(node);
      return (binding && evaluateName(binding, next)) ?? env.file.hints.names.get(node.name) ?? null;
    }
    case T.MemberExpression: {
      const key = memberName(node);
      if (key === null) return null;
      if (node.object.type === T.ThisExpression) return evaluateThisMember(node, key, next);
      const object = evaluate(node.object, next);
      if (object) return extend(object, key);
      // `ctx.db` where `ctx: AuthedContext` and `AuthedContext` is `{ db: typeof db }`: the member's type.
      const access = accessPath(node);
      const binding = access && env.lookup(access.base);
      return binding && binding.kind !== 'import' ? evaluateBinding(binding, next, access.keys, true) : null;
    }
    case T.CallExpression: {
      const callee = evaluate(node.callee, next);
      if (callee) return extend(callee, '()');
      // `getDb()`, `createDb(schema)`: what a function of the project returns.
      return evaluateCalledFunction(node.callee, next);
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

/**
 * The origin of a binding, `keys` members further in (`ctx.db` is binding `ctx`, keys `['db']`). With
 * `typesOnly`, the value itself is already known to be untraceable: only the declared types are read.
 */
function evaluateBinding(binding: Binding, env: ModuleEnv, keys: string[], typesOnly = false): Origin | null {
  switch (binding.kind) {
    case 'import':
      return extendAll(evaluateImport(binding.source, binding.imported, env), keys);
    case 'value': {
      if (!typesOnly) {
        const origin = binding.init && evaluate(binding.init, env);
        if (origin) return extendAll(origin, [...binding.path, ...keys]);
        // `const { tx } = pc` where `pc: PhaseContext`: the member's declared type.
        const access = binding.init && binding.path.length > 0 ? accessOf(binding.init) : null;
        const base = access && env.lookup(access.base);
        const typed = base && base.kind !== 'import' && evaluateBinding(base, env, [...access.keys, ...binding.path, ...keys], true);
        if (typed) return typed;
        for (const write of binding.declarator ? writesOf(binding.declarator, env.file) : []) {
          const written = evaluate(write, env);
          if (written) return extendAll(written, keys);
        }
      }
      return binding.annotation && evaluateTypeAt(binding.annotation, [...binding.path, ...keys], env);
    }
    case 'type':
      return evaluateTypeAt(binding.annotation, keys, env);
    case 'interface':
      return evaluateInterfaceMember(binding.decl, keys, env);
    case 'param': {
      const param = binding.fn.params[binding.index];
      const annotated = param && annotationOf(param.type === T.TSParameterProperty ? param.parameter : param);
      if (annotated) {
        const origin = evaluateTypeAt(annotated, [...binding.path, ...keys], env);
        if (origin || typesOnly) return origin;
      }
      if (typesOnly) return null;
      const path = [...binding.path, ...keys];
      const call = binding.fn.parent;
      if (call?.type === T.Property && call.value === binding.fn) return optionCallbackType(call, binding.index, path, env);
      if (call?.type !== T.CallExpression || !call.arguments.includes(binding.fn as TSESTree.Expression)) return null;
      const owner = evaluate(call.callee, env);
      if (owner) return extendAll(owner, [`cb${binding.index}`, ...path]);
      // `withTransaction(ctx, async (tx) => …)`: the callback's type in the project function's signature.
      return callbackParameterType(call, call.arguments.indexOf(binding.fn as TSESTree.Expression), [], binding.index, path, env);
    }
  }
}

function evaluateCalledFunction(callee: TSESTree.Expression, env: ModuleEnv): Origin | null {
  const target = tracedFunction(callee, env);
  return target && evaluateReturns(target.fn, { file: target.file, depth: env.depth + 1, lookup: lookupIn(target.file), work: env.work });
}

/** The project function `callee` names (`getDb`, `withTx`), unless it is imported from a module that reaches nothing we trace. */
function tracedFunction(callee: TSESTree.Expression, env: ModuleEnv): ResolvedFunction | null {
  const base = callee.type === T.MemberExpression ? callee.object : callee;
  const binding = base.type === T.Identifier ? env.lookup(base) : null;
  if (binding?.kind === 'import') {
    const file = resolveProjectModule(binding.source, env.file.context.physicalFilename);
    if (file && !mayTraceFrom(file, env.file.hints)) return null;
  }
  return resolveFunction(callee, env.file);
}

/** What a function returns: its expression body, or the first `return` of its own whose value is traced. */
function evaluateReturns(fn: TSESTree.FunctionLike, env: ModuleEnv): Origin | null {
  if (--env.work.left < 0 || env.depth > MAX_DEPTH) return cut(env);
  if (!fn.body) return null;
  if (fn.body.type !== T.BlockStatement) return evaluate(fn.body, env);
  let found: Origin | null = null;
  // Its own returns: a `return` stands only in statements, and a nested function's are its own.
  walk(fn.body, (node) => {
    if (found) return false;
    if (node.type === T.ReturnStatement) {
      if (node.argument) found = evaluate(node.argument, env);
      return false;
    }
    return !ASTUtils.isFunction(node) && !node.type.endsWith('Expression');
  });
  // A wrapper that returns an object of its own (`{ ...db, extra }`) says what it is in its return type.
  return found ?? (fn.returnType ? evaluateType(fn.returnType.typeAnnotation, env) : null);
}

/** The constraint of the type parameter that `id` names, from the declaration around it that declares it. */
function typeParameterConstraint(id: TSESTree.Identifier): TSESTree.TypeNode | null {
  for (let node: TSESTree.Node | undefined = id.parent; node; node = node.parent) {
    const params = (node as { typeParameters?: TSESTree.TSTypeParameterDeclaration }).typeParameters?.params;
    const param = params?.find((p) => p.name.name === id.name);
    if (param) return param.constraint ?? null;
  }
  return null;
}


/** The right-hand sides of the assignments to a `let` (`_db = drizzle(…)`, `_db ??= drizzle(…)`). */
function writesOf(declarator: TSESTree.VariableDeclarator, file: FileContext): TSESTree.Expression[] {
  if (declarator.id.type !== T.Identifier) return [];
  const variable = ASTUtils.findVariable(file.context.sourceCode.getScope(declarator), declarator.id);
  return (variable?.references ?? []).flatMap((ref) => (ref.writeExpr && !ref.init ? [ref.writeExpr as TSESTree.Expression] : []));
}

function evaluateImport(source: string, imported: string, env: ModuleEnv): Origin | null {
  for (const [module, origin] of env.file.hints.modules) {
    if (source === module || source.startsWith(`${module}/`)) return origin;
  }
  const pkg = trackedPackageOf(source);
  if (pkg) return { package: pkg, path: [imported] };
  const resolved = resolveImportedBinding(source, imported, env);
  return resolved && evaluateBinding(resolved.binding, resolved.env, []);
}

function evaluateType(annotation: TSESTree.TypeNode, env: ModuleEnv): Origin | null {
  if (--env.work.left < 0) return cut(env);
  switch (annotation.type) {
    case T.TSTypeReference: {
      const name = annotation.typeName;
      const id = name.type === T.Identifier ? name : name.type === T.TSQualifiedName ? leftmost(name) : null;
      if (!id) return null;
      const binding = env.lookup(id);
      if (!binding) {
        if (name.type !== T.Identifier) return null;
        // `Q` of `<Q extends PgDatabase<…>>`: what the parameter is constrained to.
        const constraint = typeParameterConstraint(name);
        return constraint ? evaluateType(constraint, env) : evaluateUtilityType(name.name, annotation, env);
      }
      const origin =
        binding.kind === 'import'
          ? evaluateImport(binding.source, binding.imported, env)
          : evaluateBinding(binding, env, []);
      if (!origin) return null;
      const qualified = name.type === T.TSQualifiedName ? qualifiedSteps(name) : [];
      // A bare export name (`PostgresJsDatabase`) is a library type; a longer path came through `typeof`.
      const typed = origin.path.length === 1 ? { ...origin, path: ['type', ...origin.path] } : origin;
      return qualified.reduce(extend, typed);
    }
    case T.TSTypeQuery:
      return annotation.exprName.type === T.Identifier ? evaluate(annotation.exprName, env) : null;
    case T.TSTypeOperator:
      return annotation.operator === 'readonly' && annotation.typeAnnotation ? evaluateType(annotation.typeAnnotation, env) : null;
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

/** TypeScript's own generic types, which are no bindings: `Awaited<T>`, `ReturnType<typeof f>`… */
function evaluateUtilityType(name: string, annotation: TSESTree.TSTypeReference, env: ModuleEnv): Origin | null {
  const [argument] = annotation.typeArguments?.params ?? [];
  if (!argument) return null;
  if (UNWRAPPING_TYPES.has(name)) return evaluateType(argument, env);
  if (name !== 'ReturnType' || argument.type !== T.TSTypeQuery || argument.exprName.type !== T.Identifier) return null;
  const fn = argument.exprName;
  const origin = evaluate(fn, env);
  if (origin) return extend(origin, '()');
  // `ReturnType<typeof createDb>`: the function's own returns, as a call of it would give.
  return evaluateCalledFunction(fn, env);
}

// They keep the kind of value they wrap: the awaited database is the database.
const UNWRAPPING_TYPES: ReadonlySet<string> = new Set(['Awaited', 'NonNullable', 'Readonly', 'Required', 'Partial', 'Promise']);

/**
 * The origin of the value at `path` inside a value of type `annotation`: for `{ tx }: PhaseContext` the type
 * of `tx` in `PhaseContext`; for a library type (`PostgresJsDatabase`) the path is kept as member steps.
 */
function evaluateTypeAt(annotation: TSESTree.TypeNode, path: readonly string[], env: ModuleEnv): Origin | null {
  if (--env.work.left < 0) return cut(env);
  if (path.length === 0) return evaluateType(annotation, env);
  switch (annotation.type) {
    case T.TSTypeLiteral:
      return evaluateMember(annotation.members, path, env);
    case T.TSUnionType:
    case T.TSIntersectionType:
      for (const part of annotation.types) {
        const origin = evaluateTypeAt(part, path, env);
        if (origin) return origin;
      }
      return null;
    case T.TSTypeReference: {
      const name = annotation.typeName;
      if (name.type === T.Identifier) {
        const binding = env.lookup(name);
        if (binding?.kind === 'type') return evaluateTypeAt(binding.annotation, path, env);
        if (binding?.kind === 'interface') return evaluateInterfaceMember(binding.decl, path, env);
        if (binding?.kind === 'import') {
          const resolved = resolveImportedBinding(binding.source, binding.imported, env);
          if (resolved) return evaluateBinding(resolved.binding, resolved.env, [...path], true);
        }
        const [argument] = annotation.typeArguments?.params ?? [];
        if (!binding && argument && UNWRAPPING_TYPES.has(name.name)) return evaluateTypeAt(argument, path, env);
      }
      const origin = evaluateType(annotation, env);
      return origin && extendAll(origin, path);
    }
    default: {
      const origin = evaluateType(annotation, env);
      return origin && extendAll(origin, path);
    }
  }
}

/**
 * A member of an interface, or with an empty path the interface itself: `interface ExtendedRedis extends
 * Redis { getJson… }` is a Redis client with more methods.
 */
function evaluateInterfaceMember(decl: TSESTree.TSInterfaceDeclaration, path: readonly string[], env: ModuleEnv): Origin | null {
  const own = path.length > 0 ? evaluateMember(decl.body.body, path, env) : null;
  if (own) return own;
  for (const heritage of decl.extends) {
    if (heritage.expression.type !== T.Identifier) continue;
    const reference = { type: T.TSTypeReference, typeName: heritage.expression, typeArguments: heritage.typeArguments } as TSESTree.TSTypeReference;
    const origin = evaluateTypeAt(reference, path, env);
    if (origin) return origin;
  }
  return null;
}

function evaluateMember(members: readonly TSESTree.TypeElement[], path: readonly string[], env: ModuleEnv): Origin | null {
  const [key, ...rest] = path;
  for (const member of members) {
    if (member.type !== T.TSPropertySignature || keyName(member.key, member.computed) !== key) continue;
    return member.typeAnnotation ? evaluateTypeAt(member.typeAnnotation.typeAnnotation, rest, env) : null;
  }
  return null;
}

/**
 * The declared type of parameter `param` of a callback passed to a project function: as argument
 * `argument`, or (with `keys`) as the option `keys` of that argument (`run(db, { handle: async (tx) => … })`).
 */
function callbackParameterType(
  call: TSESTree.CallExpression,
  argument: number,
  keys: string[],
  param: number,
  path: string[],
  env: ModuleEnv,
): Origin | null {
  const target = tracedFunction(call.callee, env);
  const declared = target?.fn.params[argument];
  let type = declared && annotationOf(declared.type === T.TSParameterProperty ? declared.parameter : declared);
  let at: ModuleEnv | null = target ? { file: target.file, depth: env.depth + 1, lookup: lookupIn(target.file), work: env.work } : null;
  for (const key of keys) {
    const member = type && at ? memberType(type, key, at) : null;
    type = member?.type;
    at = member?.env ?? null;
  }
  const callback = type?.type === T.TSFunctionType ? type.params[param] : undefined;
  const annotation = callback && annotationOf(callback);
  return annotation && at ? evaluateTypeAt(annotation, path, at) : null;
}

/** `handleAsync: async (db) => …` in an object passed to a project function. */
function optionCallbackType(property: TSESTree.Property, param: number, path: string[], env: ModuleEnv): Origin | null {
  const key = keyName(property.key, property.computed);
  const object = property.parent;
  const call = object?.parent;
  if (key === null || object?.type !== T.ObjectExpression || call?.type !== T.CallExpression) return null;
  const argument = call.arguments.indexOf(object);
  return argument === -1 ? null : callbackParameterType(call, argument, [key], param, path, env);
}

/** The declared type of member `key` of an object type, and where its names are looked up. */
function memberType(type: TSESTree.TypeNode, key: string, env: ModuleEnv): { type: TSESTree.TypeNode; env: ModuleEnv } | null {
  if (--env.work.left < 0 || env.depth > MAX_DEPTH) return cut(env);
  let members: readonly TSESTree.TypeElement[] | null = null;
  if (type.type === T.TSTypeLiteral) members = type.members;
  else if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier) {
    let binding = env.lookup(type.typeName);
    let at = env;
    if (binding?.kind === 'import') {
      const resolved = resolveImportedBinding(binding.source, binding.imported, env);
      binding = resolved?.binding ?? null;
      at = resolved?.env ?? env;
    }
    if (binding?.kind === 'type') return memberType(binding.annotation, key, { ...at, depth: at.depth + 1 });
    if (binding?.kind === 'interface') return membersType(binding.decl.body.body, key, at);
    return null;
  }
  return members ? membersType(members, key, env) : null;
}

function membersType(members: readonly TSESTree.TypeElement[], key: string, env: ModuleEnv): { type: TSESTree.TypeNode; env: ModuleEnv } | null {
  for (const member of members) {
    if (member.type === T.TSPropertySignature && keyName(member.key, member.computed) === key && member.typeAnnotation) {
      return { type: member.typeAnnotation.typeAnnotation, env };
    }
  }
  return null;
}

function accessOf(node: TSESTree.Expression): { base: TSESTree.Identifier; keys: string[] } | null {
  if (node.type === T.Identifier) return { base: node, keys: [] };
  return node.type === T.MemberExpression ? accessPath(node) : null;
}

/** `ctx.db.query` as its base identifier and the keys after it. */
function accessPath(node: TSESTree.MemberExpression): { base: TSESTree.Identifier; keys: string[] } | null {
  const keys: string[] = [];
  let current: TSESTree.Expression = node;
  while (current.type === T.MemberExpression) {
    const key = memberName(current);
    if (key === null) return null;
    keys.unshift(key);
    current = current.object;
  }
  return current.type === T.Identifier ? { base: current, keys } : null;
}

function extendAll(origin: Origin | null, steps: readonly string[]): Origin | null {
  return origin && steps.reduce(extend, origin);
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
    const path = patternPath(node.id, name);
    return path ? valueBinding(node, path) : null;
  }
  if (type === 'Type' && node.type === T.TSTypeAliasDeclaration) return { kind: 'type', annotation: node.typeAnnotation };
  if (type === 'Type' && node.type === T.TSTypeParameter) return node.constraint ? { kind: 'type', annotation: node.constraint } : null;
  if (type === 'Type' && node.type === T.TSInterfaceDeclaration) return { kind: 'interface', decl: node };
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

/** A declared variable: its initializer, its type, and for a `let` its later assignments. */
function valueBinding(d: TSESTree.VariableDeclarator, path: string[]): Binding | null {
  const annotation = annotationOf(d.id);
  const reassigned = d.parent?.type === T.VariableDeclaration && d.parent.kind !== 'const' && d.id.type === T.Identifier;
  if (!d.init && !annotation && !reassigned) return null;
  return { kind: 'value', init: d.init, path, annotation, ...(reassigned ? { declarator: d } : {}) };
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

interface Resolved {
  binding: Binding;
  env: ModuleEnv;
}

/** The binding that the export `imported` of project module `source` stands for, with its module's lookup. */
function resolveImportedBinding(source: string, imported: string, env: ModuleEnv): Resolved | null {
  if (trackedPackageOf(source) || source.startsWith('node:')) return null;
  const file = resolveProjectModule(source, env.file.context.physicalFilename);
  if (!file || !mayTraceFrom(file, env.file.hints)) return null;
  return exportedBinding(file, imported, env) ?? null;
}

// Modules imported this many deep from a read module still carry a value we trace; real chains (a barrel, the
// db package's entry, its client module, drizzle-orm) take four.
const TRACE_DEPTH = 6;
const tracedSources = new WeakMap<OriginHints, string[]>();

/**
 * Can an export of `file` have an origin at all? Every origin starts at an import of a traced package or of
 * a module the settings name, so a module that reaches none through its imports needs no parse: most
 * imported values (components, schemas, errors, utilities) are of that kind. A name the settings know
 * can stand anywhere: then every module is read.
 */
function mayTraceFrom(file: string, hints: OriginHints): boolean {
  if (hints.names.size > 0) return true;
  let sources = tracedSources.get(hints);
  if (!sources) tracedSources.set(hints, (sources = [...TRACKED_PACKAGES, ...hints.modules.keys()]));
  return fileMayReach(file, sources, TRACE_DEPTH);
}

/**
 * The binding behind the export `name` of a project module on disk, with its module's lookup: `null` when
 * the module exports it but it is nothing we trace, `undefined` when the module does not export it.
 */
function exportedBinding(file: string, name: string, env: ModuleEnv): Resolved | null | undefined {
  const found = findExport(file, name, env.file, MAX_DEPTH - env.depth);
  // Its `null` may be a search cut short by the depth left: then (deep already) nothing is remembered.
  if (found === null && MAX_DEPTH - env.depth <= REMEMBER_DEPTH) cut(env);
  if (!found) return found;
  const { site, module, stars } = found;
  const { program } = module;
  const moduleEnv: ModuleEnv = { file: module.file, depth: env.depth + 1 + stars, lookup: moduleLookup(program, module.file), work: env.work };
  const binding = bindingOfExport(site, program);
  return binding && { binding, env: moduleEnv };
}

function bindingOfExport(site: ExportSite, program: TSESTree.Program): Binding | null {
  switch (site.kind) {
    case 'local':
      return topLevelBinding(program, site.id.name);
    case 'default':
      return isExpression(site.node) ? { kind: 'value', init: site.node, path: [], annotation: null } : null;
    case 'variable':
      return valueBinding(site.node, []);
    case 'declaration':
      if (site.node.type === T.TSTypeAliasDeclaration) return { kind: 'type', annotation: site.node.typeAnnotation };
      // A function, class or enum: not a value we trace.
      return site.node.type === T.TSInterfaceDeclaration ? { kind: 'interface', decl: site.node } : null;
    case 'import':
      return { kind: 'import', source: site.source, imported: site.imported };
  }
}

/** Top-level names of a module read from disk; scopes (built on first use) only inside its functions. */
function moduleLookup(program: TSESTree.Program, file: FileContext): ModuleEnv['lookup'] {
  const scoped = lookupIn(file);
  return (id) => (insideFunction(id) ? scoped(id) : topLevelBinding(program, id.name));
}

function insideFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) if (ASTUtils.isFunction(current)) return true;
  return false;
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
        if (d.id.type === T.Identifier && d.id.name === name) return valueBinding(d, []);
        const path = d.init && d.id.type !== T.Identifier ? findPatternName(d.id, name) : null;
        if (path && d.init) return valueBinding(d, path);
      }
    } else if (statement.type === T.TSTypeAliasDeclaration && statement.id.name === name) {
      return { kind: 'type', annotation: statement.typeAnnotation };
    } else if (statement.type === T.TSInterfaceDeclaration && statement.id.name === name) {
      return { kind: 'interface', decl: statement };
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
