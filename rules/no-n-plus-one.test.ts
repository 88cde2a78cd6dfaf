import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { MODES, dedent } from '../test/support/harness.js';
import { FILENAME, filenameFor, ruleTester } from '../test/support/rule-tester.js';
import rule from './no-n-plus-one.js';

type Options = [{ ignoreLiteralArraysUpTo?: number; maxHelperDepth?: number; reportLoopInvariant?: boolean }];
type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<'queryPerItem' | 'sameQueryPerItem' | 'databasePerItem', Options>;

const IMPORTS = dedent`
  import { and, eq, inArray, sql } from "drizzle-orm";
  import { db } from "./lib/db.js";
  import { posts, users } from "./lib/schema.js";
  import { publicProcedure, router } from "./lib/trpc.js";
  import { z } from "zod";
`;
// Snippets start below the import lines and a blank line: their own line 1 is line 7 of the file.
const code = (body: string) => `${IMPORTS}\n${body}`;
const at = (line: number) => line + 6;

const perItem = (line: number, data: Record<string, string>, column?: number) => ({
  messageId: 'queryPerItem' as const,
  line: at(line),
  ...(column === undefined ? {} : { column }),
  data,
});
const sameEachTime = (line: number, data: Record<string, string>) => ({
  messageId: 'sameQueryPerItem' as const,
  line: at(line),
  data,
});

const READ = 'Use one `inArray` query, or `npx hotpath codemod dataloader`.';

