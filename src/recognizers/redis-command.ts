import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { REDIS_CLIENT_PACKAGES } from '../knowledge/redis-clients.js';
import { commandOfMethod, type RedisCommandInfo } from '../knowledge/redis-commands.js';
import { memberName } from './chain.js';
import type { FileContext } from './analysis-types.js';
import { isContextMember, recognizeRedisClient, type RedisClientKind } from './libraries.js';
import { originOf } from './origin.js';
import { isTypeFromPackage } from './types.js';

export interface RedisCommand {
  node: TSESTree.CallExpression;
  command: RedisCommandInfo;
  /** The client (or pipeline) the command is called on. */
  receiver: TSESTree.Expression;
  client: RedisClientKind;
  /** An ioredis `Cluster` or node-redis `createCluster()`: multi-key commands need one hash slot. */
  cluster: boolean;
  /** Queued in `pipeline()` / `multi()` rather than sent on its own. */
  batched: 'pipeline' | 'multi' | null;
  /** The key arguments, per the command's key spec. */
  keys: TSESTree.Node[];
}

/**
 * Recognizes a Redis command call (`redis.get(k)`, `client.hGetAll(k)`, `pipe.set(k, v)`) on a client of
 * ioredis, node-redis v4/v5 or @upstash/redis: the receiver must come from the library's constructor or
 * factory (also through project modules and annotated parameters), a tRPC `ctx.<contextKey>`, or settings;
 * typed, from the library's declarations.
 *
 * Not Redis: `Map#get`, `URLSearchParams#get`, `headers.get`, other caches' `get` (their receivers have
 * other origins and types). Untyped, a client passed around without annotation is not followed.
 */
export function recognizeRedisCommand(node: TSESTree.CallExpression, file: FileContext): RedisCommand | null {
  const callee = node.callee;
  if (callee.type !== T.MemberExpression) return null;
  const method = memberName(callee);
  const command = method === null ? undefined : commandOfMethod(method);
  if (!command) return null;
  const receiver = callee.object;
  const origin = originOf(receiver, file);
  let client = recognizeRedisClient(origin);
  if (!client && isContextMember(origin, file.settings.redis.contextKeys)) {
    client = { kind: 'unknown', cluster: false, batched: null };
  }
  if (file.types) {
    const typedKind = REDIS_CLIENT_PACKAGES.find(([, packages]) => isTypeFromPackage(file.types!, receiver, packages));
    if (typedKind) client = { cluster: false, batched: null, ...client, kind: typedKind[0] };
    else if (isTypeFromPackage(file.types, receiver, REDIS_CLIENT_PACKAGES.flatMap(([, p]) => p)) === false) return null;
  }
  if (!client) return null;
  return {
    node,
    command,
    receiver,
    client: client.kind,
    cluster: client.cluster,
    batched: client.batched,
    keys: keyArguments(node.arguments, command),
  };
}

function keyArguments(args: TSESTree.CallExpressionArgument[], command: RedisCommandInfo): TSESTree.Node[] {
  switch (command.keys) {
    case 'first':
      return args.slice(0, 1);
    case 'all':
      return args;
    case 'pairs':
      return args.length === 1 ? args : args.filter((_, i) => i % 2 === 0);
    case 'none':
      return [];
  }
}
