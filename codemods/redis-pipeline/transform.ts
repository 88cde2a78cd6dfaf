import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileInfo } from 'jscodeshift';
import type { HotpathApi, JscodeshiftCodemod } from '../../src/codemods/contract.js';
import { analyzeSource } from '../../src/codemods/analyze.js';
import { removeDeadImports } from '../../src/codemods/dead-imports.js';
import { argsText, indentBefore, text } from '../../src/codemods/source-text.js';
import { findRedisPerItem, findUnbatchedRuns } from '../../src/detect/unbatched-redis.js';
import { REDIS_BATCH_FORMS, type RedisBatchForm } from '../../src/knowledge/redis-batch-forms.js';
import { IOREDIS_REPLY_TYPES } from '../../src/knowledge/redis-commands.js';
import { memberName } from '../../src/recognizers/chain.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';
import { isPromiseCombinator } from '../../src/recognizers/per-item.js';
import type { RedisCommand } from '../../src/recognizers/redis-command.js';

/**
 * A replacement of `source.slice(start, end)`, a site left alone and why, or a per-item command at `site`
 * that is left alone unless a rewrite of its loop covers it. `finding` is the line `no-unbatched-redis`
 * reports the site on.
 */
type Plan = { finding: number } & Action;
type Action =
  | { start: number; end: number; text: string; helper: Dialect | null }
  | { line: number; reason: string }
  | { site: number; line: number; reason: string };
type Edit = Extract<Plan, { start: number }>;
type Left = Extract<Plan, { reason: string }>;

/** How one client library batches: its pipeline, how it is sent, its MGET, and the helper that unpacks replies. */
interface Dialect {
  open(receiver: string): string;
  send(batch: string): string;
  /** Sends a batch that may be empty (a loop over no items). */
  sendAll(batch: string): string;
  mget: string;
  /** The batch infers the types of its replies itself: no cast to the reply types is written. */
  typed: boolean;
  helper: string;
  helperSource: string;
}

// ioredis' exec() resolves to [error, reply] pairs and never rejects: without the helper a failing command
// would pass silently where the separate commands threw.
const IOREDIS: Dialect = {
  ...batchCalls(REDIS_BATCH_FORMS.ioredis),
  typed: false,
  helper: 'redisPipelineResults',
  helperSource: `
/** Added by \`hotpath codemod redis-pipeline\`: the replies of an ioredis pipeline, throwing its first error as the separate commands did. */
async function redisPipelineResults(pending: Promise<Array<[Error | null, unknown]> | null>): Promise<unknown[]> {
  const results = await pending;
  if (!results) throw new Error("the Redis pipeline was discarded");
  for (const [error] of results) if (error) throw error;
  return results.map(([, reply]) => reply);
}
`,
};

// node-redis' execAsPipeline() rejects with one MultiErrorReply for all failed commands: the helper throws the
// first failed command's own error instead, as the separate commands did.
const NODE_REDIS: Dialect = {
  ...batchCalls(REDIS_BATCH_FORMS['node-redis']),
  typed: false,
  helper: 'redisBatchResults',
  helperSource: `
/** Added by \`hotpath codemod redis-pipeline\`: the replies of a node-redis pipeline, throwing its first failed command's error as the separate commands did. */
async function redisBatchResults(pending: Promise<unknown[]>): Promise<unknown[]> {
  try {
    return await pending;
  } catch (error) {
    const failed = error as { replies?: unknown[]; errorIndexes?: number[] };
    const first = failed.errorIndexes?.[0];
    throw first !== undefined && failed.replies ? failed.replies[first] : error;
  }
}
`,
};

