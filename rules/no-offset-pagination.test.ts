import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { MODES, dedent } from '../test/support/harness.js';
import { filenameFor, ruleTester } from '../test/support/rule-tester.js';
import rule from './no-offset-pagination.js';

type Valid = ValidTestCase<[{ allow?: string[] }]>;
type Invalid = InvalidTestCase<'offsetPagination' | 'offsetInput', [{ allow?: string[] }]>;

const IMPORTS = dedent`
  import { asc, desc, eq, gt, lt, sql } from "drizzle-orm";
  import { db } from "./lib/db.js";
  import { posts, users } from "./lib/schema.js";
  import { publicProcedure, router } from "./lib/trpc.js";
  import { z } from "zod";
`;
const code = (body: string) => `${IMPORTS}\n${body}`;
const at = (line: number) => line + 6;

/** In a procedure the message names the procedure; elsewhere, the query. */
const offset = (line: number, query: string, form: string, endpoint?: string) => ({
  messageId: 'offsetPagination' as const,
  line: at(line),
  data: { form, where: endpoint ? `in \`${endpoint}\`` : `on \`${query}\`` },
});

const invalid: Invalid[] = [
  {
    name: '.offset() on a dynamic builder held in a variable',
    code: code(dedent`
      export async function page(pageSize: number, offset: number, authorId?: number) {
        const query = db.select().from(posts).$dynamic();
        if (authorId) query.where(eq(posts.authorId, authorId));
        query.limit(pageSize).offset(offset);
        return query;
      }
    `),
    errors: [offset(4, 'query', '`.offset()`')],
  },
  {
    name: '.offset() computed from the page input of a procedure',
    code: code(dedent`
      export const postRouter = router({
        list: publicProcedure.input(z.object({ page: z.number() })).query(({ ctx, input }) =>
          ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset((input.page - 1) * 20),
        ),
      });
    `),
    errors: [offset(3, 'ctx.db.select().from(posts)', '`.offset()`', 'postRouter.list')],
  },
  {
    name: '.offset() in a service function',
    code: code(dedent`
      export async function page(n: number) {
        return db.select().from(users).orderBy(asc(users.id)).limit(50).offset(n * 50);
      }
    `),
    errors: [{ ...offset(2, 'db.select().from(users)', '`.offset()`'), column: 67 }],
  },
  {
    name: '.offset() with a variable on a multi-line chain',
    code: code(dedent`
      export async function page(skip: number) {
        const rows = await db
          .select()
          .from(posts)
          .limit(10)
          .offset(skip);
        return rows;
      }
    `),
    errors: [offset(6, 'db.select().from(posts)', '`.offset()`')],
  },
  {
    name: 'findMany({ offset })',
    code: code(dedent`
      export const search = (q: string, skip: number) =>
        db.query.users.findMany({ where: eq(users.name, q), limit: 20, offset: skip });
    `),
    errors: [offset(2, 'db.query.users.findMany', '`findMany({ offset })`')],
  },
  {
    name: 'OFFSET in an executed sql template',
    code: code(dedent`
      export const list = (page: number) =>
        db.execute(sql\`select * from posts order by created_at desc limit 20 offset \${(page - 1) * 20}\`);
    `),
    errors: [{ ...offset(2, 'db.execute()', 'SQL `OFFSET`'), column: 72 }],
  },
  {
    name: 'lower-case offset on its own line of SQL',
    code: code(dedent`
      export const list = (skip: number) =>
        db.execute(sql\`select id from users
          order by id
          OFFSET \${skip}\`);
    `),
    errors: [{ ...offset(4, 'db.execute()', 'SQL `OFFSET`'), column: 5 }],
  },
  {
    name: 'a transaction query with an offset',
    code: code(dedent`
      export const f = (n: number) => db.transaction((tx) => tx.select().from(posts).limit(5).offset(n));
    `),
    errors: [offset(1, 'tx.select().from(posts)', '`.offset()`')],
  },
  {
    name: 'a page input handed to a helper that pages by offset',
    code: code(dedent`
      import { listPage } from "./lib/paging.js";
      export const userRouter = router({
        directory: publicProcedure
          .input(z.object({ page: z.number().int().min(1).default(1) }))
          .query(({ input }) => listPage(input.page)),
      });
    `),
    errors: [
      { messageId: 'offsetInput', line: at(4), data: { field: 'page', endpoint: 'userRouter.directory', helper: 'listPage' } },
    ],
  },
  {
    name: 'a skip input handed to a local helper',
    code: code(dedent`
      async function window(skip: number) {
        return db.select().from(users).limit(10).offset(skip);
      }
      export const r = router({
        list: publicProcedure.input(z.object({ skip: z.coerce.number() })).query(({ input: { skip } }) => window(skip)),
      });
    `),
    errors: [
      offset(2, 'db.select().from(users)', '`.offset()`'),
      { messageId: 'offsetInput', line: at(5), data: { field: 'skip', endpoint: 'r.list', helper: 'window' } },
    ],
  },
];

