import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe } from 'vitest';
import { MODES, dedent } from '../test/support/harness.js';
import { filenameFor, ruleTester } from '../test/support/rule-tester.js';
import rule from './require-index.js';

type Options = [{ smallTables?: string[] }];
type MessageId = 'filterScan' | 'sortScan' | 'cursorSort' | 'joinScan' | 'jsonScan';
type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageId, Options>;

const IMPORTS = dedent`
  import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
  import { db } from "./lib/db.js";
  import { countries, creators, orderItems, orders, shipments } from "./lib/orders-schema.js";
`;
const code = (body: string) => `${IMPORTS}\n${body}`;
const at = (line: number) => line + 4;

const filterScan = (line: number, table: string, filter: string, index: string, sorted = '') => ({
  messageId: 'filterScan' as const,
  line: at(line),
  data: { table, filter, index, sorted: sorted && ` and sorted by \`${sorted}\`` },
});

const invalid: Invalid[] = [
  {
    name: 'a filter on a column no index starts with',
    code: code(dedent`
      export const drafts = (status: string) => db.select().from(orders).where(eq(orders.status, status));
    `),
    errors: [{ ...filterScan(1, 'orders', 'status', 'index().on(t.status)'), column: 74 }],
  },
  {
    name: 'equality and range columns with an order: the index lists equality, then order columns',
    code: code(dedent`
      export async function bigDrafts(status: string) {
        return db
          .select()
          .from(orders)
          .where(and(eq(orders.status, status), gt(orders.total, 100)))
          .orderBy(desc(orders.createdAt))
          .limit(20);
      }
    `),
    errors: [filterScan(5, 'orders', 'status, total', 'index().on(t.status, t.createdAt)', 'created_at')],
  },
  {
    name: 'the second column of a composite primary key is no index of its own',
    code: code(dedent`
      export const bySku = (sku: string) => db.select().from(orderItems).where(eq(orderItems.sku, sku));
    `),
    errors: [filterScan(1, 'order_items', 'sku', 'index().on(t.sku)')],
  },
  {
    name: 'a sorted, limited read with no index on the order',
    code: code(dedent`
      export const newest = () => db.select().from(creators).orderBy(desc(creators.createdAt)).limit(20);
    `),
    errors: [{ messageId: 'sortScan', line: at(1), column: 64, data: { table: 'creators', order: 'created_at', index: 'index().on(t.createdAt)' } }],
  },
  {
    name: 'keyset pages within a filter whose index is on the filter only',
    code: code(dedent`
      export async function page(creatorId: number, cursor: number | null) {
        return db
          .select()
          .from(orders)
          .where(and(eq(orders.creatorId, creatorId), cursor ? lt(orders.id, cursor) : undefined))
          .orderBy(desc(orders.id))
          .limit(50);
      }
    `),
    errors: [
      {
        messageId: 'cursorSort',
        line: at(6),
        data: { table: 'orders', order: 'id', within: ' within `creator_id`', index: 'index().on(t.creatorId, t.id)' },
      },
    ],
  },
  {
    name: 'keyset pages in the or(lt(a), and(eq(a), lt(b))) form with no filter',
    code: code(dedent`
      export async function page(c: { at: Date; id: number }) {
        return db
          .select()
          .from(creators)
          .where(or(lt(creators.createdAt, c.at), and(eq(creators.createdAt, c.at), lt(creators.id, c.id))))
          .orderBy(desc(creators.createdAt), desc(creators.id))
          .limit(50);
      }
    `),
    errors: [{ messageId: 'cursorSort', line: at(6), data: { table: 'creators', order: 'created_at, id', within: '', index: 'index().on(t.createdAt, t.id)' } }],
  },
  {
    name: 'a joined table probed by a column without an index',
    code: code(dedent`
      export const withShipments = (creatorId: number) =>
        db.select().from(orders).innerJoin(shipments, eq(shipments.orderId, orders.id)).where(eq(orders.creatorId, creatorId));
    `),
    errors: [{ messageId: 'joinScan', line: at(2), data: { table: 'shipments', filter: 'order_id', index: 'index().on(t.orderId)' } }],
  },
  {
    name: 'relational findMany with a where call',
    code: code(dedent`
      export const drafts = () => db.query.orders.findMany({ where: eq(orders.status, "draft") });
    `),
    errors: [filterScan(1, 'orders', 'status', 'index().on(t.status)')],
  },
  {
    name: 'relational findMany with where and orderBy callbacks',
    code: code(dedent`
      export const drafts = (status: string) =>
        db.query.orders.findMany({
          where: (t, { eq }) => eq(t.status, status),
          orderBy: (t, { desc }) => [desc(t.createdAt)],
          limit: 10,
        });
    `),
    errors: [filterScan(3, 'orders', 'status', 'index().on(t.status, t.createdAt)', 'created_at')],
  },
  {
    name: 'relational v2 object filter',
    code: code(dedent`
      export const drafts = () => db.query.orders.findMany({ where: { status: "draft", total: { gt: 10 } } });
    `),
    errors: [filterScan(1, 'orders', 'status, total', 'index().on(t.status, t.total)')],
  },
  {
    name: 'JSONB containment with no GIN index',
    code: code(dedent`
      export const tagged = (meta: unknown) => db.select().from(orders).where(sql\`\${orders.meta} @> \${meta}\`);
    `),
    errors: [{ messageId: 'jsonScan', line: at(1), data: { operator: '@>', table: 'orders', filter: 'meta', index: 'index().using("gin", t.meta)' } }],
  },
  {
    name: 'JSONB field equality: an expression index on the field',
    code: code(dedent`
      export const byChannel = (channel: string) => db.select().from(orders).where(sql\`\${orders.meta}->>'channel' = \${channel}\`);
    `),
    errors: [
      {
        messageId: 'jsonScan',
        line: at(1),
        data: { operator: '->>', table: 'orders', filter: 'meta', index: "index().on(sql`(${t.meta}->>'channel')`)" },
      },
    ],
  },
  {
    name: 'jsonb_path_exists on a JSONB column',
    code: code(dedent`
      export const paid = () => db.select().from(orders).where(sql\`jsonb_path_exists(\${orders.meta}, '$.payments[*] ? (@.ok)')\`);
    `),
    errors: [{ messageId: 'jsonScan', line: at(1), data: { operator: 'jsonb_path_exists', table: 'orders', filter: 'meta', index: 'index().using("gin", t.meta)' } }],
  },
  {
    name: 'a delete by an unindexed column',
    code: code(dedent`
      export async function purge() {
        await db.delete(orders).where(eq(orders.status, "abandoned"));
      }
    `),
    errors: [filterScan(2, 'orders', 'status', 'index().on(t.status)')],
  },
  {
    name: '$count with an unindexed condition',
    code: code(dedent`
      export const drafts = () => db.$count(orders, eq(orders.status, "draft"));
    `),
    errors: [filterScan(1, 'orders', 'status', 'index().on(t.status)')],
  },
  {
    name: 'a condition held in a const of the same function is read',
    code: code(dedent`
      export async function drafts(total: number) {
        const big = and(eq(orders.status, "draft"), gt(orders.total, total));
        return db.select().from(orders).where(big);
      }
    `),
    errors: [{ ...filterScan(3, 'orders', 'status, total', 'index().on(t.status, t.total)'), column: 41 }],
  },
  {
    name: 'what both branches of a ternary filter by',
    code: code(dedent`
      export const list = (s: string, total?: number) =>
        db.select().from(orders).where(total ? and(eq(orders.status, s), eq(orders.total, total)) : eq(orders.status, s)).orderBy(desc(orders.id)).limit(9);
    `),
    errors: [filterScan(2, 'orders', 'status', 'index().on(t.status, t.id)', 'id')],
  },
  {
    name: 'a table renamed by a schema barrel',
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db } from "./lib/db.js";
      import { purchaseOrders } from "./lib/orders-barrel.js";
      export const drafts = () => db.select().from(purchaseOrders).where(eq(purchaseOrders.status, "draft"));
    `,
    errors: [{ messageId: 'filterScan', line: 4, data: { table: 'orders', filter: 'status', sorted: '', index: 'index().on(t.status)' } }],
  },
  {
    name: 'smallTables names other tables only',
    code: code(dedent`
      export const drafts = () => db.select().from(orders).where(eq(orders.status, "draft"));
    `),
    options: [{ smallTables: ['shipments', 'countries'] }],
    errors: [filterScan(1, 'orders', 'status', 'index().on(t.status)')],
  },
];

const valid: Valid[] = [
  { name: 'a filter on the leading column of an index', code: code('export const mine = (id: number) => db.select().from(orders).where(eq(orders.creatorId, id));') },
  {
    name: 'a composite filter whose first column leads an index',
    code: code('export const mine = (id: number) => db.select().from(orders).where(and(eq(orders.creatorId, id), eq(orders.status, "paid")));'),
  },
  { name: 'a primary key lookup', code: code('export const one = (id: number) => db.select().from(orders).where(eq(orders.id, id));') },
  {
    name: 'a uniqueIndex lookup, whatever else it filters',
    code: code('export const one = (r: string) => db.select().from(orders).where(and(eq(orders.reference, r), eq(orders.status, "paid")));'),
  },
  { name: 'a .unique() column lookup', code: code('export const one = (e: string) => db.query.creators.findFirst({ where: eq(creators.email, e) });') },
  {
    name: 'the whole composite primary key',
    code: code('export const line = (o: number, s: string) => db.select().from(orderItems).where(and(eq(orderItems.orderId, o), eq(orderItems.sku, s)));'),
  },
  { name: 'a table marked hotpath-small-table', code: code('export const eu = () => db.select().from(countries).where(eq(countries.region, "EU"));') },
  {
    name: 'a table named in smallTables',
    code: code('export const ups = () => db.select().from(shipments).where(eq(shipments.carrier, "ups"));'),
    options: [{ smallTables: ['shipments'] }],
  },
  {
    name: 'keyset pages that a composite index follows',
    code: code(dedent`
      export const page = (id: number, c: Date | null) =>
        db.select().from(orders).where(and(eq(orders.creatorId, id), c ? lt(orders.createdAt, c) : undefined)).orderBy(desc(orders.createdAt)).limit(20);
    `),
  },
  { name: 'JSONB containment served by a GIN index', code: code('export const tagged = (x: unknown) => db.select().from(orders).where(sql`${orders.tags} @> ${x}`);') },
  { name: 'a JSONB filter next to an indexed one', code: code('export const tagged = (id: number, x: unknown) => db.select().from(orders).where(and(eq(orders.creatorId, id), sql`${orders.meta} @> ${x}`));') },
  { name: 'a whole-table read without a limit', code: code('export const all = () => db.select().from(orders).orderBy(asc(orders.createdAt));') },
  {
    name: 'conditions no B-tree serves: ne, ilike, isNull, or',
    code: code(dedent`
      export const odd = (s: string) => db.select().from(orders).where(and(ne(orders.status, s), ilike(orders.status, "%x%"), isNull(orders.total), or(eq(orders.status, "a"), eq(orders.total, 1))));
    `),
  },
  {
    name: 'IS NULL on the leading column of an index',
    code: code('export const unshipped = (c: Date) => db.select().from(orders).where(and(isNull(orders.shippedAt), lt(orders.createdAt, c)));'),
  },
  {
    name: 'a partial index on the order, whose predicate pins the filter',
    code: code(dedent`
      export const open = (c: number | null) =>
        db.select().from(orders).where(and(eq(orders.status, "open"), c ? gt(orders.priority, c) : undefined)).orderBy(asc(orders.priority)).limit(20);
    `),
  },
  { name: 'a boolean column: an index on it alone rarely beats a scan', code: code('export const paid = () => db.select().from(orders).where(eq(orders.paid, true));') },
  {
    name: 'a condition built by a helper may be the indexed one',
    code: code(dedent`
      const mine = (id: number) => eq(orders.creatorId, id);
      export const drafts = (id: number) => db.select().from(orders).where(and(mine(id), eq(orders.status, "draft")));
    `),
  },
  {
    name: 'a condition held in a parameter may be the indexed one',
    code: code('export const drafts = (scope: ReturnType<typeof eq>) => db.select().from(orders).where(and(scope, eq(orders.status, "draft")));'),
  },
  { name: 'a condition under a ternary may not apply', code: code('export const maybe = (s?: string) => db.select().from(orders).where(s ? eq(orders.status, s) : undefined);') },
  {
    name: 'a join whose other pinned column leads an index',
    // It pins `total` (no index) and `creator_id` (which leads one).
    code: code('export const x = (id: number) => db.select().from(shipments).innerJoin(orders, and(eq(orders.total, shipments.id), eq(orders.creatorId, id))).limit(10);'),
  },
  {
    name: 'a join whose table the filter pins by its key: that table drives, the other side is probed',
    code: code('export const x = (id: number) => db.select().from(orders).innerJoin(shipments, eq(orders.id, shipments.orderId)).where(eq(shipments.id, id)).limit(1);'),
  },
  { name: 'a join on a primary key', code: code('export const x = () => db.select().from(shipments).innerJoin(orders, eq(orders.id, shipments.orderId)).limit(10);') },
  { name: 'a join of a whole-table read is a hash join', code: code('export const x = () => db.select().from(orders).innerJoin(shipments, eq(shipments.orderId, orders.id));') },
  {
    name: 'a table whose declaration is not in the project: nothing is guessed',
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db } from "./lib/db.js";
      import { ledger } from "@acme/ledger";
      export const rows = (s: string) => db.select().from(ledger).where(eq(ledger.status, s));
    `,
  },
  {
    name: 'a relational query whose table the file does not bind',
    code: code('export const all = (s: string) => db.query.invoices.findMany({ where: (t, { eq }) => eq(t.status, s) });'),
  },
  {
    name: 'a local function called eq',
    code: dedent`
      import { db } from "./lib/db.js";
      import { orders } from "./lib/orders-schema.js";
      const eq = (a: unknown, b: unknown) => a === b;
      export const rows = (s: string) => db.select().from(orders).where(eq(orders.status, s) as never);
    `,
  },
  { name: 'an insert has no condition', code: code('export const add = () => db.insert(orders).values({ creatorId: 1, status: "x", total: 1, reference: "r", paid: false, priority: 1, meta: {}, tags: {} });') },
  { name: 'a builder that is never run', code: code('export function build(s: string) { const q = db.select().from(orders).where(eq(orders.status, s)); return q.toSQL(); }') },
  { name: 'not a Drizzle receiver', code: code('const m = new Map<string, number>(); export const f = (s: string) => { m.delete(s); return [1].filter((x) => x > 0).map((x) => x); };') },
];