// @upstash/redis' exec() throws the first failed command's error as "Command 2 [ incr ] failed: …"; the command
// alone (auto-pipelined, the client's default) threw "Command failed: …": the helper rethrows it so. Its exec()
// infers the reply types, and rejects an empty pipeline, which a loop over no items would send.
const UPSTASH: Dialect = {
  ...batchCalls(REDIS_BATCH_FORMS.upstash),
  sendAll: (batch) => `${batch}.length() > 0 ? ${batch}.exec() : Promise.resolve([])`,
  typed: true,
  helper: 'upstashPipelineResults',
  helperSource: `
/** Added by \`hotpath codemod redis-pipeline\`: the replies of an Upstash pipeline, throwing a failed command's error as the command alone did. */
async function upstashPipelineResults<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replace(/^Command \\d+ \\[ [^\\]]+ \\] failed: /, "Command failed: ");
    throw error;
  }
}
`,
};

function batchCalls(form: RedisBatchForm): Pick<Dialect, 'open' | 'send' | 'sendAll' | 'mget'> {
  const send = (batch: string) => `${batch}.${form.send}()`;
  return { open: (receiver) => `${receiver}.${form.open}()`, send, sendAll: send, mget: form.mget };
}

const BATCH = 'redisBatch';

/**
 * Rewrites Redis commands that could share a round trip (ioredis and Upstash with `pipeline()…exec()`, node-redis
 * with `multi()…execAsPipeline()`):
 *   const a = await redis.get(k1); const b = await redis.get(k2);
 *   → const [a, b] = (await redisPipelineResults(redis.pipeline().get(k1).get(k2).exec())) as [string | null, string | null];
 *   await Promise.all(keys.map((k) => redis.get(k)))
 *   → await (keys.length > 0 ? redis.mget(keys.map((k) => k)) : Promise.resolve([]))
 *   for (const x of xs) await redis.set(…);
 *   → { const redisBatch = redis.pipeline(); for (const x of xs) redisBatch.set(…); await redisPipelineResults(redisBatch.exec()); }
 */
export default function transform(file: FileInfo, api: HotpathApi): string | undefined {
  const source = file.source;
  const { edits, left } = planFile(source, file.path);
  let output = source;
  const helpers = new Set<Dialect>();
  let last = Infinity;
  for (const edit of edits) {
    if (edit.end > last) continue; // nested in an edit already made
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
    if (edit.helper) helpers.add(edit.helper);
    last = edit.start;
  }
  for (const plan of left) api.bail(plan.line, plan.reason);
  for (const dialect of helpers) {
    if (!new RegExp(`function ${dialect.helper}\\b`).test(output)) output = output.replace(/\n*$/, '\n') + dialect.helperSource;
  }
  output = removeDeadImports(source, output, file.path);
  return output === source ? undefined : output;
}

/** The lines `no-unbatched-redis` reports in `source` that this codemod rewrites, and those it lists with a reason. */
export function pipelineSites(source: string, filePath: string): { rewritten: number[]; listed: number[] } {
  const { plans, left } = planFile(source, filePath);
  return { rewritten: plans.filter((p) => !left.includes(p as Left)).map((p) => p.finding), listed: left.map((p) => p.finding) };
}

/** Every plan; the edits from the end of the file back; what is left alone, in line order. */
function planFile(source: string, filePath: string): { plans: Plan[]; edits: Edit[]; left: Left[] } {
  const plans = analyzeSource<Plan>(source, filePath, (ctx, found) => ({
    Program: (node) => planRuns(node.body as TSESTree.Statement[], node, ctx, source).forEach(found),
    BlockStatement: (node) => planRuns(node.body, node, ctx, source).forEach(found),
    CallExpression: (node) => {
      const plan = planMget(node, ctx, source) ?? perItemSite(node, ctx);
      if (plan) found(plan);
    },
    ForOfStatement: (node) => {
      const plan = planLoop(node, ctx, source);
      if (plan) found(plan);
    },
  }));
  const edits = plans.filter((p): p is Edit => 'start' in p).sort((a, b) => b.start - a.start);
  // A per-item command inside a rewritten loop or MGET is handled; elsewhere it is left, and listed.
  const left = plans.filter((p): p is Left => 'reason' in p && !('site' in p && edits.some((e) => e.start <= p.site && p.site < e.end)));
  return { plans, edits, left: left.sort((a, b) => a.line - b.line) };
}

