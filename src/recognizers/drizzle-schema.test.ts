import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedent } from '../../test/support/harness.js';
import { readModuleTables, readNamespacedTable, readTableColumns, readTableSchema, type TableSchema } from './drizzle-schema.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-schema-'));
mkdirSync(path.join(dir, 'schema'));
writeFileSync(
  path.join(dir, 'schema/posts.ts'),
  dedent`
    import { index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
    import { sql } from "drizzle-orm";

    export const posts = pgTable(
      "posts",
      {
        id: serial("id").primaryKey(),
        authorId: integer("author_id").notNull(),
        slug: text("slug").notNull().unique(),
        data: jsonb("data").notNull(),
        createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
      },
      (t) => [
        index("posts_author_created_idx").on(t.authorId, t.createdAt.desc()),
        uniqueIndex("posts_author_slug_idx").on(t.authorId, t.slug),
        index("posts_data_gin_idx").using("gin", t.data),
        index("posts_data_kind_idx").on(sql\`(\${t.data}->>'kind')\`),
        index("posts_recent_idx").on(t.createdAt).where(sql\`created_at > '2026-01-01'\`),
      ],
    );

    // hotpath-small-table: a dozen rows
    export const kinds = pgTable("kinds", (t) => ({ id: t.integer().primaryKey(), name: t.text().notNull() }));

    export const tags = pgTable("tags", { postId: integer("post_id").notNull(), name: text("name").notNull() }, (t) => ({
      pk: primaryKey({ columns: [t.postId, t.name] }),
      byName: unique("tags_name_key").on(t.name),
    }));
  `,
);
writeFileSync(path.join(dir, 'schema/index.ts'), 'export * from "./posts.js";\nexport { tags as labels } from "./posts.js";\n');
writeFileSync(path.join(dir, 'queries.ts'), 'import * as schema from "./schema/index.js";\nimport { posts as p } from "./schema/index.js";\nexport { schema, p };\n');
const queries = path.join(dir, 'queries.ts');

const keys = (table: TableSchema | null) =>
  table?.keys.map((k) => `${k.kind}${k.method ? `:${k.method}` : ''}${k.partial ? ' partial' : ''} ${k.name ?? '-'} (${k.columns.join(', ')}${k.expressionColumns.length ? ` | expr ${k.expressionColumns.join(', ')}` : ''})`);

describe('readTableSchema', () => {
  it('reads the primary key, .unique(), indexes in order, GIN, expression and partial indexes', () => {
    expect(keys(readTableSchema('p', queries))).toEqual([
      'primary - (id)',
      'unique - (slug)',
      'index posts_author_created_idx (authorId, createdAt)',
      'unique posts_author_slug_idx (authorId, slug)',
      'index:gin posts_data_gin_idx (data)',
      'index posts_data_kind_idx ( | expr data)',
      'index partial posts_recent_idx (createdAt)',
    ]);
    const posts = readTableSchema('p', queries)!;
    expect(posts.sqlName).toBe('posts');
    expect(posts.columns.get('createdAt')?.sqlName).toBe('created_at');
    expect(posts.extra).toMatchObject({ form: 'array', param: 't' });
  });

  it('follows a renamed re-export through a barrel, and reads the older object form', () => {
    const tags = readNamespacedTable('schema', 'labels', queries);
    expect(tags?.variable).toBe('tags');
    expect(keys(tags)).toEqual(['primary - (postId, name)', 'unique tags_name_key (name)']);
    expect(tags?.extra.form).toBe('object');
  });

  it('reads the callback form of columns and the small-table mark', () => {
    const kinds = readNamespacedTable('schema', 'kinds', queries);
    expect(kinds?.small).toBe(true);
    expect([...kinds!.columns.keys()]).toEqual(['id', 'name']);
    expect(readNamespacedTable('schema', 'posts', queries)?.small).toBe(false);
  });

  it('is null for a name that is no table, or a module that is not there', () => {
    expect(readTableSchema('schema', queries)).toBeNull();
    expect(readTableSchema('posts', path.join(dir, 'missing.ts'))).toBeNull();
    expect(readTableSchema('x', queries, 'this is not ( code')).toBeNull();
  });

  it('lists the tables a module declares', () => {
    expect(readModuleTables(path.join(dir, 'schema/posts.ts')).map((t) => t.variable)).toEqual(['posts', 'kinds', 'tags']);
  });
});

describe('readTableColumns (the codemods’ view)', () => {
  it('knows which columns are unique on their own', () => {
    const columns = readTableColumns('p', queries)!;
    expect(columns.get('id')).toEqual({ type: 'number', notNull: true, primaryKey: true, unique: true });
    expect(columns.get('slug')?.unique).toBe(true);
    expect(columns.get('authorId')?.unique).toBe(false);
    expect(columns.get('createdAt')?.type).toBe('date');
    // JSONB holds no scalar a loader or a cursor could key by.
    expect(columns.has('data')).toBe(false);
  });
});
