import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { dedent } from './support/harness.js';

/**
 * Every message and suggestion of every rule, rendered by ESLint for a realistic case lifted from the fixture
 * app (its file paths, its imports, its names), so the snapshot reads as a user sees the output. ESLint's
 * stylish output wraps past the terminal's width: a common report stays within 160 characters, and the long
 * reasoning lives in the rule's docs page.
 */
const APP = path.resolve(import.meta.dirname, '../fixtures/socialhub');
const LIMIT = 160;

interface Case {
  rule: keyof typeof rules;
  id: string;
  /** What the case shows, when a message id has several. */
  label?: string;
  file: string;
  code: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
  /** The message of the suggestion with this id, not the report's. */
  suggestion?: boolean;
  /** Data of unbounded length (another tool's error text): not held to the limit. */
  unbounded?: boolean;
}

const ROUTERS = 'apps/api/src/trpc/routers';
const NO_TIME_BOX = [{ coldTimeoutMs: 0 }];

const cases: Case[] = [
  {
    rule: 'no-n-plus-one',
    id: 'queryPerItem',
    label: 'a lookup per post of a feed',
    file: `${ROUTERS}/post.ts`,
    code: dedent`
      import { desc, eq } from "drizzle-orm";
      import { posts, users } from "@socialhub/db";
      import { publicProcedure } from "../trpc.js";
      export const latest = publicProcedure.query(async ({ ctx }) => {
        const rows = await ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(100);
        return Promise.all(rows.map(async (post) => ({ ...post, author: await ctx.db.query.users.findFirst({ where: eq(users.id, post.authorId) }) })));
      });
    `,
  },
  {
    rule: 'no-n-plus-one',
    id: 'databasePerItem',
    label: 'a transaction handed to a function of a package not in the checkout',
    file: `${ROUTERS}/notification.ts`,
    code: dedent`
      import { db } from "@socialhub/db";
      import { archiveNotification } from "@socialhub/archive";
      export async function archiveAll(ids: number[]) {
        await db.transaction(async (tx) => {
          for (const id of ids) await archiveNotification(tx, id);
        });
      }
    `,
  },
  {
    rule: 'no-n-plus-one',
    id: 'queryPerItem',
    label: 'through a helper of another module',
    file: `${ROUTERS}/notification.ts`,
    code: dedent`
      import { getAuthor } from "../../services/feed.service.js";
      export async function actors(rows: Array<{ actorId: number }>) {
        const items = [];
        for (const n of rows) items.push(await getAuthor(n.actorId));
        return items;
      }
    `,
  },
  {
    rule: 'no-n-plus-one',
    id: 'queryPerItem',
    label: 'an update per id',
    file: `${ROUTERS}/notification.ts`,
    code: dedent`
      import { eq } from "drizzle-orm";
      import { notifications } from "@socialhub/db";
      import { protectedProcedure } from "../trpc.js";
      import { z } from "zod";
      export const markRead = protectedProcedure.input(z.object({ ids: z.array(z.number()) })).mutation(async ({ ctx, input }) => {
        await Promise.all(input.ids.map((id) => ctx.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id))));
      });
    `,
  },
  {
    rule: 'no-n-plus-one',
    id: 'queryPerItem',
    label: 'a count per candidate, in a while loop',
    file: `${ROUTERS}/user.ts`,
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db, follows } from "@socialhub/db";
      export async function drain(queue: number[]) {
        while (queue.length > 0) {
          const id = queue.pop()!;
          await db.$count(follows, eq(follows.followerId, id));
        }
      }
    `,
  },
  {
    rule: 'no-n-plus-one',
    id: 'sameQueryPerItem',
    file: `${ROUTERS}/post.ts`,
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db, users } from "@socialhub/db";
      export async function visible(posts: Array<{ draft: boolean }>, viewerId: number) {
        for (const post of posts) {
          const viewer = await db.query.users.findFirst({ where: eq(users.id, viewerId) });
          if (viewer && post.draft) return false;
        }
        return true;
      }
    `,
  },
  {
    rule: 'no-offset-pagination',
    id: 'offsetPagination',
    label: '`.offset()` in a procedure',
    file: `${ROUTERS}/post.ts`,
    code: dedent`
      import { desc } from "drizzle-orm";
      import { z } from "zod";
      import { posts } from "@socialhub/db";
      import { publicProcedure, router } from "../trpc.js";
      export const postRouter = router({
        timeline: publicProcedure
          .input(z.object({ page: z.number().int().min(1).default(1) }))
          .query(({ ctx, input }) => ctx.db.select().from(posts).orderBy(desc(posts.createdAt)).limit(20).offset((input.page - 1) * 20)),
      });
    `,
  },
  {
    rule: 'no-offset-pagination',
    id: 'offsetPagination',
    label: '`findMany({ offset })` in a procedure',
    file: `${ROUTERS}/search.ts`,
    code: dedent`
      import { ilike } from "drizzle-orm";
      import { z } from "zod";
      import { users } from "@socialhub/db";
      import { publicProcedure, router } from "../trpc.js";
      export const searchRouter = router({
        users: publicProcedure
          .input(z.object({ q: z.string(), offset: z.number().default(0) }))
          .query(({ ctx, input }) => ctx.db.query.users.findMany({ where: ilike(users.handle, input.q), limit: 20, offset: input.offset })),
      });
    `,
  },
  {
    rule: 'no-offset-pagination',
    id: 'offsetInput',
    file: `${ROUTERS}/user.ts`,
    code: dedent`
      import { z } from "zod";
      import { listUsersPage } from "../../services/feed.service.js";
      import { publicProcedure, router } from "../trpc.js";
      export const userRouter = router({
        directory: publicProcedure.input(z.object({ page: z.number().int().min(1).default(1) })).query(({ input }) => listUsersPage(input.page)),
      });
    `,
  },
  {
    rule: 'no-unbatched-redis',
    id: 'commandPerItem',
    label: 'awaited in a loop',
    file: 'apps/api/src/lib/queue.ts',
    code: dedent`
      import { redis } from "./redis.js";
      export async function enqueueAll(jobs: unknown[]) {
        for (const job of jobs) await redis.lpush("queue:jobs", JSON.stringify(job));
      }
    `,
  },
  {
    rule: 'no-unbatched-redis',
    id: 'commandPerItem',
    label: 'ioredis, `.map()` into `Promise.all`',
    file: 'apps/api/src/lib/sessions.ts',
    code: dedent`
      import { redis } from "./redis.js";
      export const readSessions = (tokenIds: string[]) => Promise.all(tokenIds.map((id) => redis.get(\`session:\${id}\`)));
    `,
  },
  {
    rule: 'no-unbatched-redis',
    id: 'commandPerItem',
    label: 'a SET with expiry per item',
    file: 'apps/api/src/jobs/feed-polling.job.ts',
    code: dedent`
      import { redis } from "../lib/redis.js";
      export async function stamp(connected: Array<{ id: number }>) {
        for (const platform of connected) await redis.set(\`platform:\${platform.id}:polled\`, Date.now(), "EX", 3600);
      }
    `,
  },
  {
    rule: 'no-unbatched-redis',
    id: 'consecutiveCommands',
    file: 'apps/api/src/lib/feed-cache.ts',
    code: dedent`
      import { redis } from "./redis.js";
      export async function readCachedFeed(userId: number) {
        const page = await redis.get(\`feed:\${userId}:head\`);
        const version = await redis.get(\`feed:\${userId}:version\`);
        const seen = await redis.hget("seen", String(userId));
        return { page, version, seen };
      }
    `,
  },
  {
    rule: 'prefer-type-imports',
    id: 'typeOnlyImport',
    file: 'apps/api/src/trpc/errors.ts',
    code: dedent`
      import { TRPCError, TRPC_ERROR_CODE_KEY } from "@trpc/server";
      export const jobError = (code: TRPC_ERROR_CODE_KEY) => new TRPCError({ code });
    `,
  },
  {
    rule: 'prefer-type-imports',
    id: 'serverCodeInClient',
    file: 'apps/web/src/lib/trpc.ts',
    code: dedent`
      "use client";
      import { createTRPCReact } from "@trpc/react-query";
      import { AppRouter } from "@socialhub/api";
      export const trpc = createTRPCReact<AppRouter>();
    `,
  },
  {
    rule: 'prefer-type-imports',
    id: 'sideEffectImport',
    file: 'apps/api/src/trpc/errors.ts',
    options: [{ verbatimModuleSyntax: true }],
    code: dedent`
      import { type Job } from "../lib/queue.js";
      export const name = (job: Job) => job.name;
    `,
  },
  {
    rule: 'prefer-type-imports',
    id: 'typeOnlyExport',
    file: 'apps/api/src/trpc/context.ts',
    code: dedent`
      import type { Job } from "../lib/queue.js";
      interface RequestLike { headers: Record<string, string | undefined> }
      export { Job, RequestLike };
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'serverOnly',
    file: 'apps/web/src/app/notifications/notification-list.tsx',
    options: NO_TIME_BOX,
    code: dedent`
      "use client";
      import { formatHandle } from "@socialhub/db";
      export const Handle = ({ handle }: { handle: string }) => <b>{formatHandle(handle)}</b>;
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'overImportBudget',
    label: 'with a lighter alternative',
    file: 'apps/web/src/app/feed/timeline.tsx',
    options: NO_TIME_BOX,
    code: dedent`
      "use client";
      import moment from "moment";
      export const Day = ({ at }: { at: Date }) => <h2>{moment(at).fromNow()}</h2>;
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'overImportBudget',
    label: 'a component that can load on demand',
    file: 'apps/web/src/app/providers.tsx',
    options: NO_TIME_BOX,
    settings: { hotpath: { budgets: { packages: { '@tanstack/react-query': 0.1 } } } },
    code: dedent`
      "use client";
      import { QueryClientProvider } from "@tanstack/react-query";
      export const Shell = () => <QueryClientProvider client={undefined as never} />;
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'overFileBudget',
    file: 'apps/web/src/app/feed/timeline.tsx',
    options: NO_TIME_BOX,
    settings: { hotpath: { budgets: { importKb: 30, fileKb: 40 } } },
    code: dedent`
      "use client";
      import _ from "lodash";
      import moment from "moment";
      import { formatDistanceToNow } from "date-fns";
      export const byDay = (xs: Date[]) => _.groupBy(xs, (d) => moment(d).format("YYYY-MM-DD") + formatDistanceToNow(d));
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'cannotBundle',
    file: 'apps/web/src/app/search/files.ts',
    options: NO_TIME_BOX,
    unbounded: true,
    code: `"use client";\nimport { glob } from "tinyglobby";\nexport const files = () => glob(["*.ts"]);`,
  },
  {
    rule: 'client-bundle-budget',
    id: 'useTypeImport',
    suggestion: true,
    file: 'apps/web/src/lib/trpc.ts',
    options: [{ coldTimeoutMs: 0, verbatimModuleSyntax: true }],
    code: dedent`
      "use client";
      import { AppRouter } from "@socialhub/api";
      export let router: AppRouter | undefined;
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'useSubpaths',
    suggestion: true,
    file: 'apps/web/src/app/feed/timeline.tsx',
    options: NO_TIME_BOX,
    code: dedent`
      "use client";
      import _ from "lodash";
      export const byDay = (xs: Date[]) => _.groupBy(xs, (d) => d.toDateString());
    `,
  },
  {
    rule: 'client-bundle-budget',
    id: 'useDynamic',
    suggestion: true,
    file: 'apps/web/src/app/providers.tsx',
    options: NO_TIME_BOX,
    settings: { hotpath: { budgets: { packages: { '@tanstack/react-query': 0.1 } } } },
    code: dedent`
      "use client";
      import { QueryClientProvider } from "@tanstack/react-query";
      export const Shell = () => <QueryClientProvider client={undefined as never} />;
    `,
  },
  {
    rule: 'require-index',
    id: 'filterScan',
    file: 'apps/api/src/services/activity.service.ts',
    code: dedent`
      import { desc, eq } from "drizzle-orm";
      import { db, notifications } from "@socialhub/db";
      export const byActor = (id: number) => db.select().from(notifications).where(eq(notifications.actorId, id)).orderBy(desc(notifications.createdAt)).limit(50);
    `,
  },
  {
    rule: 'require-index',
    id: 'sortScan',
    file: 'apps/api/src/services/activity.service.ts',
    code: dedent`
      import { desc } from "drizzle-orm";
      import { db, users } from "@socialhub/db";
      export const newest = () => db.select().from(users).orderBy(desc(users.createdAt)).limit(20);
    `,
  },
  {
    rule: 'require-index',
    id: 'cursorSort',
    file: `${ROUTERS}/user.ts`,
    code: dedent`
      import { and, desc, eq, lt } from "drizzle-orm";
      import { db, follows } from "@socialhub/db";
      export const followers = (id: number, c: Date | null) =>
        db.select().from(follows).where(and(eq(follows.followeeId, id), c ? lt(follows.createdAt, c) : undefined)).orderBy(desc(follows.createdAt)).limit(50);
    `,
  },
  {
    rule: 'require-index',
    id: 'joinScan',
    file: 'apps/api/src/services/activity.service.ts',
    code: dedent`
      import { eq } from "drizzle-orm";
      import { db, notifications, posts } from "@socialhub/db";
      export const onPosts = (id: number) => db.select().from(posts).innerJoin(notifications, eq(notifications.postId, posts.id)).where(eq(posts.authorId, id));
    `,
  },
  {
    rule: 'require-index',
    id: 'jsonScan',
    file: 'apps/api/src/services/activity.service.ts',
    code: dedent`
      import { sql } from "drizzle-orm";
      import { auditEvents, db } from "@socialhub/db";
      export const matching = (f: string) => db.select().from(auditEvents).where(sql\`\${auditEvents.payload} @> \${f}::jsonb\`).limit(100);
    `,
  },
];

