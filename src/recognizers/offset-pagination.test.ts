import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { keyName } from './chain.js';
import { recognizeDrizzleQuery } from './drizzle-query.js';
import { findOffsetPagination, findPageInputs } from './offset-pagination.js';
import { recognizeTrpcProcedure } from './trpc-procedure.js';

const offsets = (code: string, mode: Mode) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      const query = recognizeDrizzleQuery(node as TSESTree.CallExpression, file);
      const found = query && findOffsetPagination(query, file);
      return found && `${found.kind} ${found.value ? file.context.sourceCode.getText(found.value) : '-'}`;
    },
  });

describe.for(MODES)('findOffsetPagination (%s)', (mode) => {
  it('finds the three forms and what they skip', () => {
    const code = dedent`
      import { sql } from "drizzle-orm";
      import { db } from "./lib/db.js";
      import { posts } from "./lib/schema.js";
      export async function f(n: number) {
        await db.select().from(posts).limit(10).offset(n * 10);
        await db.query.posts.findMany({ limit: 10, offset: n });
        await db.execute(sql\`select 1 offset \${n}\`);
        await db.select().from(posts).offset(0);
        await db.select().from(posts).where(sql\`id > \${n}\`).limit(10);
      }
    `;
    expect(offsets(code, mode)).toEqual(['5: offset n * 10', '6: find-many n', '7: sql n']);
  });
});

describe('findPageInputs', () => {
  it('finds page/offset/skip number fields of a zod object input', () => {
    const code = dedent`
      import { z } from "zod";
      import { publicProcedure } from "./lib/trpc.js";
      export const p = publicProcedure
        .input(z.object({ page: z.number().int().default(1), skip: z.coerce.number(), offset: z.string(), q: z.string() }).strict())
        .query(() => null);
    `;
    const found = probe(code, 'untyped', {
      on: 'CallExpression',
      run(node, file) {
        const procedure = recognizeTrpcProcedure(node as TSESTree.CallExpression, file);
        if (!procedure?.input) return null;
        return findPageInputs(procedure.input)
          .map((p) => (p.key.type === T.Identifier ? keyName(p.key) : '?'))
          .join(',');
      },
    });
    expect(found).toEqual(['3: page,skip']);
  });
});
