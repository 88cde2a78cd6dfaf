import { ASTUtils, AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { DEFERRED_CALLBACKS, ITERATION_METHODS, PACING_CALLS, PROMISE_COMBINATORS } from '../knowledge/iteration-calls.js';
import { importedName, memberName } from './chain.js';
import { walk } from './walk.js';
import { isIterableType, type TypeServices } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type IterationKind =
  | 'for'
  | 'for-of'
  | 'for-await'
  | 'for-in'
  | 'while'
  | 'do-while'
  | 'callback';

/** A place where code runs once per item of a collection. */
export interface Iteration {
  kind: IterationKind;
  /** The loop statement, or the callback function of `.map()` & co. */
  node: TSESTree.Node;
  /** `.map`, `.forEach`… for callbacks, `Array.from` for its mapper; `null` for loops. */
  method: string | null;
  /** What is iterated (`posts` in `for (const p of posts)` or `posts.map(…)`), when known. */
  collection: TSESTree.Expression | null;
  /** The names the iteration binds per item: the loop variable(s), or the callback's parameters. */
  variables: TSESTree.Identifier[];
  /** `Promise.all(xs.map(async …))`: the items run concurrently, still one call each. */
  concurrent: boolean;
  /** A loop over an array literal of constants (`for (const r of ['a', 'b'])`): its length. */
  literalSize: number | null;
  /**
   * A loop that runs until a value computed inside it says stop: a cursor walk or a fetch-until-empty loop
   * (each iteration needs the previous result), or a retry loop that leaves on the first success.
   */
  untilDone: boolean;
  /**
   * Each pass handles a chunk or a tick, not an item: `for (let i = 0; i < rows.length; i += 500)`,
   * `for (const chunk of chunk(rows, 100))`, or a polling loop that sleeps between passes. One statement
   * per pass is how such code batches.
   */
  chunked: boolean;
}

/**
 * The innermost iteration that evaluates `node` once per item, or `null`. Walks up through blocks,
 * expressions, immediately invoked functions and callbacks of ordinary calls (`db.transaction(async (tx) =>
 * …)` runs where it is called); stops at a function that is only defined here. With types, a `.map()` on a
 * value that is not iterable (an `Option`, an RxJS stream) is not an iteration.
 *
 * Knowingly not handled: recursion, iteration through generators, and callbacks handed to functions that
 * call them per item without being array methods (`_.map`, `async.eachSeries`).
 */
export function findIteration(node: TSESTree.Node, context: Context, types?: TypeServices): Iteration | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case T.ForStatement:
        if (child !== parent.init) return loopIteration(parent, 'for', null, context);
        break;
      case T.ForOfStatement:
        if (child === parent.body) {
          return loopIteration(parent, parent.await ? 'for-await' : 'for-of', parent.right, context);
        }
        break;
      case T.ForInStatement:
        if (child === parent.body) return loopIteration(parent, 'for-in', parent.right, context);
        break;
      case T.WhileStatement:
        return loopIteration(parent, 'while', null, context);
      case T.DoWhileStatement:
        return loopIteration(parent, 'do-while', null, context);
      case T.FunctionDeclaration:
        return null;
      case T.ArrowFunctionExpression:
      case T.FunctionExpression: {
        const iteration = callbackIteration(parent, context, types);
        if (iteration) return iteration;
        if (!runsWhereDefined(parent)) return null;
        break;
      }
      default:
        if (parent.type === T.ClassBody || parent.type === T.Program) return null;
    }
  }
  return null;
}

// One answer per loop or callback node: every call in a loop body asks about the same loop. Keyed by AST
// nodes, so entries die with the file's AST.
const loops = new WeakMap<TSESTree.Node, Iteration>();
const callbacks = new WeakMap<TSESTree.Node, Iteration | null>();

function loopIteration(
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement,
  kind: IterationKind,
  collection: TSESTree.Expression | null,
  context: Context,
): Iteration {
  let iteration = loops.get(loop);
  if (!iteration) {
    iteration = describeLoop(loop, kind, collection, context);
    loops.set(loop, iteration);
  }
  return iteration;
}

function describeLoop(
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement,
  kind: IterationKind,
  collection: TSESTree.Expression | null,
  context: Context,
): Iteration {
  const counted = loop.type === T.ForStatement ? countedCollection(loop.test) : null;
  return {
    kind,
    node: loop,
    method: null,
    collection: collection ?? counted,
    variables: loopVariables(loop),
    concurrent: false,
    literalSize: collection ? literalArraySize(collection, context) : null,
    untilDone: collection ? false : isUntilDone(loop, context),
    chunked: isChunked(loop, collection),
  };
}