/** What only type information resolves: a table bound to another name by value. */
const typedOnly: Invalid[] = [
  {
    name: 'a table re-bound with const in a barrel',
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db } from "./lib/db.js";
      import { deliveries } from "./lib/orders-barrel.js";
      export const ups = () => db.select().from(deliveries).where(eq(deliveries.carrier, "ups"));
    `,
    errors: [{ messageId: 'filterScan', line: 4, data: { table: 'shipments', filter: 'carrier', sorted: '', index: 'index().on(t.carrier)' } }],
  },
];

describe.for(MODES)('require-index (%s)', (mode) => {
  const filename = filenameFor(mode);
  ruleTester(mode).run('require-index', rule, {
    valid: [
      ...valid.map((c) => ({ ...c, filename })),
      ...(mode === 'untyped' ? typedOnly.map(({ errors: _, ...c }) => ({ ...c, filename })) : []),
    ],
    invalid: [...invalid, ...(mode === 'typed' ? typedOnly : [])].map((c) => ({ ...c, filename })),
  });
});

// The schema in a workspace package of the fixture app, reached through its tsconfig paths and barrels.
const APP_FILE = path.resolve(import.meta.dirname, '../fixtures/socialhub/apps/api/src/services/require-index.case.ts');
describe('require-index across packages (untyped: the fixture app is not the test project)', () => {
  ruleTester('untyped').run('require-index', rule, {
    valid: [
      {
        name: 'the feed keyset query, served by (author_id, created_at)',
        filename: APP_FILE,
        code: dedent`
          import { and, desc, eq, lt } from "drizzle-orm";
          import { db, posts } from "@socialhub/db";
          export const page = (a: number, c: Date) => db.select().from(posts).where(and(eq(posts.authorId, a), lt(posts.createdAt, c))).orderBy(desc(posts.createdAt)).limit(20);
        `,
      },
    ],
    invalid: [
      {
        name: 'followers paged by time within a followee indexed alone',
        filename: APP_FILE,
        code: dedent`
          import { and, desc, eq, lt } from "drizzle-orm";
          import { db, follows } from "@socialhub/db";
          export const page = (u: number, c: Date) =>
            db.select().from(follows).where(and(eq(follows.followeeId, u), lt(follows.createdAt, c))).orderBy(desc(follows.createdAt)).limit(50);
        `,
        errors: [
          {
            messageId: 'cursorSort',
            line: 4,
            data: { table: 'follows', order: 'created_at', within: ' within `followee_id`', index: 'index().on(t.followeeId, t.createdAt)' },
          },
        ],
      },
    ],
  });
});