/** The message ESLint prints for the case: the report's, or its suggestion's. */
function render(c: Case): string {
  const linter = new Linter({ cwd: APP });
  const messages = linter.verify(
    c.code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { hotpath: { rules } as never },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
        settings: c.settings ?? {},
        rules: { [`hotpath/${c.rule}`]: ['error', ...(c.options ?? [])] },
      },
    ],
    path.join(APP, c.file),
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${c.file}: ${fatal.message}`);
  if (c.suggestion) {
    const suggestion = messages.flatMap((m) => m.suggestions ?? []).find((s) => s.messageId === c.id);
    if (!suggestion) throw new Error(`no ${c.id} suggestion: ${JSON.stringify(messages)}`);
    return suggestion.desc;
  }
  const message = messages.find((m) => m.messageId === c.id);
  if (!message) throw new Error(`${c.file} ${c.label}: no ${c.id} report: ${JSON.stringify(messages.map((m) => m.message))}`);
  return message.message;
}

const key = (c: Case) => `${c.rule}/${c.id}${c.suggestion ? ' (suggestion)' : ''}${c.label ? `: ${c.label}` : ''}`;

describe('messages as ESLint prints them', { timeout: 120_000 }, () => {
  const rendered = cases.map((c) => ({ case: c, message: render(c) }));

  it('covers every message id of every rule', () => {
    const all = Object.entries(rules).flatMap(([name, rule]) => Object.keys(rule.meta.messages).map((id) => `${name}/${id}`));
    expect(new Set(cases.map((c) => `${c.rule}/${c.id}`))).toEqual(new Set(all));
  });

  it('read as a user sees them', () => {
    expect(Object.fromEntries(rendered.map((r) => [key(r.case), `(${r.message.length}) ${r.message}`]))).toMatchSnapshot();
  });

  it.for(cases.filter((c) => !c.unbounded).map((c) => [key(c), c] as const))(`%s: at most ${LIMIT} characters`, ([, c]) => {
    const message = rendered.find((r) => r.case === c)!.message;
    expect(message.length, message).toBeLessThanOrEqual(LIMIT);
  });

  it('name the codemod that fixes what they report', () => {
    const codemods: Record<string, string> = {
      'no-n-plus-one/queryPerItem: a lookup per post of a feed': 'dataloader',
      'no-n-plus-one/queryPerItem: through a helper of another module': 'dataloader',
      'no-offset-pagination/offsetPagination: `.offset()` in a procedure': 'cursor-pagination',
      'no-offset-pagination/offsetPagination: `findMany({ offset })` in a procedure': 'cursor-pagination',
      'no-offset-pagination/offsetInput': 'cursor-pagination',
      'no-unbatched-redis/commandPerItem: awaited in a loop': 'redis-pipeline',
      'no-unbatched-redis/commandPerItem: ioredis, `.map()` into `Promise.all`': 'redis-pipeline',
      'no-unbatched-redis/consecutiveCommands': 'redis-pipeline',
    };
    for (const [name, codemod] of Object.entries(codemods)) {
      const found = rendered.find((r) => key(r.case) === name);
      expect(found?.message, name).toContain(`\`npx hotpath codemod ${codemod}\``);
    }
  });
});
