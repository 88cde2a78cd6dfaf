import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedent } from '../../test/support/harness.js';
import { scratchProject } from '../../test/support/scratch-project.js';
import { findLookupSites, type SiteResult } from './lookups.js';

// A schema and a database the way real apps write them; each case is a router of its own against them.
const dir = scratchProject('lookups-unit');
writeFileSync(
  path.join(dir, 'schema.ts'),
  dedent`
    import { integer, pgTable, serial, text } from "drizzle-orm/pg-core";
    export const users = pgTable("users", { id: serial("id").primaryKey(), email: text("email").unique(), team: text("team") });
    export const posts = pgTable("posts", { id: serial("id").primaryKey(), authorId: integer("author_id").notNull(), title: text("title") });
  `,
);
writeFileSync(
  path.join(dir, 'db.ts'),
  dedent`
    import { drizzle } from "drizzle-orm/node-postgres";
    import * as schema from "./schema.js";
    export const db = drizzle(process.env.DATABASE_URL!, { schema });
  `,
);

function sites(body: string): SiteResult[] {
  const file = path.join(dir, 'job.ts');
  const source = dedent`
    import { and, eq } from "drizzle-orm";
    import { db } from "./db.js";
    import { posts, users } from "./schema.js";
    ${body}
  `;
  writeFileSync(file, source);
  return findLookupSites(source, file);
}

const kinds = (results: SiteResult[]) => results.map((r) => ('site' in r ? r.site.lookup.kind : `bail: ${r.bail.reason}`));

describe('findLookupSites', () => {
  it('describes a findFirst by a unique key, with the key as each item computes it', () => {
    const [result] = sites(dedent`
      export async function authors(rows: { authorId: number }[]) {
        return Promise.all(rows.map(async (row) => db.query.users.findFirst({ where: eq(users.id, row.authorId) })));
      }
    `);
    expect(result && 'site' in result).toBe(true);
    const { site } = result as { site: NonNullable<Extract<SiteResult, { site: unknown }>['site']> };
    expect(site.lookup).toMatchObject({ kind: 'one', schemaKey: 'users', column: 'id', unique: true });
    expect(site.key).toBe('row.authorId');
    expect(site.concurrent).toBe(true);
    expect(site.receiver).toBe('db');
  });

  it('groups findMany and select lookups by a key that is not unique', () => {
    expect(
      kinds(
        sites(dedent`
          export async function byAuthor(ids: number[]) {
            for (const id of ids) {
              await db.query.posts.findMany({ where: eq(posts.authorId, id) });
              await db.select().from(posts).where(eq(posts.authorId, id));
            }
          }
        `),
      ),
    ).toEqual(['many', 'rows']);
  });

  it('declines what a batch by one key cannot serve, each with its reason', () => {
    const results = sites(dedent`
      export async function declined(ids: number[]) {
        for (const id of ids) {
          await db.query.users.findFirst({ where: eq(users.team, String(id)) });
        }
        for (const id of ids) {
          await db.query.posts.findMany({ where: and(eq(posts.authorId, id), eq(posts.id, id)) });
        }
        for (const id of ids) {
          await db.insert(posts).values({ authorId: id, title: "x" });
        }
      }
    `);
    expect(results).toHaveLength(3);
    expect(results.every((r) => 'bail' in r)).toBe(true);
    const reasons = results.map((r) => ('bail' in r ? r.bail.reason : ''));
    expect(reasons[0]).toMatch(/unique/);
    expect(reasons[1]).toMatch(/column|condition/);
    expect(reasons[2]).toMatch(/write/);
  });

  it('follows the rule: a literal list of a few items and a query outside any loop are no sites', () => {
    expect(
      sites(dedent`
        export async function few() {
          for (const id of [1, 2]) await db.query.users.findFirst({ where: eq(users.id, id) });
          return db.query.users.findFirst({ where: eq(users.id, 1) });
        }
      `),
    ).toEqual([]);
  });
});
