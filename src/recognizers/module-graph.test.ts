import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dedent } from '../../test/support/harness.js';
import { fileMayReach, moduleReachesPackage, resolveProjectModule, scanImports } from './module-graph.js';

describe('scanImports', () => {
  it('finds static, dynamic, re-export and require specifiers, and marks type-only ones', () => {
    const code = dedent`
      import a from "a";
      import type { B } from "b";
      import {
        c1,
        c2 as c3,
      } from "c";
      import "side-effect";
      export * from "./d.js";
      export type { E } from "e";
      const f = await import("f");
      const g = require("g");
      // import h from "h";
      /* import i from "i"; */
      const url = "http://example.com/x"; import j from "j";
    `;
    expect(scanImports(code)).toEqual([
      { source: 'a', typeOnly: false },
      { source: 'b', typeOnly: true },
      { source: 'c', typeOnly: false },
      { source: 'side-effect', typeOnly: false },
      { source: './d.js', typeOnly: false },
      { source: 'e', typeOnly: true },
      { source: 'f', typeOnly: false },
      { source: 'g', typeOnly: false },
      { source: 'j', typeOnly: false },
    ]);
  });
});

describe('resolveProjectModule and moduleReachesPackage', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'hotpath-graph-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('packages/db/package.json', JSON.stringify({ name: '@acme/db', exports: { '.': { types: './src/index.ts' } } }));
  write('packages/db/src/index.ts', 'export * from "./client";\n');
  write('packages/db/src/client.ts', 'import { drizzle } from "drizzle-orm/postgres-js";\nexport const db = drizzle("");\n');
  write('packages/db/src/types.ts', 'import type { PgDatabase } from "drizzle-orm/pg-core";\nexport type D = PgDatabase<never>;\n');
  write('apps/api/tsconfig.json', '{ // comments and trailing commas are allowed\n "compilerOptions": { "paths": { "~/*": ["./src/*"], }, }, }\n');
  write('apps/api/src/lib/cache.ts', 'import Redis from "ioredis";\nexport default new Redis();\n');
  write('apps/api/src/routers/post.ts', 'import cache from "~/lib/cache.js";\nimport { db } from "@acme/db";\n');
  mkdirSync(path.join(root, 'apps/api/node_modules/@acme'), { recursive: true });
  symlinkSync(path.join(root, 'packages/db'), path.join(root, 'apps/api/node_modules/@acme/db'));
  const from = path.join(root, 'apps/api/src/routers/post.ts');

  it('resolves relative paths (.js standing for .ts), aliases and workspace packages', () => {
    expect(resolveProjectModule('../lib/cache.js', from)).toBe(path.join(root, 'apps/api/src/lib/cache.ts'));
    expect(resolveProjectModule('~/lib/cache.js', from)).toBe(path.join(root, 'apps/api/src/lib/cache.ts'));
    expect(resolveProjectModule('@acme/db', from)).toBe(path.join(root, 'packages/db/src/index.ts'));
    expect(resolveProjectModule('drizzle-orm', from)).toBeNull();
    expect(resolveProjectModule('./missing.js', from)).toBeNull();
  });

  it('tells which package a module reaches through runtime imports', () => {
    expect(moduleReachesPackage('@acme/db', from, ['drizzle-orm'])).toBe('drizzle-orm');
    expect(moduleReachesPackage('~/lib/cache.js', from, ['ioredis', 'drizzle-orm'])).toBe('ioredis');
    expect(moduleReachesPackage('drizzle-orm/pg-core', from, ['drizzle-orm'])).toBe('drizzle-orm');
    expect(moduleReachesPackage('../../../../packages/db/src/types.js', from, ['drizzle-orm'])).toBeNull();
    expect(moduleReachesPackage('@acme/db', from, ['drizzle-orm'], 1)).toBeNull();
  });

  it('tells whether a module may hold a value of a package, type imports and re-exports included', () => {
    const file = (name: string) => path.join(root, name);
    expect(fileMayReach(file('packages/db/src/index.ts'), ['drizzle-orm'], 6)).toBe(true);
    expect(fileMayReach(file('packages/db/src/types.ts'), ['drizzle-orm'], 6)).toBe(true);
    expect(fileMayReach(file('apps/api/src/routers/post.ts'), ['drizzle-orm'], 6)).toBe(true);
    expect(fileMayReach(file('apps/api/src/lib/cache.ts'), ['drizzle-orm'], 6)).toBe(false);
    // The barrel, then the client: two modules deep.
    expect(fileMayReach(file('packages/db/src/index.ts'), ['drizzle-orm'], 1)).toBe(false);
  });

  it('sees an import added further down the chain once the answer is re-checked', async () => {
    write('apps/api/src/lib/format.ts', 'import { helper } from "./helper";\nexport const format = helper;\n');
    write('apps/api/src/lib/helper.ts', 'export const helper = 1;\n');
    const format = path.join(root, 'apps/api/src/lib/format.ts');
    expect(fileMayReach(format, ['ioredis'], 6)).toBe(false);
    write('apps/api/src/lib/helper.ts', 'import Redis from "ioredis";\nexport const helper = new Redis();\n');
    const later = new Date(Date.now() + 10_000);
    utimesSync(path.join(root, 'apps/api/src/lib/helper.ts'), later, later);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(fileMayReach(format, ['ioredis'], 6)).toBe(true);
  });

  it('resolves an import written before its file existed, once "not found" is re-checked', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect(resolveProjectModule('./later.js', from)).toBeNull();
      write('apps/api/src/routers/later.ts', 'export const later = 1;\n');
      expect(resolveProjectModule('./later.js', from)).toBeNull();
      vi.advanceTimersByTime(2000);
      expect(resolveProjectModule('./later.js', from)).toBe(path.join(root, 'apps/api/src/routers/later.ts'));
    } finally {
      vi.useRealTimers();
    }
  });
});
