import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { codemod as cursorPagination } from '../../codemods/cursor-pagination/transform.js';
import { codemod as dataloader } from '../../codemods/dataloader/transform.js';
import { codemod as redisPipeline } from '../../codemods/redis-pipeline/transform.js';
import { runCodemod, type RunOptions } from '../../src/codemods/runner.js';
import { scratchProject } from '../support/scratch-project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATALOADER = path.join(ROOT, 'codemods/dataloader/__testfixtures__');
const PAGINATION = path.join(ROOT, 'codemods/cursor-pagination/__testfixtures__');

// A tRPC context that names its database `database`, and a lookup per item through it.
const CONTEXT = `import { db } from "./db.js";

export async function createContext() {
  return { database: db };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
`;
const ROUTER = `import { eq } from "drizzle-orm";
import { posts, users } from "./schema.js";
import { publicProcedure, router } from "./trpc.js";

export const feedRouter = router({
  withAuthors: publicProcedure.query(async ({ ctx }) => {
    const rows = await ctx.database.select().from(posts).limit(50);
    return Promise.all(
      rows.map(async (post) => ({ ...post, author: await ctx.database.query.users.findFirst({ where: eq(users.id, post.authorId) }) })),
    );
  }),
});
`;
// A loop over a literal of three ids: left alone by default (`ignoreLiteralArraysUpTo: 5`).
const FEATURED = `import { eq } from "drizzle-orm";
import { db } from "./db.js";
import { users } from "./schema.js";

export async function featured() {
  const ids = [1, 2, 3];
  const found = [];
  for (const id of ids) found.push(await db.query.users.findFirst({ where: eq(users.id, id) }));
  return found;
}
`;
// \`get\` on a client from a module the checkout does not hold: a Redis client only by the settings.
const CACHE = `import { kv } from "@acme/cache";

export async function flags() {
  const beta = await kv.get("flag:beta");
  const dark = await kv.get("flag:dark");
  return { beta, dark };
}
`;
/** The user's flat config: the plugin as built, non-default settings, and non-default options of the rewritten rules. */
const ESLINT_CONFIG = `import tsParser from "@typescript-eslint/parser";
import hotpath from ${JSON.stringify(path.join(ROOT, 'dist/src/index.js'))};

export default [
  {
    files: ["**/*.ts"],
    languageOptions: { parser: tsParser },
    plugins: { hotpath },
    settings: { hotpath: { drizzle: { contextKeys: ["database"] }, redis: { modules: ["@acme/cache"] } } },
    rules: {
      "hotpath/no-n-plus-one": ["error", { ignoreLiteralArraysUpTo: 2 }],
      "hotpath/no-offset-pagination": ["error", { allow: ["posts"] }],
      "hotpath/no-unbatched-redis": "error",
    },
  },
];
`;

let dir: string;
beforeAll(() => {
  dir = scratchProject('codemod-settings', { dataloader: '*' });
  for (const file of ['schema.ts', 'db.ts', 'trpc.ts']) copyFileSync(path.join(DATALOADER, file), path.join(dir, file));
  writeFileSync(path.join(dir, 'context.ts'), CONTEXT);
  writeFileSync(path.join(dir, 'router.ts'), ROUTER);
  writeFileSync(path.join(dir, 'featured.ts'), FEATURED);
  writeFileSync(path.join(dir, 'cache.ts'), CACHE);
  writeFileSync(path.join(dir, 'eslint.config.js'), ESLINT_CONFIG);
  mkdirSync(path.join(dir, 'paging'));
  for (const file of ['feed.input.ts', 'schema.ts', 'trpc.ts']) copyFileSync(path.join(PAGINATION, file), path.join(dir, 'paging', file.replace('.input', '')));
});

/** A dry run over `files`, with the user's config (looked up, as by default) or without any (`false`). */
const dry = (files: string[], config?: false): RunOptions => ({ cwd: dir, files: files.map((f) => path.join(dir, f)), dry: true, print: false, mark: false, write: () => {}, config });
async function reported(file: string, rule: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: dir }).lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === `hotpath/${rule}`).map((m) => m.line);
}

describe('codemods follow the settings and rule options of the user’s ESLint config', () => {
  it('dataloader: with `contextKeys: ["database"]` the loaders go on that context, as the rule reads it', async () => {
    expect(await reported('router.ts', 'no-n-plus-one')).toEqual([9]);
    const followed = await runCodemod(dataloader, dry(['router.ts', 'context.ts']));
    expect(followed.changed.sort()).toEqual(['context.ts', 'loaders.ts', 'router.ts']);
    // Without it, no `createContext` returns the database under `db`: one query before the loop instead.
    const ignored = await runCodemod(dataloader, dry(['router.ts', 'context.ts'], false));
    expect(ignored.changed).toEqual(['router.ts']);
  });

  it('dataloader: with `ignoreLiteralArraysUpTo: 2` a loop over three ids is a site, as the rule reports it', async () => {
    expect(await reported('featured.ts', 'no-n-plus-one')).toEqual([8]);
    expect((await runCodemod(dataloader, dry(['featured.ts']))).changed).toEqual(['featured.ts']);
    expect((await runCodemod(dataloader, dry(['featured.ts'], false))).changed).toEqual([]);
  });

  it('redis-pipeline: with `redis.modules` the commands of a client from that module are a run, as the rule reports them, and listed', async () => {
    expect(await reported('cache.ts', 'no-unbatched-redis')).not.toEqual([]);
    // Found, and listed: which batched form the client has depends on its library.
    expect((await runCodemod(redisPipeline, dry(['cache.ts']))).skipped).toEqual([
      { file: 'cache.ts', line: 4, reason: 'the Redis client library is not known, so neither is its batched form' },
    ]);
    expect((await runCodemod(redisPipeline, dry(['cache.ts'], false))).skipped).toEqual([]);
  });

  it('cursor-pagination: a table the offset rule allows is left alone, as the rule leaves it', async () => {
    expect(await reported('paging/feed.ts', 'no-offset-pagination')).toEqual([]);
    expect((await runCodemod(cursorPagination, dry(['paging/feed.ts']))).changed).toEqual([]);
    expect((await runCodemod(cursorPagination, dry(['paging/feed.ts'], false))).changed).toEqual(['paging/feed.ts']);
  });
});