const valid: Valid[] = [
  {
    name: '.offset() on something held in a variable that is not a Drizzle builder',
    code: code(dedent`
      declare const knex: { select(): { from(t: string): { limit(n: number): { offset(n: number): Promise<unknown> } } } };
      export async function page(offset: number) {
        const query = knex.select().from("posts");
        return query.limit(20).offset(offset);
      }
    `),
  },
  { name: '.offset(0)', code: code('export const first = () => db.select().from(posts).limit(5).offset(0);') },
  {
    name: 'an offset that is a constant zero',
    code: code('const START = 0;\nexport const first = () => db.select().from(posts).limit(5).offset(START);'),
  },
  {
    name: 'cursor pagination',
    code: code(dedent`
      export const feed = (cursor: number | null) =>
        db.select().from(posts).where(cursor === null ? undefined : lt(posts.id, cursor)).orderBy(desc(posts.id)).limit(21);
    `),
  },
  {
    name: 'a defensive offset inside a cursor query',
    code: code(dedent`
      export const feed = (cursor: number, skip: number) =>
        db.select().from(posts).where(gt(posts.id, cursor)).limit(20).offset(skip);
    `),
  },
  { name: 'an allowed table', options: [{ allow: ['users'] }], code: code('export const f = (n: number) => db.select().from(users).offset(n);') },
  {
    name: 'an allowed table in findMany',
    options: [{ allow: ['users'] }],
    code: code('export const f = (n: number) => db.query.users.findMany({ offset: n });'),
  },
  {
    name: '.offset() of a builder that is never run',
    code: code('export const sqlText = (n: number) => db.select().from(posts).offset(n).toSQL();'),
  },
  {
    name: 'offset() of something that is not Drizzle',
    code: code(dedent`
      declare const knex: { select(): { from(t: string): { offset(n: number): Promise<unknown[]> } } };
      export const f = (n: number) => knex.select().from("posts").offset(n);
    `),
  },
  {
    name: 'an offset key in an object that is not a query',
    code: code('export const paging = (n: number) => ({ offset: n, limit: 20 });'),
  },
  {
    name: 'the word offset in SQL without a value',
    code: code("export const f = () => db.execute(sql`select 'offset' as label`);"),
  },
  {
    name: 'a page input used for something else',
    code: code(dedent`
      export const r = router({
        docs: publicProcedure.input(z.object({ page: z.number() })).query(({ input }) => ({ title: \`Page \${input.page}\` })),
      });
    `),
  },
  {
    name: 'a page input that is a string (a slug)',
    code: code(dedent`
      import { listPage } from "./lib/paging.js";
      export const r = router({
        docs: publicProcedure.input(z.object({ page: z.string() })).query(({ input }) => listPage(Number(input.page))),
      });
    `),
  },
];

for (const mode of MODES) {
  const withFilename = <T extends { filename?: string }>(cases: T[]): T[] =>
    cases.map((c) => ({ filename: filenameFor(mode), ...c }));
  ruleTester(mode).run(`no-offset-pagination (${mode})`, rule, { valid: withFilename(valid), invalid: withFilename(invalid) });
}
