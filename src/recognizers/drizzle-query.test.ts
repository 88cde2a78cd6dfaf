import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { recognizeDrizzleQuery } from './drizzle-query.js';

const queries = (code: string, mode: Mode, settings?: Record<string, unknown>) =>
  probe(
    code,
    mode,
    {
      on: 'CallExpression',
      run(node, file) {
        const q = recognizeDrizzleQuery(node as TSESTree.CallExpression, file);
        return q && `${q.description} [${q.operation}, ${q.execution}]`;
      },
    },
    { settings },
  );

const HEADER = dedent`
  import { and, eq, inArray, sql } from "drizzle-orm";
  import { db } from "./lib/db.js";
  import { posts, users } from "./lib/schema.js";
`;

describe.for(MODES)('recognizeDrizzleQuery (%s)', (mode) => {
  it('finds every executed query shape, once per chain', () => {
    const code = dedent`
      ${HEADER}
      export async function feed(ids: number[]) {
        const a = await db.select().from(posts).where(inArray(posts.authorId, ids)).orderBy(posts.createdAt);
        const b = await db.query.users.findMany({ where: inArray(users.id, ids) });
        const c = await db.query.users.findFirst();
        await db.insert(posts).values({ authorId: 1, body: "x" });
        await db.update(users).set({ name: "y" }).where(eq(users.id, 1));
        await db.delete(posts).where(and(eq(posts.id, 1)));
        await db.execute(sql\`select 1\`);
        const n = await db.$count(posts);
        return [a, b, c, n];
      }
    `;
    expect(queries(code, mode)).toEqual([
      '6: db.select().from(posts) [select, await]',
      '7: db.query.users.findMany [query, await]',
      '8: db.query.users.findFirst [query, await]',
      '9: db.insert(posts) [insert, await]',
      '10: db.update(users) [update, await]',
      '11: db.delete(posts) [delete, await]',
      '12: db.execute() [execute, await]',
      '13: db.$count(posts) [count, await]',
    ]);
  });

  it('knows every way a lazy builder gets run', () => {
    const code = dedent`
      ${HEADER}
      export function returned() {
        return db.select().from(users);
      }
      export const arrow = () => db.query.posts.findMany();
      export function thenned() {
        db.select().from(users).then((rows) => rows.length);
      }
      export async function all(ids: number[]) {
        await Promise.all([db.select().from(users), db.select().from(posts)]);
        const q = db.select().from(posts);
        const rows = await q;
        const tasks = [];
        for (const id of ids) tasks.push(db.delete(posts).where(eq(posts.id, id)));
        await Promise.allSettled(tasks);
        return rows;
      }
    `;
    expect(queries(code, mode)).toEqual([
      '6: db.select().from(users) [select, return]',
      '8: db.query.posts.findMany [query, return]',
      '10: db.select().from(users) [select, then]',
      '13: db.select().from(users) [select, promise-all]',
      '13: db.select().from(posts) [select, promise-all]',
      '14: db.select().from(posts) [select, await]',
      '17: db.delete(posts) [delete, promise-all]',
    ]);
  });

  it('follows transactions, prepared statements, tRPC context and settings', () => {
    const code = dedent`
      ${HEADER}
      import { publicProcedure } from "./lib/trpc.js";
      const byId = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("user_by_id");
      export async function run(database: typeof db) {
        await db.transaction(async (tx) => {
          await tx.insert(users).values({ name: "a" });
          await tx.transaction(async (inner) => inner.delete(users));
        });
        await byId.execute({ id: 1 });
        await database.query.users.findMany();
      }
      export const list = publicProcedure.query(({ ctx }) => ctx.db.query.posts.findMany());
      export const one = publicProcedure.query(async (opts) => {
        return await opts.ctx.db.select().from(posts);
      });
    `;
    expect(queries(code, mode)).toEqual([
      '8: db.transaction() [transaction, await]',
      '9: tx.insert(users) [insert, await]',
      '10: tx.transaction() [transaction, await]',
      '10: inner.delete(users) [delete, return]',
      '12: byId.execute() [prepared, immediate]',
      '13: database.query.users.findMany [query, await]',
      '15: ctx.db.query.posts.findMany [query, return]',
      '17: opts.ctx.db.select().from(posts) [select, await]',
    ]);
  });

  it('follows tsconfig path aliases, barrel re-exports and `this.db`', () => {
    const code = dedent`
      import { db as viaAlias } from "~/db.js";
      import { db as viaBarrel, type Database } from "./lib/index.js";
      import { users } from "./lib/schema.js";
      class UserRepository {
        constructor(private readonly db: Database) {}
        list() {
          return this.db.select().from(users);
        }
      }
      export async function run() {
        await viaAlias.query.users.findMany();
        await viaBarrel.query.users.findMany();
        return new UserRepository(viaAlias).list();
      }
    `;
    expect(queries(code, mode)).toEqual([
      '7: this.db.select().from(users) [select, return]',
      '11: viaAlias.query.users.findMany [query, await]',
      '12: viaBarrel.query.users.findMany [query, await]',
    ]);
  });

  it('is silent on builders that do not run here', () => {
    const code = dedent`
      ${HEADER}
      export async function notRun(id: number) {
        const compiled = db.select().from(users).toSQL();
        const sq = db.select().from(posts).as("sq");
        const prepared = db.select().from(users).prepare("all_users");
        void db.insert(users).values({ name: "lazy, never awaited" });
        await db.batch([db.insert(users).values({ name: "a" }), db.delete(posts).where(eq(posts.id, id))]);
        return [compiled, sq, prepared];
      }
    `;
    expect(queries(code, mode)).toEqual(['10: db.batch() [batch, await]']);
  });

  it('is silent on look-alikes that are not Drizzle', () => {
    const code = dedent`
      import { posts } from "./lib/schema.js";
      const cache = new Map<string, number>();
      const knex = { select: () => ({ from: (_t: unknown) => Promise.resolve([]) }) };
      const repo = { delete: async (_id: number) => true, query: { users: { findMany: async () => [] } } };
      export async function lookAlikes(db: { select(): { from(t: unknown): Promise<unknown[]> } }) {
        cache.delete("a");
        await knex.select().from(posts);
        await repo.delete(1);
        await repo.query.users.findMany();
        await db.select().from(posts);
      }
    `;
    expect(queries(code, mode)).toEqual([]);
  });

  it('accepts databases named in settings', () => {
    const code = dedent`
      import { posts } from "./lib/schema.js";
      declare const database: any;
      export const rows = async () => await database.select().from(posts);
    `;
    expect(queries(code, mode, { hotpath: { drizzle: { names: ['database'] } } })).toEqual([
      '3: database.select().from(posts) [select, await]',
    ]);
  });
});

describe('recognizeDrizzleQuery through a factory function', () => {
  const code = dedent`
    import { replica } from "./lib/db.js";
    import { users } from "./lib/schema.js";
    export const rows = async () => await replica.select().from(users);
  `;

  it('finds a database built by a factory function when typed', () => {
    expect(queries(code, 'typed')).toEqual(['3: replica.select().from(users) [select, await]']);
  });

  it('follows what the factory returns untyped', () => {
    expect(queries(code, 'untyped')).toEqual(['3: replica.select().from(users) [select, await]']);
  });
});
