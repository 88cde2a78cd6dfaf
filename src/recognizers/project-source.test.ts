import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileContext } from './analysis-types.js';
import { loadProjectModule, mayExport } from './project-source.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hotpath-project-source-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('mayExport', () => {
  const root = project({
    'schema/index.ts': 'export * from "./users";\nexport * from "./posts";\n',
    'schema/users.ts': 'export const users = table("users");\n',
    'schema/posts.ts': 'export * from "./index";\nexport const posts = table("posts");\n',
    'db.ts': 'export * from "drizzle-orm";\nexport const db = drizzle();\n',
    'renamed.ts': 'const a = 1;\nexport { a as "quoted name" };\nexport * as ns from "./schema/users";\n',
  });
  const at = (file: string) => path.join(root, file);

  it('follows `export *` through project modules to the one that holds the name, cycles included', () => {
    expect(mayExport(at('schema/index.ts'), 'users')).toBe(true);
    expect(mayExport(at('schema/index.ts'), 'posts')).toBe(true);
    expect(mayExport(at('schema/index.ts'), 'comments')).toBe(false);
    expect(mayExport(at('schema/posts.ts'), 'users')).toBe(true);
  });

  it("answers yes for any name behind a package's `export *`: its names cannot be listed", () => {
    expect(mayExport(at('db.ts'), 'eq')).toBe(true);
  });

  it('finds names of `export * as ns` and of string-named exports in the text', () => {
    expect(mayExport(at('renamed.ts'), 'ns')).toBe(true);
    expect(mayExport(at('renamed.ts'), 'name')).toBe(true);
    expect(mayExport(at('renamed.ts'), 'users')).toBe(true); // a word of the text: one-sided, the parse decides
    expect(mayExport(at('renamed.ts'), 'posts')).toBe(false);
  });

  it('sees an edit: the text is read again when the modification time changes', () => {
    const file = at('schema/users.ts');
    expect(mayExport(file, 'accounts')).toBe(false);
    writeFileSync(file, 'export const accounts = table("accounts");\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(mayExport(file, 'accounts')).toBe(true);
  });

  it('answers yes for a module it cannot read, so that nothing is lost', () => {
    expect(mayExport(at('missing.ts'), 'anything')).toBe(true);
  });
});

describe('loadProjectModule', () => {
  it('keeps a bounded set of parsed modules, the least recently used going first', () => {
    const files = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`m${i}.ts`, `export const v${i} = ${i};\n`]));
    const root = project(files);
    const from = { context: { cwd: root, settings: {} }, settings: {}, hints: {}, types: undefined } as unknown as FileContext;
    const load = (i: number) => loadProjectModule(path.join(root, `m${i}.ts`), from);
    const first = load(0);
    const kept = load(1);
    expect(first?.program.body).toHaveLength(1);
    for (let i = 2; i < 80; i++) {
      load(i);
      if (i % 8 === 0) expect(load(1)).toBe(kept); // used again and again: stays
    }
    expect(load(1)).toBe(kept);
    const again = load(0);
    expect(again).not.toBe(first); // parsed again after it was dropped
    expect(again?.program.body).toHaveLength(1);
  });
});
