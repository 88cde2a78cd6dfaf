import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { dependsOnIteration, findIteration } from './per-item.js';

/** Probes every call to `work(…)`: where it repeats, and whether its argument changes per item. */
const iterations = (code: string, mode: Mode) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      const call = node as TSESTree.CallExpression;
      if (call.callee.type !== T.Identifier || call.callee.name !== 'work') return null;
      const it = findIteration(call, file.context, file.types);
      if (!it) return 'once';
      const collection = it.collection ? file.context.sourceCode.getText(it.collection) : '-';
      const variables = it.variables.map((v) => v.name).join(',');
      const flags = [
        it.concurrent && 'concurrent',
        it.literalSize !== null && `literal ${it.literalSize}`,
        it.untilDone && 'until-done',
        call.arguments[0] && !dependsOnIteration(call.arguments[0], it, file.context) && 'invariant',
      ].filter(Boolean);
      return [it.method ?? it.kind, collection, ...flags, variables && `(${variables})`].filter(Boolean).join(' ');
    },
  });

const PRELUDE = dedent`
  declare function work(...args: unknown[]): Promise<unknown>;
  declare const posts: { id: number; authorId: number }[];
  declare const ids: Set<number>;
  declare const tenant: string;
`;

describe.for(MODES)('findIteration (%s)', (mode) => {
  it('finds loops and iteration callbacks', () => {
    const code = dedent`
      ${PRELUDE}
      export async function f() {
        for (const p of posts) await work(p.authorId);
        for await (const id of ids) await work(id);
        for (const key in posts) await work(key);
        for (let i = 0; i < posts.length; i++) await work(posts[i]);
        let n = 0;
        while (n < 3) { await work(n); n += 1; }
        do { await work(tenant); } while (Math.random() > 0.5);
        await Promise.all(posts.map((p) => work(p.id)));
        await Promise.allSettled(posts.map(async ({ authorId }) => { const a = authorId; return work(a); }));
        posts.forEach(async (p) => work(p));
        [...ids].flatMap((id) => work(id));
        posts.reduce(async (acc, p) => { await acc; return work(p); }, Promise.resolve());
        Array.from(ids, (id) => work(id));
        await work(tenant);
      }
    `;
    expect(iterations(code, mode)).toEqual([
      '7: for-of posts (p)',
      '8: for-await ids (id)',
      '9: for-in posts (key)',
      '10: for posts (i)',
      '12: while -',
      '13: do-while - invariant',
      '14: map posts concurrent (p)',
      '15: map posts concurrent (authorId)',
      '16: forEach posts (p)',
      '17: flatMap [...ids] (id)',
      '18: reduce posts (acc,p)',
      '19: Array.from ids (id)',
      '20: once',
    ]);
  });

  it('tells loop-invariant work from per-item work', () => {
    const code = dedent`
      ${PRELUDE}
      export async function f() {
        for (const post of posts) {
          await work(tenant);
          const author = post.authorId;
          await work(author);
        }
        let last = 0;
        for (const p of posts) { last = p.id; await work(last); }
      }
    `;
    expect(iterations(code, mode)).toEqual([
      '8: for-of posts invariant (post)',
      '10: for-of posts (post)',
      '13: for-of posts (p)',
    ]);
  });

  it('goes through nested and immediately run functions, not through definitions', () => {
    const code = dedent`
      ${PRELUDE}
      declare const db: { transaction<T>(fn: () => Promise<T>): Promise<T> };
      export async function f() {
        for (const p of posts) {
          await db.transaction(async () => work(p));
          await (async () => work(p))();
          const later = () => work(p);
          setTimeout(() => work(p), 10);
          later();
        }
        for (const p of posts) {
          for (const q of posts) await work(q, p);
        }
      }
    `;
    expect(iterations(code, mode)).toEqual([
      '9: for-of posts (p)',
      '10: for-of posts (p)',
      '11: once',
      '12: once',
      '16: for-of posts (q)',
    ]);
  });

  it('reports literal arrays and fetch-until-done loops so rules can skip them', () => {
    const code = dedent`
      ${PRELUDE}
      const ROLES = ["admin", "editor"] as const;
      export async function f() {
        for (const role of ["a", "b", "c"]) await work(role);
        for (const role of ROLES) await work(role);
        await Promise.all(ROLES.map((role) => work(role)));
        let cursor: number | null = 0;
        while (cursor !== null) {
          const page = (await work(cursor)) as { next: number | null };
          cursor = page.next;
        }
        for (;;) {
          const rows = (await work(tenant)) as unknown[];
          if (rows.length === 0) break;
        }
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            await work(attempt);
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
          }
        }
      }
    `;
    expect(iterations(code, mode)).toEqual([
      '8: for-of ["a", "b", "c"] literal 3 (role)',
      '9: for-of ROLES literal 2 (role)',
      '10: map ROLES concurrent literal 2 (role)',
      '13: while - until-done',
      '17: for - until-done invariant',
      '22: for - until-done (attempt)',
    ]);
  });
});

describe('findIteration with types', () => {
  it('ignores `.map()` on values that are not collections', () => {
    const code = dedent`
      declare function work(...args: unknown[]): Promise<unknown>;
      declare const maybe: { map<U>(fn: (v: number) => U): U };
      declare const list: number[];
      export const a = maybe.map((v) => work(v));
      export const b = list.map((v) => work(v));
    `;
    expect(iterations(code, 'typed')).toEqual(['4: once', '5: map list (v)']);
    expect(iterations(code, 'untyped')).toEqual(['4: map maybe (v)', '5: map list (v)']);
  });
});