function planRuns(body: TSESTree.Statement[], block: TSESTree.Node, file: FileContext, source: string): Plan[] {
  return findUnbatchedRuns(body, block, file).map((run) => ({ finding: run[0]!.node.loc.start.line, ...planRun(run, source) }));
}

function planRun(run: RedisCommand[], source: string): Action {
  const first = run[0]!;
  const line = first.node.loc.start.line;
  const dialect = dialectOf(first);
  if (typeof dialect === 'string') return { line, reason: dialect };
  const receiver = text(source, first.receiver);
  if (run.some((c) => text(source, c.receiver) !== receiver)) return { line, reason: 'the commands go to different clients' };
  const statements = run.map((c) => statementOf(c.node));
  const block = statements[0]!.parent;
  if (statements.some((s) => s.parent !== block)) {
    return { line, reason: 'a command runs under an `if`: queue it on the pipeline under the same test by hand' };
  }
  const start = statements[0]!.range[0];
  const end = statements.at(-1)!.range[1];
  const between = statements.slice(1).map((s, i) => source.slice(statements[i]!.range[1], s.range[0]));
  if (between.some((gap) => /\/[/*]/.test(gap))) return { line, reason: 'comments between the commands would be lost' };
  // The rule also groups commands around statements that await nothing and read no reply (a key computed).
  if (between.some((gap) => gap.trim() !== '')) {
    return { line, reason: 'other statements stand between the commands: move them above the first command, then run again' };
  }
  const names = statements.map((s) => (s.type === T.VariableDeclaration ? text(source, s.declarations[0]!.id) : ''));
  const types = run.map((c) => IOREDIS_REPLY_TYPES.get(c.command.name));
  const unknown = dialect.typed ? undefined : run.find((c, i) => names[i] && !types[i]);
  if (unknown) return { line, reason: `the reply type of ${unknown.command.name.toUpperCase()} is not known: batch it by hand` };
  const calls = run.map((c) => callText(source, c.node)).join('');
  const exec = `${dialect.helper}(${dialect.send(`${dialect.open(receiver)}${calls}`)})`;
  const declared = statements.filter((s): s is TSESTree.VariableDeclaration => s.type === T.VariableDeclaration);
  if (declared.length === 0) return { start, end, text: `await ${exec};`, helper: dialect };
  const kind = declared.some((d) => d.kind !== 'const') ? 'let' : 'const';
  if (dialect.typed) return { start, end, text: `${kind} [${names.join(', ')}] = await ${exec};`, helper: dialect };
  const tuple = types.map((t, i) => (names[i] ? t : 'unknown')).join(', ');
  return { start, end, text: `${kind} [${names.join(', ')}] = (await ${exec}) as [${tuple}];`, helper: dialect };
}

/** `Promise.all(keys.map((k) => redis.get(f(k))))` → one MGET. */
function planMget(node: TSESTree.CallExpression, file: FileContext, source: string): Plan | null {
  if (!isPromiseCombinator(node) || memberName(node.callee as TSESTree.MemberExpression) !== 'all') return null;
  const map = node.arguments[0];
  if (map?.type !== T.CallExpression || map.callee.type !== T.MemberExpression || memberName(map.callee) !== 'map') return null;
  const callback = map.arguments[0];
  if (callback?.type !== T.ArrowFunctionExpression || callback.body.type !== T.CallExpression) return null;
  const command = findRedisPerItem(callback.body, file)?.command;
  if (command?.command.name !== 'get') return null;
  const finding = command.node.loc.start.line;
  const line = node.loc.start.line;
  const dialect = dialectOf(command);
  if (typeof dialect === 'string') return { finding, line, reason: dialect };
  if (command.cluster) return { finding, line, reason: 'on a cluster, MGET needs every key in one hash slot: use a pipeline by hand' };
  if (callback.params.length !== 1 || command.node.arguments.length !== 1) return { finding, line, reason: 'the callback is not a plain key mapping' };
  const keys = text(source, map.callee.object);
  const param = text(source, callback.params[0]!);
  const key = text(source, command.node.arguments[0]!);
  // Upstash's GET<T> reads T | null; its MGET takes the array type of the replies.
  const typeArguments = command.node.typeArguments;
  const replies = dialect.typed && typeArguments ? `<(${text(source, typeArguments).slice(1, -1)} | null)[]>` : '';
  return {
    finding,
    start: node.range[0],
    end: node.range[1],
    text: `(${keys}.length > 0 ? ${text(source, command.receiver)}.${dialect.mget}${replies}(${keys}.map((${param}) => ${key})) : Promise.resolve([]))`,
    helper: null,
  };
}

/** `for (const x of xs) await redis.set(…)`: the commands are queued in one pipeline, sent once. */
function planLoop(loop: TSESTree.ForOfStatement, file: FileContext, source: string): Plan | null {
  const body = loop.body.type === T.BlockStatement && loop.body.body.length === 1 ? loop.body.body[0]! : loop.body;
  const awaited = body.type === T.ExpressionStatement && body.expression.type === T.AwaitExpression ? body.expression : null;
  if (awaited?.argument.type !== T.CallExpression) return null;
  const command = findRedisPerItem(awaited.argument, file)?.command;
  if (!command) return null;
  const finding = command.node.loc.start.line;
  const line = loop.loc.start.line;
  const dialect = dialectOf(command);
  if (typeof dialect === 'string') return { finding, line, reason: dialect };
  if (command.command.kind !== 'write') return { finding, line, reason: 'a read per item whose replies are dropped: check what the loop needs' };
  if (loop.await) return { finding, line, reason: 'the items arrive asynchronously (for await)' };
  const indent = indentBefore(source, loop);
  const queued = `${BATCH}${callText(source, command.node)};`;
  const head = source.slice(loop.range[0], loop.body.range[0]);
  // A block of its own, so that two rewritten loops in one function do not both declare the batch.
  const lines = [
    `const ${BATCH} = ${dialect.open(text(source, command.receiver))};`,
    `${head}${queued}`,
    `await ${dialect.helper}(${dialect.sendAll(BATCH)});`,
  ];
  return {
    finding,
    start: loop.range[0],
    end: loop.range[1],
    text: `{\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}}`,
    helper: dialect,
  };
}

/** A command run per item that no rewrite shape matches: said, so the summary lists it. */
function perItemSite(node: TSESTree.CallExpression, file: FileContext): Plan | null {
  if (!findRedisPerItem(node, file)) return null;
  return {
    finding: node.loc.start.line,
    site: node.range[0],
    line: node.loc.start.line,
    reason: 'a command per item in a shape this codemod does not rewrite: batch it by hand (mget, or one pipeline)',
  };
}

/** The client's batched form, or why there is none to write. */
function dialectOf(command: RedisCommand): Dialect | string {
  if (command.client === 'ioredis') return IOREDIS;
  if (command.client === 'node-redis') return NODE_REDIS;
  if (command.client === 'upstash') return UPSTASH;
  return 'the Redis client library is not known, so neither is its batched form';
}

function statementOf(node: TSESTree.Node): TSESTree.Statement {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== T.BlockStatement && current.parent.type !== T.Program) current = current.parent;
  return current as TSESTree.Statement;
}

/** `.get<string>(key)`: the method with its type arguments and arguments, to chain on a batch. */
function callText(source: string, call: TSESTree.CallExpression): string {
  const method = memberName(call.callee as TSESTree.MemberExpression);
  return `.${method}${call.typeArguments ? text(source, call.typeArguments) : ''}(${argsText(source, call)})`;
}

export const codemod: JscodeshiftCodemod = {
  kind: 'jscodeshift',
  name: 'redis-pipeline',
  description: 'Redis commands that could share a round trip → one pipeline or MGET (ioredis, node-redis, Upstash)',
  transform,
};