const CHUNK = /chunk/i;
// `fetchInBatches(…)`, `batched(…)`: a producer of batches. Not `listNotificationBatches()`, whose rows are
// entities that happen to be called batches.
const BATCHES = /(?:^|in|into|by)batch(?:es|ed)?$/i;

/**
 * `for (const chunk of chunks)`, `chunk(ids, 100).map((part) => …)`: the items are chunks. Not the items
 * of one chunk (`chunk.map((item) => …)`), each of which is still one statement.
 */
function iteratesChunks(collection: TSESTree.Expression, item: TSESTree.Identifier | undefined): boolean {
  if (item && CHUNK.test(item.name)) return true;
  if (collection.type === T.CallExpression) {
    const name = calleeName(collection.callee) ?? '';
    return CHUNK.test(name) || BATCHES.test(name);
  }
  return collection.type === T.Identifier && /chunks$/i.test(collection.name);
}

function isChunked(
  loop: TSESTree.ForStatement | TSESTree.ForOfStatement | TSESTree.ForInStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement,
  collection: TSESTree.Expression | null,
): boolean {
  if (loop.type === T.ForStatement && loop.update && isStride(loop.update)) return true;
  if (collection) return iteratesChunks(collection, loopVariables(loop)[0]);
  if (loop.type === T.ForStatement && (loop.test || loop.init)) return false;
  let paced = false;
  walk(loop.body, (node) => {
    if (paced) return false;
    if (node.type === T.CallExpression && PACING_CALLS.has(calleeName(node.callee) ?? '')) paced = true;
    return !paced && !ASTUtils.isLoop(node);
  });
  return paced;
}

// `i += size`, `i = i + size`: a step other than one.
function isStride(update: TSESTree.Expression): boolean {
  if (update.type !== T.AssignmentExpression) return false;
  const step = update.operator === '+=' ? update.right : update.operator === '=' && update.right.type === T.BinaryExpression && update.right.operator === '+' ? update.right.right : null;
  return step !== null && !(step.type === T.Literal && step.value === 1);
}

function calleeName(callee: TSESTree.Node): string | null {
  if (callee.type === T.Identifier) return callee.name;
  return callee.type === T.MemberExpression ? memberName(callee) : null;
}

function loopVariables(loop: TSESTree.Node): TSESTree.Identifier[] {
  if (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) return declaredNames(loop.left);
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration) return declaredNames(loop.init);
  return [];
}

/** The identifiers a declaration or pattern binds: `{ id, author: { name } }` gives `id` and `name`. */
function declaredNames(node: TSESTree.Node): TSESTree.Identifier[] {
  const names: TSESTree.Identifier[] = [];
  walk(node, (n, parent) => {
    // A key names the property, not a binding; in `{ id }` the value node is the binding.
    const isKey = parent?.type === T.Property && parent.key === n && parent.value !== n;
    const isValue = parent?.type === T.AssignmentPattern && parent.right === n;
    if (n.type === T.Identifier && !isKey && !isValue) names.push(n);
    return !isValue && n.type !== T.TSTypeAnnotation && !(parent?.type === T.VariableDeclarator && parent.init === n);
  });
  return names;
}

/** The array-method call (`xs.map(fn)`, `Array.from(xs, fn)`) that runs `fn` per element, if any. */
export function findIterationCall(
  fn: TSESTree.Node,
): { call: TSESTree.CallExpression; method: string; collection: TSESTree.Expression } | null {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.callee.type !== T.MemberExpression) return null;
  const method = memberName(call.callee);
  if (method && ITERATION_METHODS.has(method) && call.arguments[0] === fn) {
    return { call, method, collection: call.callee.object };
  }
  const array = call.callee.object;
  const source = call.arguments[0];
  if (method === 'from' && call.arguments[1] === fn && array.type === T.Identifier && array.name === 'Array') {
    return source && source.type !== T.SpreadElement ? { call, method: 'Array.from', collection: source } : null;
  }
  return null;
}

function callbackIteration(
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
  context: Context,
  types: TypeServices | undefined,
): Iteration | null {
  if (!callbacks.has(fn)) callbacks.set(fn, describeCallback(fn, context));
  const iteration = callbacks.get(fn)!;
  if (iteration && iteration.method !== 'Array.from' && types && isIterableType(types, iteration.collection!) === false) {
    return null;
  }
  return iteration;
}

function describeCallback(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression, context: Context): Iteration | null {
  const found = findIterationCall(fn);
  if (!found) return null;
  const { call, method, collection } = found;
  return {
    kind: 'callback',
    node: fn,
    method,
    collection,
    variables: fn.params.flatMap(declaredNames),
    concurrent: isPromiseCombinatorArgument(call),
    literalSize: literalArraySize(collection, context),
    untilDone: false,
    chunked: collection ? iteratesChunks(collection, fn.params[0]?.type === T.Identifier ? fn.params[0] : undefined) : false,
  };
}

