import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { recognizeDrizzleQuery } from './drizzle-query.js';
import { originOf } from './origin.js';

const queries = (code: string, mode: Mode) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      return recognizeDrizzleQuery(node as TSESTree.CallExpression, file)?.description ?? null;
    },
  });

// What untyped linting reads of how real apps create and pass their database (test/fixtures/project/lib/real-shapes.ts).
describe.for(MODES)('the origin of a database, read syntactically (%s)', (mode) => {
  it.for([
    ['a declared type wins over an untraceable initializer', 'import { cachedDb as db } from "./lib/real-shapes.js";\nexport const f = async () => await db.select().from(users);'],
    ['a lazy singleton getter (`??=`)', 'import { getDb } from "./lib/real-shapes.js";\nexport const f = async () => await getDb().select().from(users);'],
    ['a parameter typed `Awaited<ReturnType<typeof connectDb>>` through an alias', 'import type { ConnectedDb } from "./lib/real-shapes.js";\nexport const f = async (db: ConnectedDb) => await db.select().from(users);'],
    ['a destructured member of a type literal (`{ tx }: PhaseContext`)', 'import type { PhaseContext } from "./lib/real-shapes.js";\nexport const f = async ({ tx }: PhaseContext) => await tx.select().from(users);'],
    ['a member of an interface (`ctx.db`)', 'import type { ServiceContext } from "./lib/real-shapes.js";\nexport const f = async (ctx: ServiceContext) => await ctx.db.select().from(users);'],
    ['a local type alias and `typeof`', 'import { db as base } from "./lib/db.js";\ntype Db = typeof base;\nexport const f = async (db: Db) => await db.select().from(users);'],
    ['a barrel whose `export * from "drizzle-orm"` comes first', 'import { cachedDb } from "./lib/barrel.js";\nexport const f = async () => await cachedDb.select().from(users);'],
    ['the callback of a project wrapper (`withTransaction(db, async (tx) => …)`)', 'import { cachedDb, withTransaction } from "./lib/real-shapes.js";\nexport const f = () => withTransaction(cachedDb, async (tx) => { await tx.select().from(users); });'],
    ['a callback in an options object (`{ handleAsync: async (db) => … }`)', 'import { cachedDb, handleTransactions } from "./lib/real-shapes.js";\nexport const f = () => handleTransactions(cachedDb, { async handleAsync(db) { await db.select().from(users); } });'],
    ['a class field typed with an alias', 'import type { ConnectedDb } from "./lib/real-shapes.js";\nexport class Repo {\n  constructor(private db: ConnectedDb) {}\n  all() { return this.db.select().from(users); }\n}'],
  ])('%s', ([, body]) => {
    const code = `import { users } from "./lib/schema.js";\n${body}`;
    expect(queries(code, mode).length, code).toBe(1);
  });

  it('a member typed as something else stays unknown, whatever its name', () => {
    const code = dedent`
      import type { Cache } from "./lib/real-shapes.js";
      export const f = async (cache: Cache) => await cache.db.get("k")!.select().from("users");
    `;
    expect(queries(code, mode)).toEqual([]);
  });
});

describe('origin paths', () => {
  it('name the library value, and keep member steps after a type', () => {
    const code = dedent`
      import type { PhaseContext } from "./lib/real-shapes.js";
      export const f = ({ tx }: PhaseContext) => tx.query;
    `;
    const origins = probe(code, 'untyped', {
      on: 'MemberExpression',
      run: (node, file) => JSON.stringify(originOf(node, file)),
    });
    expect(origins).toEqual(['2: {"package":"drizzle-orm","path":["type","NodePgDatabase","query"]}']);
  });
});

// No origin at all: a context key nobody configured, a client from a package that is not in the checkout.
describe.for(MODES)('a receiver that cannot be traced (%s)', (mode) => {
  it.for([
    ['`ctx.database`, with a condition on a Drizzle column', 'export const f = async (ctx: { database: any }, id: number) => await ctx.database.select().from(users).where(eq(users.id, id));', 1],
    ['a client of a package not in the checkout, with a relational `where`', 'import { client } from "@acme/not-installed";\nexport const f = async (id: number) => await client.query.users.findFirst({ where: eq(users.id, id) });', 1],
    ['a parameter typed with a type from a package not in the checkout', 'import type { Database } from "@acme/not-installed";\nexport const f = async (db: Database, id: number) => await db.delete(users).where(eq(users.id, id));', 1],
    ['a parameter whose declared type is not a database', 'export const f = async (db: { select(): { from(t: unknown): Promise<unknown[]> } }) => await db.select().from(users);', 0],
    ['a table defined with pgTable, without a condition', 'export const f = async (ctx: { database: any }) => await ctx.database.insert(users).values({ name: "x" });', 1],
    ['a string table and a local `eq` (not Drizzle)', 'const eq = (a: unknown, b: unknown) => [a, b];\nexport const f = async (knex: any) => await knex.select().from("users").where(eq("id", 1));', 0],
    ['a receiver traced to something else', 'const db = new Map<string, any>();\nexport const f = async () => await db.get("x").select().from(users).where(eq(users.id, 1));', 0],
  ] as const)('%s', ([, body, count]) => {
    const code = `import { eq } from "drizzle-orm";\nimport { users } from "./lib/schema.js";\n${body}`;
    expect(queries(code, mode).length, code).toBe(count);
  });
});

describe('a walk that cannot end', () => {
  it('stops on type aliases that refer to each other, and on self-returning functions', () => {
    const code = dedent`
      type A = B | { db: A };
      type B = A;
      function again(): ReturnType<typeof again> { return again(); }
      export const f = async (x: A, y: B) => { await x.db.select(); await y.select(); await again().select(); };
    `;
    expect(queries(code, 'untyped')).toEqual([]);
  });
});

