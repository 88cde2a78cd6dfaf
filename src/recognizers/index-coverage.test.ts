import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { recognizeDrizzleQuery } from './drizzle-query.js';
import { findMissingIndexes, indexCode } from './index-coverage.js';

const missing = (code: string, mode: Mode, smallTables: string[] = []) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      const query = recognizeDrizzleQuery(node as TSESTree.CallExpression, file);
      const found = query ? findMissingIndexes(query, file, { smallTables: new Set(smallTables) }) : [];
      return found.map((m) => `${m.kind} ${m.table.sqlName} [${m.filter}] [${m.order}] ${indexCode(m.table, m.index, 'x')}`).join('; ') || null;
    },
  });

const IMPORTS = dedent`
  import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
  import { db } from "./lib/db.js";
  import { orders, shipments } from "./lib/orders-schema.js";
`;

describe.for(MODES)('findMissingIndexes (%s)', (mode) => {
  it('names the kind, the table, the columns and the index, in the order that serves the query', () => {
    const code = dedent`
      ${IMPORTS}
      export async function f(s: string, id: number, c: number | null, x: unknown) {
        await db.select().from(orders).where(and(eq(orders.status, s), gt(orders.total, 1))).orderBy(desc(orders.createdAt)).limit(5);
        await db.select().from(orders).where(and(eq(orders.creatorId, id), c ? lt(orders.id, c) : undefined)).orderBy(desc(orders.id)).limit(5);
        await db.select().from(orders).innerJoin(shipments, eq(shipments.orderId, orders.id)).where(eq(orders.creatorId, id));
        await db.select().from(orders).where(sql\`\${orders.meta} @> \${x}\`);
        await db.select().from(orders).where(eq(orders.creatorId, id));
      }
    `;
    expect(missing(code, mode)).toEqual([
      '6: filter orders [status,total] [createdAt] index("x").on(t.status, t.createdAt)',
      '7: keyset orders [creatorId] [id] index("x").on(t.creatorId, t.id)',
      '8: join shipments [orderId] [] index("x").on(t.orderId)',
      '9: jsonb orders [meta] [] index("x").using("gin", t.meta)',
    ]);
  });

  it('stays silent on tables named small', () => {
    const code = dedent`
      ${IMPORTS}
      export const f = (s: string) => db.select().from(orders).where(eq(orders.status, s));
    `;
    expect(missing(code, mode, ['orders'])).toEqual([]);
    expect(missing(code, mode, ['shipments'])).toHaveLength(1);
  });
});