/** Immediately invoked, `new Promise(executor)`, or a callback of an ordinary call: it runs here. */
export function runsWhereDefined(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): boolean {
  const parent = fn.parent;
  if (parent?.type === T.CallExpression && parent.callee === fn) return true;
  if ((parent?.type === T.CallExpression || parent?.type === T.NewExpression) && parent.arguments.includes(fn)) {
    const callee = parent.callee;
    const name =
      callee.type === T.Identifier ? importedAs(callee) : callee.type === T.MemberExpression ? memberName(callee) : null;
    return name === null || !DEFERRED_CALLBACKS.has(name);
  }
  return false;
}

/** The name a library exports an identifier under: `scheduleJob` for `import { scheduleJob as schedule }`. */
function importedAs(id: TSESTree.Identifier): string {
  let program: TSESTree.Node = id;
  while (program.parent) program = program.parent;
  if (program.type !== T.Program) return id.name;
  for (const statement of program.body) {
    if (statement.type !== T.ImportDeclaration) continue;
    const specifier = statement.specifiers.find((s) => s.local.name === id.name);
    if (specifier) return specifier.type === T.ImportSpecifier ? importedName(specifier) : id.name;
  }
  return id.name;
}

/** `Promise.all(xs.map(…))`, also through `await`/`as`. */
function isPromiseCombinatorArgument(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type !== T.CallExpression || !parent.arguments.includes(node as TSESTree.Expression)) return false;
  return isPromiseCombinator(parent);
}

/** `Promise.all(…)`, `Promise.allSettled(…)`, `Promise.any(…)`, `Promise.race(…)`. */
export function isPromiseCombinator(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === T.MemberExpression &&
    callee.object.type === T.Identifier &&
    callee.object.name === 'Promise' &&
    PROMISE_COMBINATORS.has(memberName(callee) ?? '')
  );
}

/** The iterated collection as short code for messages (`input.ids`), or `null` when there is none. */
export function collectionText(iteration: Iteration, getText: (node: TSESTree.Node) => string): string | null {
  if (!iteration.collection) return null;
  const text = getText(iteration.collection).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** `i < items.length` gives `items`. */
function countedCollection(test: TSESTree.Expression | null): TSESTree.Expression | null {
  if (test?.type !== T.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return null;
  const bound = test.right;
  return bound.type === T.MemberExpression && memberName(bound) === 'length' ? bound.object : null;
}

/** The length of an array literal of constants, directly or through a `const` in scope; else `null`. */
function literalArraySize(expr: TSESTree.Expression, context: Context): number | null {
  let node: TSESTree.Node = unwrap(expr);
  if (node.type === T.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
    const def = variable?.defs[0];
    if (
      def?.node.type !== T.VariableDeclarator ||
      def.node.id !== def.name ||
      def.node.parent.kind !== 'const' ||
      !def.node.init
    ) {
      return null;
    }
    node = unwrap(def.node.init);
  }
  if (node.type !== T.ArrayExpression) return null;
  return node.elements.every((e) => e !== null && isConstant(e)) ? node.elements.length : null;
}

function isConstant(node: TSESTree.Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case T.Literal:
      return true;
    case T.TemplateLiteral:
      return inner.expressions.length === 0;
    case T.UnaryExpression:
      return isConstant(inner.argument);
    case T.MemberExpression:
      // An enum member or a constant of a frozen table: `Role.Admin`.
      return inner.object.type === T.Identifier && !inner.computed;
    case T.ObjectExpression:
      return inner.properties.every((p) => p.type === T.Property && !p.computed && isConstant(p.value));
    default:
      return false;
  }
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let inner = node;
  while (
    inner.type === T.TSAsExpression ||
    inner.type === T.TSSatisfiesExpression ||
    inner.type === T.TSNonNullExpression
  ) {
    inner = inner.expression;
  }
  return inner;
}

/**
 * A loop without a collection whose exit depends on what the body computes: `while (cursor)` with `cursor`
 * assigned in the body, `for (;;) { const rows = …; if (!rows.length) break; }`, or a retry loop that
 * returns or breaks from its `try` block after the first success.
 */
function isUntilDone(
  loop: TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement,
  context: Context,
): boolean {
  if (loop.type === T.ForInStatement || loop.type === T.ForOfStatement) return false;
  const body = loop.body;
  if (loop.test && !isConstantTrue(loop.test) && identifiers(loop.test).some((id) => isAssignedWithin(id, body, context))) {
    return true;
  }
  let found = false;
  walk(body, (node) => {
    if (found) return false;
    if (node.type === T.TryStatement) {
      found = node.block.body.some((s) => s.type === T.ReturnStatement || s.type === T.BreakStatement);
      return !found;
    }
    if (node.type === T.IfStatement && exits(node.consequent)) {
      found = identifiers(node.test).some((id) => isDeclaredOrAssignedWithin(id, body, context));
      return !found;
    }
    return !ASTUtils.isFunction(node) && !ASTUtils.isLoop(node);
  });
  return found;
}

function isConstantTrue(test: TSESTree.Expression): boolean {
  return test.type === T.Literal && test.value === true;
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === T.BreakStatement || statement.type === T.ReturnStatement) return !('label' in statement && statement.label);
  return statement.type === T.BlockStatement && statement.body.some(exits);
}

