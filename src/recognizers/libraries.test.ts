import { describe, expect, it } from 'vitest';
import { askSubject } from '../../test/support/subject-probe.js';
import { contextKeyOf, isContextMember, isDrizzleDatabase, isProcedureBuilder, recognizeRedisClient } from './libraries.js';
import type { Origin } from './analysis-types.js';
import { originOf } from './origin.js';

const IMPORTS = `
import { drizzle } from "drizzle-orm/node-postgres";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import Redis, { Cluster } from "ioredis";
import { createClient, createCluster } from "redis";
import { Redis as Upstash } from "@upstash/redis";
import { initTRPC } from "@trpc/server";
import { db } from "./lib/db.js";
import { redis } from "./lib/redis.js";
import { publicProcedure, protectedProcedure } from "./lib/trpc.js";
const t = initTRPC.create();
`;

/** What `judge` says of the origin of `subject` in `body` (after the imports above), as originOf traces it. */
const judgeSubject = <R>(body: string, judge: (origin: Origin | null) => R, settings?: Record<string, unknown>): R[] =>
  askSubject(`${IMPORTS}${body}`, 'untyped', (init, file) => judge(originOf(init, file)), { settings });

describe('isDrizzleDatabase', () => {
  it.for([
    ['drizzle(url)', 'const subject = drizzle(process.env.DATABASE_URL!);', true],
    ['the exported db of a project module', 'const subject = db;', true],
    ['a parameter typed NodePgDatabase', 'export function f(d: NodePgDatabase) { const subject = d; }', true],
    ["a transaction's tx, and a nested one's", 'await db.transaction(async (tx) => tx.transaction(async (inner) => { const subject = inner; }));', true],
    ['a member of a database (`db.query`) is not one', 'const subject = db.query;', false],
    ['what a query returns is not one', 'const subject = await db.select().from(users);\nconst users = {};', false],
    ["drizzle itself, not called", 'const subject = drizzle;', false],
    ['an ioredis client', 'const subject = new Redis();', false],
  ] as const)('%s: %s', ([, body, expected]) => {
    expect(judgeSubject(body, isDrizzleDatabase)).toEqual([expected]);
  });

  it('takes the modules and names that settings declare', () => {
    const settings = { hotpath: { drizzle: { modules: ['@acme/db'], names: ['database'] } } };
    const body = 'import { conn } from "@acme/db";\nexport function f() { { const subject = conn; } { const subject = database; } }';
    expect(judgeSubject(body, isDrizzleDatabase, settings)).toEqual([true, true]);
    expect(judgeSubject(body, isDrizzleDatabase)).toEqual([false, false]);
  });
});

describe('contextKeyOf', () => {
  it.for([
    ['`ctx.db` in a query resolver', 'export const p = publicProcedure.query(({ ctx }) => { const subject = ctx.db; return 1; });', 'db'],
    ['`ctx.database` in a mutation, whatever the key', 'export const p = publicProcedure.mutation(({ ctx }) => { const subject = (ctx as any).database; });', 'database'],
    ['the tx of `ctx.db.transaction`', 'export const p = publicProcedure.mutation(({ ctx }) => ctx.db.transaction(async (tx) => { const subject = tx; }));', 'db'],
    ['`ctx.redis` in a middleware', 'export const m = t.middleware(({ ctx, next }) => { const subject = (ctx as any).redis; return next(); });', 'redis'],
    ['a method of the key (`ctx.db.transaction`) is no key', 'export const p = publicProcedure.query(({ ctx }) => { const subject = ctx.db.transaction; return 1; });', null],
    ['`ctx` itself', 'export const p = publicProcedure.query(({ ctx }) => { const subject = ctx; return 1; });', null],
    ['a `ctx.db` outside tRPC', 'export function f(ctx: { db: unknown }) { const subject = ctx.db; }', null],
  ] as const)('%s', ([, body, key]) => {
    expect(judgeSubject(body, contextKeyOf)).toEqual([key]);
  });
});

describe('isContextMember', () => {
  it('is a context key among those configured', () => {
    const body = 'export const p = publicProcedure.query(({ ctx }) => { const subject = (ctx as any).database; return 1; });';
    expect(judgeSubject(body, (origin) => isContextMember(origin, ['db']))).toEqual([false]);
    expect(judgeSubject(body, (origin) => isContextMember(origin, ['db', 'database']))).toEqual([true]);
  });
});

describe('isProcedureBuilder', () => {
  it.for([
    ['t.procedure', 'const subject = t.procedure;', true],
    ['a builder exported by a project module', 'const subject = publicProcedure;', true],
    ['`.use()` of an exported builder', 'const subject = protectedProcedure;', true],
    ['`.use().input().meta()` chained', 'const subject = t.procedure.use(({ next }) => next()).input(null).meta({});', true],
    ['t.router is no builder', 'const subject = t.router;', false],
    ['a resolved procedure (`.query(fn)`) is no builder', 'const subject = t.procedure.query(() => 1);', false],
    ['`.query`, not called, is no builder', 'const subject = t.procedure.query;', false],
  ] as const)('%s', ([, body, expected]) => {
    expect(judgeSubject(body, isProcedureBuilder)).toEqual([expected]);
  });

  it('takes the procedure names that settings declare', () => {
    const settings = { hotpath: { trpc: { procedures: ['authed'] } } };
    expect(judgeSubject('const subject = authed;', isProcedureBuilder, settings)).toEqual([true]);
  });
});

describe('recognizeRedisClient', () => {
  it.for([
    ['new Redis() (the default export)', 'const subject = new Redis();', { kind: 'ioredis', cluster: false, batched: null }],
    ['new Cluster()', 'const subject = new Cluster([]);', { kind: 'ioredis', cluster: true, batched: null }],
    ['new Redis.Cluster()', 'const subject = new Redis.Cluster([]);', { kind: 'ioredis', cluster: true, batched: null }],
    ["a project module's client, pipelined", 'const subject = redis.pipeline();', { kind: 'ioredis', cluster: false, batched: 'pipeline' }],
    ['a multi of it', 'const subject = redis.multi();', { kind: 'ioredis', cluster: false, batched: 'multi' }],
    ['a node-redis client, connected', 'const subject = await createClient().connect();', { kind: 'node-redis', cluster: false, batched: null }],
    ['a node-redis cluster', 'const subject = createCluster({ rootNodes: [] });', { kind: 'node-redis', cluster: true, batched: null }],
    ['new Upstash Redis', 'const subject = new Upstash({ url: "", token: "" });', { kind: 'upstash', cluster: false, batched: null }],
    ['Redis.fromEnv()', 'const subject = Upstash.fromEnv();', { kind: 'upstash', cluster: false, batched: null }],
    ['the reply of a command is no client', 'const subject = redis.get("k");', null],
    ['createClient, not called, is no client', 'const subject = createClient;', null],
    ['a Drizzle database is no client', 'const subject = db;', null],
  ] as const)('%s', ([, body, expected]) => {
    expect(judgeSubject(body, recognizeRedisClient)).toEqual([expected]);
  });

  it('takes a client that settings declare, of unknown kind, with its pipeline', () => {
    const settings = { hotpath: { redis: { modules: ['@acme/cache'], names: ['kv'] } } };
    const body = 'import { cache } from "@acme/cache";\nexport function f() { { const subject = cache.pipeline(); } { const subject = kv; } }';
    expect(judgeSubject(body, recognizeRedisClient, settings)).toEqual([
      { kind: 'unknown', cluster: false, batched: 'pipeline' },
      { kind: 'unknown', cluster: false, batched: null },
    ]);
  });
});
