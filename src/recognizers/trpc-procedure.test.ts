import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { findEnclosingProcedure, recognizeTrpcProcedure } from './trpc-procedure.js';

const procedures = (code: string, mode: Mode) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      const p = recognizeTrpcProcedure(node as TSESTree.CallExpression, file);
      if (!p) return null;
      const input = p.input ? file.context.sourceCode.getText(p.input) : '-';
      return `${p.name ?? '?'} ${p.type} input=${input} resolver=${p.resolver ? 'inline' : 'elsewhere'}`;
    },
  });

describe.for(MODES)('recognizeTrpcProcedure (%s)', (mode) => {
  it('recognizes procedures built from initTRPC, locally and through imports', () => {
    const code = dedent`
      import { initTRPC } from "@trpc/server";
      import { z } from "zod";
      import { protectedProcedure, publicProcedure, router } from "./lib/trpc.js";
      const t = initTRPC.create();
      const local = t.procedure.use(({ next }) => next());
      async function listPosts() { return []; }
      export const postRouter = router({
        list: publicProcedure.input(z.object({ page: z.number() })).query(({ input }) => input.page),
        create: protectedProcedure.input(z.string()).mutation(async ({ input }) => input),
        feed: local.query(listPosts),
        onPost: t.procedure.subscription(async function* () {}),
      });
    `;
    expect(procedures(code, mode)).toEqual([
      '8: postRouter.list query input=z.object({ page: z.number() }) resolver=inline',
      '9: postRouter.create mutation input=z.string() resolver=inline',
      '10: postRouter.feed query input=- resolver=elsewhere',
      '11: postRouter.onPost subscription input=- resolver=inline',
    ]);
  });

  it('is silent on other `.query()` calls', () => {
    const code = dedent`
      import { db } from "./lib/db.js";
      declare const knex: { query(sql: string): Promise<unknown> };
      declare const trpc: { post: { list: { useQuery(input: unknown): unknown } } };
      export async function f() {
        await knex.query("select 1");
        await db.query.users.findMany();
        trpc.post.list.useQuery({});
      }
    `;
    expect(procedures(code, mode)).toEqual([]);
  });

  it('finds the procedure around a node', () => {
    const code = dedent`
      import { publicProcedure } from "./lib/trpc.js";
      declare function work(): void;
      export const p = { feed: publicProcedure.query(async () => { [1].map(() => work()); }) };
      work();
    `;
    const found = probe(code, mode, {
      on: 'CallExpression',
      run(node, file) {
        const call = node as TSESTree.CallExpression;
        if (call.callee.type !== 'Identifier' || call.callee.name !== 'work') return null;
        return findEnclosingProcedure(call, file)?.name ?? 'none';
      },
    });
    expect(found).toEqual(['3: feed', '4: none']);
  });
});