const invalid: Invalid[] = [
  {
    name: 'a database made by a factory function of the project (what it returns is followed)',
    code: code(dedent`
      import { replica } from "./lib/db.js";
      export async function load(ids: number[]) {
        for (const id of ids) await replica.select().from(users).where(eq(users.id, id));
      }
    `),
    errors: [perItem(3, { query: 'replica.select().from(users)', where: 'per item of `ids`', advice: READ })],
  },
  // Loops of every kind.
  {
    name: 'findFirst in for-of over tRPC input',
    code: code(dedent`
      export const feed = publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(async ({ input }) => {
        const authors = [];
        for (const id of input.ids) {
          authors.push(await db.query.users.findFirst({ where: eq(users.id, id) }));
        }
        return authors;
      });
    `),
    errors: [
      perItem(4, { query: 'db.query.users.findFirst', where: 'per item of `input.ids`', advice: READ }, 24),
    ],
  },
  {
    name: 'select in classic for loop',
    code: code(dedent`
      export async function load(ids: number[]) {
        for (let i = 0; i < ids.length; i++) await db.select().from(users).where(eq(users.id, ids[i]!));
      }
    `),
    errors: [perItem(2, { query: 'db.select().from(users)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'for-in over an object',
    code: code(dedent`
      export async function load(byKey: Record<string, number>) {
        for (const key in byKey) await db.query.users.findFirst({ where: eq(users.id, byKey[key]!) });
      }
    `),
    errors: [perItem(2, { query: 'db.query.users.findFirst', where: 'per item of `byKey`', advice: READ })],
  },
  {
    name: 'for await over an async iterable',
    code: code(dedent`
      export async function load(ids: AsyncIterable<number>) {
        for await (const id of ids) await db.delete(posts).where(eq(posts.id, id));
      }
    `),
    errors: [
      perItem(2, {
        query: 'db.delete(posts)',
        where: 'per item of `ids`',
        advice: 'Delete all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'while loop draining a queue',
    code: code(dedent`
      export async function drain(queue: number[]) {
        while (queue.length > 0) {
          const id = queue.shift()!;
          await db.update(posts).set({ body: "" }).where(eq(posts.id, id));
        }
      }
    `),
    errors: [
      perItem(4, {
        query: 'db.update(posts)',
        where: 'per iteration of the while loop',
        advice: 'Update all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'do-while over an index',
    code: code(dedent`
      export async function load(ids: number[]) {
        let i = 0;
        do {
          await db.query.users.findFirst({ where: eq(users.id, ids[i]!) });
          i++;
        } while (i < ids.length);
      }
    `),
    errors: [perItem(4, { query: 'db.query.users.findFirst', where: 'per iteration of the do…while loop', advice: READ })],
  },
  // Callbacks.
  {
    name: 'Promise.all over posts.map(async …), the most common form',
    code: code(dedent`
      export async function withAuthors(list: { authorId: number }[]) {
        return Promise.all(
          list.map(async (post) => ({ ...post, author: await db.query.users.findFirst({ where: eq(users.id, post.authorId) }) })),
        );
      }
    `),
    errors: [
      perItem(3, {
        query: 'db.query.users.findFirst',
        where: 'per item of `list`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'Promise.allSettled with an arrow returning the query',
    code: code(dedent`
      export const load = (ids: number[]) => Promise.allSettled(ids.map((id) => db.select().from(posts).where(eq(posts.id, id))));
    `),
    errors: [perItem(1, { query: 'db.select().from(posts)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'forEach callback',
    code: code(dedent`
      export function touch(ids: number[]) {
        ids.forEach(async (id) => {
          await db.update(users).set({ name: "x" }).where(eq(users.id, id));
        });
      }
    `),
    errors: [
      perItem(3, {
        query: 'db.update(users)',
        where: 'per item of `ids`',
        advice: 'Update all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'flatMap callback',
    code: code(dedent`
      export const load = (ids: number[][]) => ids.flatMap((group) => group.map((id) => db.query.posts.findMany({ where: eq(posts.authorId, id) })));
    `),
    errors: [perItem(1, { query: 'db.query.posts.findMany', where: 'per item of `group`', advice: READ })],
  },
  {
    name: 'reduce chaining promises',
    code: code(dedent`
      export async function sequential(ids: number[]) {
        await ids.reduce(async (previous, id) => {
          await previous;
          await db.insert(posts).values({ authorId: id, body: "" });
        }, Promise.resolve());
      }
    `),
    errors: [
      perItem(4, {
        query: 'db.insert(posts)',
        where: 'per item of `ids`',
        advice: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'Array.from with a mapper',
    code: code(dedent`
      export const load = (ids: Set<number>) => Promise.all(Array.from(ids, (id) => db.$count(posts, eq(posts.authorId, id))));
    `),
    errors: [
      perItem(1, {
        query: 'db.$count(posts)',
        where: 'per item of `ids`',
        advice: 'Count all groups in one `groupBy` query.',
      }),
    ],
  },
  {
    name: 'promises pushed in a loop and awaited together',
    code: code(dedent`
      export async function load(ids: number[]) {
        const pending = [];
        for (const id of ids) pending.push(db.select().from(users).where(eq(users.id, id)));
        return Promise.all(pending);
      }
    `),
    errors: [perItem(3, { query: 'db.select().from(users)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'nested loops report the innermost iteration',
    code: code(dedent`
      export async function load(groups: { ids: number[] }[]) {
        for (const group of groups) {
          for (const id of group.ids) await db.query.users.findFirst({ where: eq(users.id, id) });
        }
      }
    `),
    errors: [perItem(3, { query: 'db.query.users.findFirst', where: 'per item of `group.ids`', advice: READ })],
  },
  {
    name: 'query in a .then callback per item',
    code: code(dedent`
      export function load(ids: number[]) {
        return ids.map((id) => db.select().from(users).where(eq(users.id, id)).then(([u]) => u));
      }
    `),
    errors: [perItem(2, { query: 'db.select().from(users)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'raw SQL executed per item',
    code: code(dedent`
      export async function load(ids: number[]) {
        for (const id of ids) await db.execute(sql\`select * from users where id = \${id}\`);
      }
    `),
    errors: [
      perItem(2, {
        query: 'db.execute()',
        where: 'per item of `ids`',
        advice: 'Run one statement for all items (`= ANY(…)`, `IN (…)`).',
      }),
    ],
  },
  {
    name: 'a transaction per item',
    code: code(dedent`
      export async function load(ids: number[]) {
        for (const id of ids) {
          await db.transaction(async (tx) => {
            await tx.delete(posts).where(eq(posts.authorId, id));
          });
        }
      }
    `),
    errors: [
      perItem(3, {
        query: 'db.transaction()',
        where: 'per item of `ids`',
        advice: 'Run one transaction around the loop, with batched statements.',
      }),
      perItem(4, {
        query: 'tx.delete(posts)',
        where: 'per item of `ids`',
        advice: 'Delete all rows with one `inArray`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'independent writes per item inside a transaction',
    code: code(dedent`
      export const save = (names: string[]) =>
        db.transaction(async (tx) => {
          for (const name of names) await tx.insert(users).values({ name });
        });
    `),
    errors: [
      perItem(3, {
        query: 'tx.insert(users)',
        where: 'per item of `names`',
        advice: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'a prepared statement executed per item',
    code: code(dedent`
      const byId = db.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare("by_id");
      export async function load(ids: number[]) {
        for (const id of ids) await byId.execute({ id });
      }
    `),
    errors: [
      perItem(3, {
        query: 'byId.execute()',
        where: 'per item of `ids`',
        advice: 'Load all rows in one `inArray` query, or through a DataLoader.',
      }),
    ],
  },
  {
    name: 'ctx.db in a tRPC resolver, per post of a feed',
    code: code(dedent`
      export const postRouter = router({
        feed: publicProcedure.query(async ({ ctx }) => {
          const rows = await ctx.db.select().from(posts).limit(20);
          return Promise.all(rows.map(async (p) => ({ ...p, author: await ctx.db.query.users.findFirst({ where: eq(users.id, p.authorId) }) })));
        }),
      });
    `),
    errors: [
      perItem(4, {
        query: 'ctx.db.query.users.findFirst',
        where: 'per item of `rows`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'a query after a literal array longer than the threshold',
    code: code(dedent`
      export async function seed() {
        for (const name of ["a", "b", "c", "d", "e", "f"]) await db.insert(users).values({ name });
      }
    `),
    errors: [
      perItem(2, {
        query: 'db.insert(users)',
        where: 'per item of `["a", "b", "c", "d", "e", "f"]`',
        advice: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  {
    name: 'a literal array when the threshold is 0',
    options: [{ ignoreLiteralArraysUpTo: 0 }],
    code: code(dedent`
      export async function seed() {
        for (const name of ["a", "b"]) await db.insert(users).values({ name });
      }
    `),
    errors: [
      perItem(2, {
        query: 'db.insert(users)',
        where: 'per item of `["a", "b"]`',
        advice: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.',
      }),
    ],
  },
  // Loop-invariant queries.
  {
    name: 'the same query on every iteration',
    code: code(dedent`
      export async function load(ids: number[]) {
        for (const id of ids) {
          const all = await db.select().from(users);
          console.log(id, all.length);
        }
      }
    `),
    errors: [sameEachTime(3, { query: 'db.select().from(users)', where: 'per item of `ids`' })],
  },
  {
    name: 'an invariant query inside a map callback',
    code: code(dedent`
      export const load = (ids: number[]) => Promise.all(ids.map(async () => db.$count(posts)));
    `),
    errors: [sameEachTime(1, { query: 'db.$count(posts)', where: 'per item of `ids`' })],
  },
  // Helpers.
  {
    name: 'a helper function in the same file',
    code: code(dedent`
      async function getAuthor(id: number) {
        return db.query.users.findFirst({ where: eq(users.id, id) });
      }
      export const load = (ids: number[]) => Promise.all(ids.map((id) => getAuthor(id)));
    `),
    errors: [
      perItem(4, {
        query: 'getAuthor() → db.query.users.findFirst()',
        where: 'per item of `ids`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'a local arrow helper',
    code: code(dedent`
      const countFor = (id: number) => db.$count(posts, eq(posts.authorId, id));
      export async function load(ids: number[]) {
        for (const id of ids) await countFor(id);
      }
    `),
    errors: [
      perItem(3, {
        query: 'countFor() → db.$count(posts)',
        where: 'per item of `ids`',
        advice: 'Count all groups in one `groupBy` query.',
      }),
    ],
  },
  {
    name: 'a helper imported from a project module',
    code: code(dedent`
      import { getAuthor } from "./lib/users.js";
      export async function load(ids: number[]) {
        for (const id of ids) await getAuthor(id);
      }
    `),
    errors: [perItem(3, { query: 'getAuthor() → db.query.users.findFirst()', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a helper two levels deep',
    code: code(dedent`
      import { getProfile } from "./lib/users.js";
      export const load = (ids: number[]) => Promise.all(ids.map(getProfileOf));
      function getProfileOf(id: number) { return id; }
      export async function cards(ids: number[]) {
        for (const id of ids) await getProfile(id);
      }
    `),
    errors: [
      perItem(5, {
        query: 'getProfile() → getAuthor() → db.query.users.findFirst()',
        where: 'per item of `ids`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'a helper three levels deep, renamed through a re-export',
    code: code(dedent`
      import { getCard } from "./lib/services.js";
      export async function cards(ids: number[]) {
        for (const id of ids) await getCard(id);
      }
    `),
    errors: [
      perItem(3, {
        query: 'getCard() → getProfile() → getAuthor() → db.query.users.findFirst()',
        where: 'per item of `ids`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'a helper renamed by export { x as y }',
    code: code(dedent`
      import { loadAuthor } from "./lib/services.js";
      export const load = (ids: number[]) => ids.map((id) => loadAuthor(id));
    `),
    errors: [perItem(2, { query: 'loadAuthor() → db.query.users.findFirst()', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a default-exported helper',
    code: code(dedent`
      import countPosts from "./lib/users.js";
      export const load = (ids: number[]) => Promise.all(ids.map((id) => countPosts(id)));
    `),
    errors: [
      perItem(2, {
        query: 'countPosts() → db.$count(users)',
        where: 'per item of `ids`',
        advice: 'Count all groups in one `groupBy` query.',
      }),
    ],
  },
  {
    name: 'a method of an exported service object',
    code: code(dedent`
      import { userService } from "./lib/users.js";
      export async function load(ids: number[]) {
        for (const id of ids) await userService.byId(id);
      }
    `),
    errors: [perItem(3, { query: 'userService.byId() → db.select().from(users)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a namespace import',
    code: code(dedent`
      import * as usersModule from "./lib/users.js";
      export async function load(ids: number[]) {
        for (const id of ids) await usersModule.getAuthor(id);
      }
    `),
    errors: [perItem(3, { query: 'usersModule.getAuthor() → db.query.users.findFirst()', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a method of the same class',
    code: code(dedent`
      export class FeedService {
        async author(id: number) {
          return db.query.users.findFirst({ where: eq(users.id, id) });
        }
        async feed(ids: number[]) {
          return Promise.all(ids.map((id) => this.author(id)));
        }
      }
    `),
    errors: [
      perItem(6, {
        query: 'this.author() → db.query.users.findFirst()',
        where: 'per item of `ids`',
        advice: READ,
      }),
    ],
  },
  {
    name: 'a helper called with the same arguments each time',
    code: code(dedent`
      import { getAuthor } from "./lib/users.js";
      export async function load(ids: number[], me: number) {
        for (const id of ids) console.log(id, await getAuthor(me));
      }
    `),
    errors: [sameEachTime(3, { query: 'getAuthor() → db.query.users.findFirst()', where: 'per item of `ids`' })],
  },
  {
    name: 'a local object method helper',
    code: code(dedent`
      const repo = {
        find: (id: number) => db.select().from(posts).where(eq(posts.id, id)),
      };
      export const load = (ids: number[]) => ids.forEach((id) => void repo.find(id).then(console.log));
    `),
    errors: [perItem(4, { query: 'repo.find() → db.select().from(posts)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a read per item on the tx of a transaction opened on ctx.db',
    code: code(dedent`
      export const authors = publicProcedure.input(z.object({ ids: z.array(z.number()) })).mutation(({ ctx, input }) =>
        ctx.db.transaction(async (tx) => {
          for (const id of input.ids) await tx.query.users.findFirst({ where: eq(users.id, id) });
        }),
      );
    `),
    errors: [perItem(3, { query: 'tx.query.users.findFirst', where: 'per item of `input.ids`', advice: READ })],
  },
  {
    name: 'another key of the tRPC context, with a Drizzle chain',
    code: code(dedent`
      export const authors = publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(async ({ ctx, input }) => {
        for (const id of input.ids) await ctx.database.query.users.findFirst({ where: eq(users.id, id) });
      });
    `),
    errors: [perItem(2, { query: 'ctx.database.query.users.findFirst', where: 'per item of `input.ids`', advice: READ })],
  },
  {
    name: 'a Hono handler with the database set by a middleware (c.var.db, c.get("db"))',
    code: code(dedent`
      import { Hono } from "hono";
      export const app = new Hono().post("/read", async (c) => {
        const { ids } = await c.req.json<{ ids: number[] }>();
        for (const id of ids) await c.var.db.update(posts).set({ read: true }).where(eq(posts.id, id));
        for (const id of ids) await c.get("db").select().from(users).where(eq(users.id, id));
        return c.json({ ok: true });
      });
    `),
    errors: [
      perItem(4, { query: 'c.var.db.update(posts)', where: 'per item of `ids`', advice: 'Update all rows with one `inArray`, or `npx hotpath codemod batch-writes`.' }),
      perItem(5, { query: 'c.get("db").select().from(users)', where: 'per item of `ids`', advice: READ }),
    ],
  },
  // When the package that makes the client is not in the checkout: the chain's own shape is the evidence.
  {
    name: 'an insert with .values() on a transaction from a package that is not checked out',
    code: code(dedent`
      import { auditLog } from "@acme/db/schema";
      import { withTransaction } from "@acme/db";
      export const record = (entries: { id: number }[]) =>
        withTransaction(async (tx) => {
          for (const entry of entries) await tx.insert(auditLog).values(entry);
        });
    `),
    errors: [perItem(5, { query: 'tx.insert(auditLog)', where: 'per item of `entries`', advice: 'Insert all rows with one `.values([…])`, or `npx hotpath codemod batch-writes`.' })],
  },
  {
    name: 'a select whose table is used with eq() elsewhere in the file',
    code: code(dedent`
      import { monitors } from "@acme/db/schema";
      import { eq as equals } from "@acme/db";
      export const one = (database: any, id: number) => database.select().from(monitors).where(equals(monitors.id, id));
      export async function all(database: any, ids: number[]) {
        for (const id of ids) await database.select().from(monitors).where(sql\`id = \${id}\`);
      }
    `),
    errors: [perItem(5, { query: 'database.select().from(monitors)', where: 'per item of `ids`', advice: READ })],
  },
  {
    name: 'a transaction passed to a function whose code is not in the checkout',
    code: code(dedent`
      import { updateInvoice } from "@acme/invoices";
      export async function markSent(ids: number[]) {
        await db.transaction(async (tx) => {
          for (const id of ids) await updateInvoice(tx, { id, status: "sent" });
        });
      }
    `),
    errors: [{ messageId: 'databasePerItem', line: at(4), data: { callee: 'updateInvoice', database: 'tx', where: 'per item of `ids`' } }],
  },
];

const valid: Valid[] = [
  {
    name: 'a loop that returns right after its query runs it at most once',
    code: code(dedent`
      export async function claimFirst(ids: number[], free: Set<number>) {
        for (const id of ids) {
          if (!free.has(id)) continue;
          await db.update(users).set({ name: "claimed" }).where(eq(users.id, id));
          return id;
        }
      }
    `),
  },
  {
    name: 'a query on the last iteration only',
    code: code(dedent`
      export async function seed(ids: number[]) {
        for (let i = 0; i < ids.length; i++) {
          if (i === ids.length - 1) await db.update(users).set({ name: "last" }).where(eq(users.id, ids[i]!));
        }
      }
    `),
  },
  {
    name: 'one insert per table of a list of tables',
    code: code(dedent`
      export async function copyAll(tables: (typeof users)[], rows: Record<string, never[]>) {
        for (const table of tables) await db.insert(table).values(rows[table.name]!);
      }
    `),
  },
  {
    name: 'a query in a job scheduled per item (an aliased scheduler import)',
    code: code(dedent`
      import { scheduleJob as schedule } from "node-schedule";
      export function start(ids: number[]) {
        for (const id of ids) schedule(String(id), "0 * * * *", async () => { await db.delete(posts).where(eq(posts.id, id)); });
      }
    `),
  },
  {
    name: 'a helper that only schedules the query for later',
    code: code(dedent`
      const later = (id: number) => setTimeout(() => void db.delete(posts).where(eq(posts.id, id)).then(), 1000);
      export const start = (ids: number[]) => ids.forEach((id) => later(id));
    `),
  },
  {
    name: 'one query per batch that a generator yields',
    code: code(dedent`
      declare function fetchUsersInBatches(size: number): AsyncIterable<{ id: number }[]>;
      export async function sweep() {
        for await (const page of fetchUsersInBatches(500)) {
          await db.delete(posts).where(inArray(posts.authorId, page.map((u) => u.id)));
        }
      }
    `),
  },
  {
    name: 'another key of the tRPC context with a chain of another builder',
    code: code(dedent`
      export const authors = publicProcedure.input(z.object({ ids: z.array(z.number()) })).query(async ({ ctx, input }) => {
        for (const id of input.ids) await ctx.knex.select("*").from("users").where("id", id);
      });
    `),
  },
  {
    name: 'an insert chain of another builder (Knex inserts rows, not a table)',
    code: code(dedent`
      export async function save(knex: any, rows: object[]) {
        for (const row of rows) await knex.insert(row).into("users");
      }
    `),
  },
  {
    name: 'one insert per chunk of rows (the loop steps by the chunk size)',
    code: code(dedent`
      export async function importAll(rows: Array<{ authorId: number; body: string }>) {
        for (let i = 0; i < rows.length; i += 500) {
          await db.insert(posts).values(rows.slice(i, i + 500));
        }
      }
    `),
  },
  {
    name: 'one query per chunk of ids',
    code: code(dedent`
      declare function chunk<T>(items: T[], size: number): T[][];
      export async function load(ids: number[]) {
        for (const part of chunk(ids, 1000)) await db.select().from(users).where(inArray(users.id, part));
      }
    `),
  },
  {
    name: 'a polling loop that sleeps between passes',
    code: code(dedent`
      declare function sleep(ms: number): Promise<void>;
      export async function poll(signal: { stopped: boolean }) {
        while (!signal.stopped) {
          await db.update(posts).set({ body: "seen" }).where(eq(posts.id, 1));
          await sleep(1000);
        }
      }
    `),
  },
  {
    name: 'one batched inArray query',
    code: code(dedent`
      export async function load(ids: number[]) {
        const rows = await db.select().from(users).where(inArray(users.id, ids));
        return ids.map((id) => rows.find((r) => r.id === id));
      }
    `),
  },
  {
    name: 'a relation loaded with `with:`',
    code: code(dedent`
      export const feed = () => db.query.posts.findMany({ limit: 20, with: {} as never });
    `),
  },
  {
    name: 'a query outside any loop, then a loop over its rows',
    code: code(dedent`
      export async function load() {
        const rows = await db.select().from(posts);
        for (const row of rows) console.log(row.id);
      }
    `),
  },
  {
    name: 'a literal array of a few constants',
    code: code(dedent`
      export async function seed() {
        for (const name of ["admin", "editor", "viewer"]) await db.insert(users).values({ name });
      }
    `),
  },
  {
    name: 'a const literal array through a binding',
    code: code(dedent`
      const ROLES = ["admin", "editor"] as const;
      export const seed = () => Promise.all(ROLES.map((name) => db.insert(users).values({ name })));
    `),
  },
  {
    name: 'a cursor walk: each page needs the previous one',
    code: code(dedent`
      export async function all() {
        let cursor = 0;
        const out = [];
        while (cursor !== -1) {
          const page = await db.select().from(posts).where(sql\`\${posts.id} > \${cursor}\`).limit(100);
          out.push(...page);
          cursor = page.length === 100 ? page[99]!.id : -1;
        }
        return out;
      }
    `),
  },
  {
    name: 'a fetch-until-empty loop',
    code: code(dedent`
      export async function purge() {
        for (;;) {
          const deleted = await db.delete(posts).where(eq(posts.body, "")).returning();
          if (deleted.length === 0) break;
        }
      }
    `),
  },
  {
    name: 'a retry loop with backoff',
    code: code(dedent`
      export async function withRetry(id: number) {
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            return await db.query.users.findFirst({ where: eq(users.id, id) });
          } catch {
            await new Promise((r) => setTimeout(r, 2 ** attempt * 100));
          }
        }
      }
    `),
  },
  {
    name: '.toSQL() in a loop does not run the query',
    code: code(dedent`
      export const show = (ids: number[]) => ids.map((id) => db.select().from(users).where(eq(users.id, id)).toSQL());
    `),
  },
  {
    name: '.prepare() definitions in a loop',
    code: code(dedent`
      export const statements = ["a", "b", "c", "d", "e", "f"].map((name) => db.select().from(users).where(eq(users.name, name)).prepare(name));
    `),
  },
  {
    name: 'builders collected into one db.batch',
    code: code(dedent`
      export async function save(names: string[]) {
        const [first, ...rest] = names.map((name) => db.insert(users).values({ name }));
        if (first) await db.batch([first, ...rest]);
      }
    `),
  },
  {
    name: 'builders pushed into an array for db.batch',
    code: code(dedent`
      export async function save(names: string[]) {
        const statements = [];
        for (const name of names) statements.push(db.insert(users).values({ name }));
        await db.batch(statements as never);
      }
    `),
  },
  {
    name: 'a transaction whose writes need the previous row id',
    code: code(dedent`
      export const chain = (bodies: string[]) =>
        db.transaction(async (tx) => {
          let parentId = 0;
          for (const body of bodies) {
            const [row] = await tx.insert(posts).values({ authorId: parentId, body }).returning();
            parentId = row!.id;
          }
        });
    `),
  },
  {
    name: 'Map#get and Map#delete in a loop',
    code: code(dedent`
      const cache = new Map<number, string>();
      export function evict(ids: number[]) {
        for (const id of ids) cache.delete(id);
        return ids.map((id) => cache.get(id));
      }
    `),
  },
  {
    name: 'another client with a Drizzle-like API',
    code: code(dedent`
      declare const knex: { select(): { from(t: string): { where(c: object): Promise<unknown[]> } } };
      export const load = (ids: number[]) => Promise.all(ids.map((id) => knex.select().from("users").where({ id })));
    `),
  },
  {
    name: 'axios.get in a loop',
    code: code(dedent`
      declare const axios: { get(url: string): Promise<unknown> };
      export async function load(ids: number[]) {
        for (const id of ids) await axios.get(\`/users/\${id}\`);
      }
    `),
  },
  {
    name: 'a local function called findMany',
    code: code(dedent`
      const repo = { query: { users: { findMany: async (_: object) => [] } } };
      export const load = (ids: number[]) => ids.map((id) => repo.query.users.findMany({ id }));
    `),
  },
  {
    name: 'a helper that does not query',
    code: code(dedent`
      import { formatName } from "./lib/users.js";
      export const names = (list: string[]) => list.map((n) => formatName(n));
    `),
  },
  {
    name: 'a helper whose method does not query',
    code: code(dedent`
      import { userService } from "./lib/users.js";
      export const labels = (ids: number[]) => ids.map((id) => userService.label(id));
    `),
  },
  {
    name: 'a helper that loads everything at once',
    code: code(dedent`
      import { getAuthorsByIds } from "./lib/users.js";
      export const load = async (groups: number[][]) => getAuthorsByIds(groups.flat());
    `),
  },
  {
    name: 'a DataLoader batches the per-item loads',
    code: code(dedent`
      declare class DataLoader<K, V> { constructor(fn: (keys: readonly K[]) => Promise<V[]>); load(key: K): Promise<V> }
      const authors = new DataLoader(async (ids: readonly number[]) => db.select().from(users).where(inArray(users.id, [...ids])));
      export const load = (ids: number[]) => Promise.all(ids.map((id) => authors.load(id)));
    `),
  },
  {
    name: 'a helper deeper than maxHelperDepth',
    options: [{ maxHelperDepth: 2 }],
    code: code(dedent`
      import { getCard } from "./lib/services.js";
      export async function cards(ids: number[]) {
        for (const id of ids) await getCard(id);
      }
    `),
  },
  {
    name: 'helpers are not followed with maxHelperDepth 0',
    options: [{ maxHelperDepth: 0 }],
    code: code(dedent`
      import { getAuthor } from "./lib/users.js";
      export const load = (ids: number[]) => ids.map((id) => getAuthor(id));
    `),
  },
  {
    name: 'loop-invariant queries are not reported when reportLoopInvariant is false',
    options: [{ reportLoopInvariant: false }],
    code: code(dedent`
      export async function load(ids: number[]) {
        for (const id of ids) console.log(id, await db.select().from(users));
      }
    `),
  },
  {
    name: 'a query in a callback registered in a loop',
    code: code(dedent`
      declare const emitter: { on(event: string, fn: () => void): void };
      export function listen(events: string[]) {
        for (const event of events) emitter.on(event, () => void db.select().from(users).then(console.log));
      }
    `),
  },
  {
    name: 'a function defined in a loop but not called there',
    code: code(dedent`
      export function handlers(ids: number[]) {
        const out: Array<() => Promise<unknown>> = [];
        for (const id of ids) {
          const load = () => db.query.users.findFirst({ where: eq(users.id, id) });
          out.push(load);
        }
        return out;
      }
    `),
  },
  {
    name: 'a builder that is never awaited does not run',
    code: code(dedent`
      export function describe(ids: number[]) {
        return ids.map((id) => ({ sql: String(db.select().from(users).where(eq(users.id, id))) }));
      }
    `),
  },
  {
    name: 'a subquery built in a loop',
    code: code(dedent`
      export const subqueries = (ids: number[]) => ids.map((id) => db.select().from(posts).where(eq(posts.authorId, id)).as(\`p\${id}\`));
    `),
  },
  {
    name: 'the array method of a query result, outside a loop',
    code: code(dedent`
      export const ids = async () => (await db.select().from(users)).map((u) => u.id);
    `),
  },
];

/** Cases that only the type checker can decide. */
const typedInvalid: Invalid[] = [
  {
    name: 'a method of a class instance (typed only)',
    code: code(dedent`
      import { UserRepository } from "./lib/users.js";
      const repository = new UserRepository();
      export const load = (ids: number[]) => Promise.all(ids.map((id) => repository.find(id)));
    `),
    errors: [
      perItem(3, {
        query: 'repository.find() → db.query.users.findFirst()',
        where: 'per item of `ids`',
        advice: READ,
      }),
    ],
  },
];

const typedValid: Valid[] = [
  {
    name: 'a `.map()` on a value that is not a collection (typed only)',
    code: code(dedent`
      declare const maybe: { map<U>(fn: (id: number) => U): U };
      export const load = () => maybe.map((id) => db.query.users.findFirst({ where: eq(users.id, id) }));
    `),
  },
];

for (const mode of MODES) {
  const withFilename = <T extends { filename?: string }>(cases: T[]): T[] =>
    cases.map((c) => ({ filename: filenameFor(mode), ...c }));
  ruleTester(mode).run(`no-n-plus-one (${mode})`, rule, {
    valid: withFilename(mode === 'typed' ? [...valid, ...typedValid] : [...valid, ...typedInvalid]),
    invalid: withFilename(mode === 'typed' ? [...invalid, ...typedInvalid] : invalid),
  });
}

describe('no-n-plus-one messages', () => {
  it('read as a user sees them', () => {
    const linter = new Linter({ cwd: FILENAME.replace(/file\.ts$/, '') });
    const messages = invalid.map((testCase) => {
      const [message] = linter.verify(
        testCase.code,
        [
          {
            files: ['**/*.ts'],
            plugins: { hotpath: { rules: { 'no-n-plus-one': rule } } as never },
            languageOptions: { parser: tsParser as never },
            rules: { 'hotpath/no-n-plus-one': ['error', ...(testCase.options ?? [])] },
          },
        ],
        FILENAME,
      );
      return `${testCase.name}\n  ${message?.message}`;
    });
    expect(messages.join('\n')).toMatchSnapshot();
  });

  it('has at least 60 cases', () => {
    expect(invalid.length + valid.length + typedInvalid.length + typedValid.length).toBeGreaterThanOrEqual(60);
  });
});

/**
 * The naive baseline: ESLint's `no-await-in-loop` over the same cases. The table in the rule's doc is this
 * test's output (`HOTPATH_UPDATE_DOCS=1 npx vitest run rules/no-n-plus-one.test.ts` rewrites it).
 */
describe('no-n-plus-one against no-await-in-loop', () => {
  const DOC = path.resolve(import.meta.dirname, '../docs/rules/no-n-plus-one.md');
  const count = (ruleId: 'no-await-in-loop' | 'hotpath/no-n-plus-one', source: string) =>
    new Linter({ cwd: path.dirname(FILENAME) }).verify(
      source,
      [
        {
          files: ['**/*.ts'],
          plugins: { hotpath: { rules: { 'no-n-plus-one': rule } } as never },
          languageOptions: { parser: tsParser as never },
          rules: { [ruleId]: 'error' },
        },
      ],
      FILENAME,
    ).length;

  /** `file:line` of each report of `ruleId` over the fixture app, and of each `hotpath-expect` marker. */
  async function fixtureReports(ruleId: 'no-await-in-loop' | 'hotpath/no-n-plus-one'): Promise<Set<string>> {
    const app = path.resolve(import.meta.dirname, '../fixtures/socialhub');
    const eslint = new ESLint({
      cwd: app,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.{ts,tsx}'],
          plugins: { hotpath: { rules: { 'no-n-plus-one': rule } } as never },
          languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
          rules: { [ruleId]: 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['.']);
    return new Set(results.flatMap((r) => r.messages.map((m) => `${path.relative(app, r.filePath)}:${m.line}`)));
  }

  function fixtureMarkers(): Set<string> {
    const app = path.resolve(import.meta.dirname, '../fixtures/socialhub');
    const out = execFileSync('grep', ['-rn', 'hotpath-expect: no-n-plus-one', '.'], { cwd: app, encoding: 'utf8' });
    return new Set(out.trim().split('\n').map((l) => l.replace(/^\.\//, '').split(':').slice(0, 2).join(':')));
  }

  it('is documented from measured results', async () => {
    const score = (ruleId: 'no-await-in-loop' | 'hotpath/no-n-plus-one') => {
      const missed = invalid.filter((c) => !c.options && count(ruleId, c.code) === 0).map((c) => c.name);
      const noisy = valid.filter((c) => !c.options && count(ruleId, c.code) > 0).map((c) => c.name);
      return { missed, noisy };
    };
    const baseline = score('no-await-in-loop');
    const ours = score('hotpath/no-n-plus-one');
    const found = invalid.filter((c) => !c.options).length;
    const clean = valid.filter((c) => !c.options).length;
    const markers = fixtureMarkers();
    const fixture = async (ruleId: 'no-await-in-loop' | 'hotpath/no-n-plus-one') => {
      const reports = await fixtureReports(ruleId);
      return { hits: [...markers].filter((m) => reports.has(m)).length, others: [...reports].filter((r) => !markers.has(r)).length };
    };
    const baselineApp = await fixture('no-await-in-loop');
    const oursApp = await fixture('hotpath/no-n-plus-one');
    const table = [
      `| over this rule's ${found} N+1 cases and ${clean} look-alikes | N+1 found | false alarms |`,
      '|---|---|---|',
      `| \`no-await-in-loop\` | ${found - baseline.missed.length} of ${found} | ${baseline.noisy.length} of ${clean} |`,
      `| \`hotpath/no-n-plus-one\` | ${found - ours.missed.length} of ${found} | ${ours.noisy.length} of ${clean} |`,
      '',
      `| over fixtures/socialhub (${markers.size} planted N+1) | planted N+1 found | other reports |`,
      '|---|---|---|',
      `| \`no-await-in-loop\` | ${baselineApp.hits} of ${markers.size} | ${baselineApp.others} |`,
      `| \`hotpath/no-n-plus-one\` | ${oursApp.hits} of ${markers.size} | ${oursApp.others} |`,
      '',
      '`no-await-in-loop` misses:',
      ...baseline.missed.map((n) => `- ${n}`),
      '',
      '`no-await-in-loop` fires on:',
      ...baseline.noisy.map((n) => `- ${n}`),
    ].join('\n');
    const doc = readFileSync(DOC, 'utf8');
    const block = /(<!-- begin no-await-in-loop comparison -->\n)[\s\S]*?(\n?<!-- end no-await-in-loop comparison -->)/;
    expect(doc).toMatch(block);
    const updated = doc.replace(block, `$1${table}\n<!-- end no-await-in-loop comparison -->`);
    if (process.env.HOTPATH_UPDATE_DOCS) writeFileSync(DOC, updated);
    expect(ours).toEqual({ missed: [], noisy: [] });
    expect(oursApp).toEqual({ hits: markers.size, others: 0 });
    expect(doc, 'docs/rules/no-n-plus-one.md is stale: rerun with HOTPATH_UPDATE_DOCS=1').toBe(updated);
  });
});