/** Is `id` given a new value (`cursor = page.next`) in `region`? Counters (`i++`, `n += 1`) are not. */
function isAssignedWithin(id: TSESTree.Identifier, region: TSESTree.Node, context: Context): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  return Boolean(
    variable?.references.some((ref) => {
      const parent = ref.identifier.parent;
      const counter =
        parent?.type === T.UpdateExpression || (parent?.type === T.AssignmentExpression && parent.operator !== '=');
      return ref.isWrite() && !counter && within(ref.identifier, region);
    }),
  );
}

function isDeclaredOrAssignedWithin(id: TSESTree.Identifier, region: TSESTree.Node, context: Context): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  if (!variable) return false;
  return (
    variable.defs.some((def) => within(def.name, region)) ||
    variable.references.some((ref) => ref.isWrite() && within(ref.identifier, region))
  );
}

/**
 * Does `expr` change from one item to the next? True when it reads a variable declared inside the iteration
 * (the loop variable, a callback parameter, a local of the body) or assigned inside it.
 */
export function dependsOnIteration(expr: TSESTree.Node, iteration: Iteration, context: Context): boolean {
  return identifiers(expr).some((id) => isDeclaredOrAssignedWithin(id, iteration.node, context));
}

/**
 * `for (…) { if (!match) continue; await db.update(…); return; }`: the statement holding `node` is followed,
 * in its block, by a `return`, `throw` or a `break` out of this loop, so it runs at most once per loop run.
 * Loops only: a `return` in a `.map()` callback ends one item, not the iteration.
 */
export function runsAtMostOnce(node: TSESTree.Node, iteration: Iteration): boolean {
  if (iteration.kind === 'callback') return false;
  for (let child: TSESTree.Node = node, parent = node.parent; parent && child !== iteration.node; child = parent, parent = parent.parent) {
    // A `return` in a function called per item (a transaction callback) ends that call, not the loop.
    if (ASTUtils.isFunction(parent) || (parent.parent && ASTUtils.isFunction(parent.parent))) return false;
    if (parent.type === T.IfStatement && parent.consequent === child && isSingleIterationTest(parent.test, iteration)) return true;
    if (parent.type !== T.BlockStatement) continue;
    const after = parent.body.slice(parent.body.indexOf(child as TSESTree.Statement) + 1);
    if (after.some((statement) => leaves(statement, iteration.node))) return true;
  }
  return false;
}

/** `i === count - 1`, `index === 0`: true for one value of a `for` loop's counter. */
function isSingleIterationTest(test: TSESTree.Expression, iteration: Iteration): boolean {
  if (iteration.kind !== 'for' || test.type !== T.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const counters = new Set(iteration.variables.map((v) => v.name));
  const [counter, other] = test.left.type === T.Identifier && counters.has(test.left.name) ? [test.left, test.right] : [test.right, test.left];
  return counter.type === T.Identifier && counters.has(counter.name) && !identifiers(other).some((id) => counters.has(id.name));
}

function leaves(statement: TSESTree.Statement, loop: TSESTree.Node): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) return true;
  if (statement.type !== T.BreakStatement) return false;
  if (statement.label) return loop.parent?.type === T.LabeledStatement && loop.parent.label.name === statement.label.name;
  // An unlabelled `break` leaves the innermost loop or switch around it: it must be this loop.
  for (let current: TSESTree.Node | undefined = statement.parent; current && current !== loop; current = current.parent) {
    if (ASTUtils.isLoop(current) || current.type === T.SwitchStatement) return false;
  }
  return true;
}

function within(node: TSESTree.Node, region: TSESTree.Node): boolean {
  return node.range[0] >= region.range[0] && node.range[1] <= region.range[1];
}

/** The identifiers an expression reads (property names and object keys are not reads). */
export function identifiers(root: TSESTree.Node): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  walk(root, (node) => {
    if (node.type === T.Identifier) {
      const parent = node.parent;
      const isKey =
        (parent?.type === T.MemberExpression && parent.property === node && !parent.computed) ||
        (parent?.type === T.Property && parent.key === node && !parent.computed && !parent.shorthand);
      if (!isKey) found.push(node);
    }
    return !node.type.startsWith('TS') || node.type === T.TSAsExpression || node.type === T.TSNonNullExpression;
  });
  return found;
}

