import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { recognizeDrizzleQuery } from './drizzle-query.js';
import { findIteration } from './per-item.js';
import { isSequential } from './sequential.js';

const IMPORTS = 'import { eq, gt } from "drizzle-orm";\nimport { db } from "./lib/db.js";\nimport { posts } from "./lib/schema.js";\n';

/** For each query in a loop: does it need the previous iteration's result? */
const verdicts = (body: string, mode: Mode) =>
  probe(`${IMPORTS}${body}`, mode, {
    on: 'CallExpression',
    run(node, file) {
      const query = recognizeDrizzleQuery(node as TSESTree.CallExpression, file);
      const iteration = query && findIteration(node, file.context, file.types);
      if (!query || !iteration) return null;
      return isSequential(query.arguments, iteration, file) ? 'chain' : 'batchable';
    },
  }).map((line) => line.replace(/^\d+: /, ''));

describe.for(MODES)('isSequential (%s)', (mode) => {
  it.for([
    [
      'a keyset walk: each page starts after the last row of the previous one',
      dedent`
        export async function walk() {
          let cursor = 0;
          do {
            const rows = await db.select().from(posts).where(gt(posts.id, cursor)).limit(100);
            cursor = rows.at(-1)?.id ?? 0;
          } while (cursor > 0);
        }
      `,
    ],
    [
      'each insert takes the id the previous one returned',
      dedent`
        export async function thread(bodies: string[], authorId: number) {
          let parent = authorId;
          for (const body of bodies) {
            const [row] = await db.insert(posts).values({ body, authorId: parent }).returning();
            parent = row!.id;
          }
        }
      `,
    ],
    [
      'the awaited value assigned directly',
      dedent`
        export async function follow(start: number, hops: number) {
          let id = start;
          for (let i = 0; i < hops; i++) id = (await db.select().from(posts).where(eq(posts.id, id)))[0]!.authorId;
        }
      `,
    ],
  ] as const)('a chain: %s', ([, body]) => {
    expect(verdicts(body, mode)).toEqual(['chain']);
  });

  it.for([
    [
      'a counter assigned without an await',
      dedent`
        export async function touch(ids: number[]) {
          let done = 0;
          for (const id of ids) {
            await db.update(posts).set({ body: String(done) }).where(eq(posts.id, id));
            done += 1;
          }
        }
      `,
    ],
    [
      'a value declared inside the loop, even reassigned from an await (a new one per item)',
      dedent`
        export async function touchLatest(ids: number[]) {
          for (const id of ids) {
            let rows = await db.select().from(posts).where(eq(posts.id, id));
            if (rows.length === 0) rows = await db.select().from(posts).where(eq(posts.authorId, id));
            await db.update(posts).set({ body: "seen" }).where(eq(posts.id, rows[0]!.id));
          }
        }
      `,
    ],
    [
      'an awaited result kept across items that the query does not read',
      dedent`
        export async function last(ids: number[]) {
          let latest: unknown;
          for (const id of ids) latest = await db.select().from(posts).where(eq(posts.id, id));
          return latest;
        }
      `,
    ],
  ] as const)('batchable: %s', ([, body]) => {
    const found = verdicts(body, mode);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((v) => v !== 'batchable')).toEqual([]);
  });

  it('follows an awaited value through up to three locals of the loop, no further', () => {
    const walk = (count: number) => {
      const locals = Array.from({ length: count - 1 }, (_, i) => `const v${i + 1} = v${i};`).join(' ');
      return dedent`
        export async function walk() {
          let cursor = 0;
          while (cursor >= 0) {
            const v0 = await db.select().from(posts).where(gt(posts.id, cursor));
            ${locals}
            cursor = v${count - 1}.length;
          }
        }
      `;
    };
    expect(verdicts(walk(3), mode)).toEqual(['chain']);
    expect(verdicts(walk(4), mode)).toEqual(['batchable']);
  });
});
