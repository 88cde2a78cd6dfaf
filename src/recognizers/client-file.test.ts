import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { MODES, dedent, probe } from '../../test/support/harness.js';
import { getFileContext } from './file-context.js';
import { recognizeClientFile } from './client-file.js';

const classify = (code: string, mode: (typeof MODES)[number], filename: string, settings?: Record<string, unknown>) =>
  probe(code, mode, { on: 'Program', run: (_node, file) => recognizeClientFile(file)?.reason ?? 'server' }, {
    filename,
    settings,
  })[0];

const PLAIN = 'export const x = 1;\n';
const USE_CLIENT = `"use client";\n${PLAIN}`;

// The fixture project is no Next.js app (no `next` dependency): only directives and settings decide there.
describe.for(MODES)('recognizeClientFile (%s)', (mode) => {
  it.for<[string, string, string]>([
    ['a "use client" file anywhere', 'apps/api/src/server.ts', USE_CLIENT],
    ['a client component in app/', 'apps/web/src/app/feed/page.tsx', USE_CLIENT],
  ])('client: %s', ([, filename, code]) => {
    expect(classify(code, mode, filename)).toBe('1: use-client');
  });

  it.for<[string, string, string]>([
    ['an API server file', 'apps/api/src/server.ts', PLAIN],
    ['a file of apps/web outside a Next.js app: no folder name makes client code', 'apps/web/src/components/feed.tsx', PLAIN],
    ['a pages/ file outside a Next.js app', 'apps/web/src/pages/index.tsx', PLAIN],
    ['a *.server.ts module', 'apps/web/src/lib.server.ts', PLAIN],
    ['a "use server" file', 'apps/web/src/components/feed.tsx', `"use server";\n${PLAIN}`],
    ['a server-only module, even with "use client"', 'apps/web/src/components/feed.tsx', `"use client";\nimport "server-only";\n`],
  ])('server: %s', ([, filename, code]) => {
    expect(classify(code, mode, filename)).toBe('1: server');
  });

  it('uses clientFiles and serverFiles from settings, relative to the project root', () => {
    const settings = { hotpath: { clientFiles: ['apps/api/**', 'packages/app/**'], serverFiles: ['**/components/**'] } };
    expect(classify(PLAIN, mode, 'apps/api/src/server.ts', settings)).toBe('1: client-glob');
    // A segment named `app` has no meaning of its own (the typed fixture project has no such file).
    if (mode === 'untyped') expect(classify(PLAIN, mode, 'packages/app/src/button.tsx', settings)).toBe('1: client-glob');
    expect(classify(PLAIN, mode, 'apps/web/src/components/feed.tsx', settings)).toBe('1: server');
  });
});

/** Files of a monorepo with a Next.js app (App Router), a Pages Router app and a Hono API. */
const MONOREPO: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['apps/*', 'packages/*'] }),
  'apps/web/package.json': JSON.stringify({ name: '@acme/web', dependencies: { next: '15.0.0', react: '19.0.0' } }),
  'apps/web/src/app/layout.tsx': dedent`
    import { Providers } from "./providers";
    export default function Layout({ children }: { children: React.ReactNode }) { return <Providers>{children}</Providers>; }
  `,
  'apps/web/src/app/providers.tsx': dedent`
    "use client";
    import { Feed } from "../components/feed";
    import { trpc } from "../lib/trpc";
    import { save } from "./actions";
    export function Providers({ children }: { children: React.ReactNode }) { return <div onClick={() => save()}><Feed client={trpc} />{children}</div>; }
  `,
  'apps/web/src/app/actions.ts': `"use server";\nimport { db } from "../server/db";\nexport async function save() { await db.execute("select 1"); }\n`,
  'apps/web/src/app/page.tsx': `import { Card } from "../components/card";\nexport default function Page() { return <Card />; }\n`,
  'apps/web/src/app/api/posts/route.ts': `import { Chart } from "../../../components/chart";\nexport const GET = () => Response.json(String(Chart));\n`,
  'apps/web/src/middleware.ts': `export function middleware() {}\n`,
  'apps/web/src/components/feed.tsx': dedent`
    import { Chart } from "./chart";
    import { get } from "../lib/api/client/fetcher";
    import { publicMarker } from "../server/constants";
    export function Feed(props: { client: unknown }) { return <Chart data={get(String(props.client) + publicMarker)} />; }
  `,
  'apps/web/src/components/chart.tsx': `export function Chart(props: { data: unknown }) { return <svg>{String(props.data)}</svg>; }\n`,
  'apps/web/src/components/card.tsx': `export function Card() { return <div />; }\n`,
  'apps/web/src/lib/api/client/fetcher.ts': `export const get = (url: string) => fetch(url);\n`,
  // A value import used only as a type: the compilers erase it, so the router is not in the client bundle.
  'apps/web/src/lib/trpc.ts': dedent`
    import { createTRPCReact } from "@trpc/react-query";
    import { AppRouter } from "../server/router";
    export const trpc = createTRPCReact<AppRouter>();
  `,
  'apps/web/src/server/constants.ts': `export const publicMarker = "?v=1";\n`,
  'apps/web/src/server/router.ts': `import { initTRPC } from "@trpc/server";\nimport { db } from "./db";\nexport const appRouter = initTRPC.create().router({});\nexport type AppRouter = typeof appRouter;\nvoid db;\n`,
  'apps/web/src/server/db.ts': `import { drizzle } from "drizzle-orm/node-postgres";\nexport const db = drizzle("postgres://");\n`,
  'apps/web/src/server/http.ts': `import Fastify from "fastify";\nimport { appRouter } from "./router";\nexport const app = Fastify();\nvoid appRouter;\n`,
  'apps/site/package.json': JSON.stringify({ name: '@acme/site', dependencies: { next: '14.0.0' } }),
  'apps/site/pages/index.tsx': dedent`
    import { Hero } from "../components/hero";
    import { loadPosts } from "../lib/posts";
    // The parameter shadows the import: the component never reads the helper.
    type Props = { posts: string[]; loadPosts?: string } & Partial<Awaited<ReturnType<typeof getServerSideProps>>>;
    export default function Home({ posts, loadPosts }: Props) { return <Hero posts={posts} title={loadPosts} />; }
    export async function getServerSideProps() { return { props: { posts: await loadPosts() } }; }
  `,
  'apps/site/pages/_document.tsx': `export default function Document() { return null; }\n`,
  'apps/site/pages/api/hello.ts': `export default function handler() {}\n`,
  'apps/site/components/hero.tsx': `export function Hero(props: { posts: string[]; title?: string }) { return <h1>{props.title}{props.posts.length}</h1>; }\n`,
  'apps/site/lib/posts.ts': `export async function loadPosts() { return ["a"]; }\n`,
  'apps/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { hono: '4.0.0' } }),
  'apps/api/src/pages/list.ts': `export const list = () => [];\n`,
  'packages/api/package.json': JSON.stringify({ name: '@acme/api-client', main: 'src/index.ts' }),
  'packages/api/src/index.ts': `export const routes = { posts: "/posts" };\n`,
};

const EXPECTED: Record<string, string> = {
  'apps/web/src/app/layout.tsx': 'server',
  'apps/web/src/app/providers.tsx': 'use-client',
  'apps/web/src/app/actions.ts': 'server',
  'apps/web/src/app/page.tsx': 'server',
  'apps/web/src/app/api/posts/route.ts': 'server',
  'apps/web/src/middleware.ts': 'server',
  'apps/web/src/components/feed.tsx': 'imported-by-client',
  'apps/web/src/components/chart.tsx': 'imported-by-client',
  'apps/web/src/components/card.tsx': 'server',
  'apps/web/src/lib/api/client/fetcher.ts': 'imported-by-client',
  'apps/web/src/lib/trpc.ts': 'imported-by-client',
  // Inside `server/`, but only a constant: a client module imports it, so it ships.
  'apps/web/src/server/constants.ts': 'imported-by-client',
  'apps/web/src/server/router.ts': 'server',
  'apps/web/src/server/db.ts': 'server',
  'apps/web/src/server/http.ts': 'server',
  'apps/site/pages/index.tsx': 'page',
  'apps/site/pages/_document.tsx': 'server',
  'apps/site/pages/api/hello.ts': 'server',
  'apps/site/components/hero.tsx': 'imported-by-client',
  // Only `getServerSideProps` calls it: Next.js drops it from the page's bundle.
  'apps/site/lib/posts.ts': 'server',
  'apps/api/src/pages/list.ts': 'server',
  'packages/api/src/index.ts': 'server',
};

const scratch = mkdtempSync(path.join(tmpdir(), 'hotpath-client-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

/** `file → reason` for every file of EXPECTED, linted from `root` as ESLint's cwd. */
function classifyTree(root: string, settings: Record<string, unknown> = {}): Record<string, string> {
  const linter = new Linter({ cwd: root });
  const found: Record<string, string> = {};
  const plugin = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: Parameters<typeof getFileContext>[0]) {
          const name = path.relative(root, context.physicalFilename).split(path.sep).join('/');
          found[name] = recognizeClientFile(getFileContext(context))?.reason ?? 'server';
          return {};
        },
      },
    },
  };
  const config = [
    {
      files: ['**/*.ts', '**/*.tsx'],
      plugins: { test: plugin as never },
      languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
      settings: { hotpath: settings },
      rules: { 'test/probe': 'error' as const },
    },
  ];
  for (const name of Object.keys(EXPECTED)) {
    const filename = path.join(root, name);
    const messages = linter.verify(MONOREPO[name]!, config, filename);
    const fatal = messages.find((m) => m.fatal);
    if (fatal) throw new Error(`${name}: ${fatal.message}`);
  }
  return found;
}

describe('recognizeClientFile in a monorepo, by the framework rules', () => {
  // Parent folders named like the conventions must change nothing.
  it.for(['neutral', 'app', 'api', 'server', 'pages'])('from a parent folder named `%s`', (parent) => {
    const root = path.join(scratch, parent, 'acme');
    writeTree(root, MONOREPO);
    expect(classifyTree(root)).toEqual(EXPECTED);
  });

  it('linting from inside a folder named `app` (the project root is the ESLint cwd)', () => {
    const root = path.join(scratch, 'app', 'src', 'app');
    writeTree(root, MONOREPO);
    expect(classifyTree(root)).toEqual(EXPECTED);
  });

  it('folder globs only from the settings, matched from the project root', () => {
    const root = path.join(scratch, 'globs', 'app');
    writeTree(root, MONOREPO);
    const found = classifyTree(root, { clientFiles: ['apps/api/**'], serverFiles: ['apps/web/src/components/chart.tsx'] });
    expect(found['apps/api/src/pages/list.ts']).toBe('client-glob');
    expect(found['apps/web/src/components/chart.tsx']).toBe('server');
    // `**/app/**` is the App Router folder inside the project; the parent folder `app/` is no part of any path.
    expect(classifyTree(root, { clientFiles: ['**/app/**'] })['apps/web/src/app/page.tsx']).toBe('client-glob');
    expect(classifyTree(root, { clientFiles: ['**/app/**'] })['apps/web/src/components/card.tsx']).toBe('server');
  });

  it('sees an edit: a Server Component that becomes a client one makes what it imports client code', async () => {
    const root = path.join(scratch, 'edit', 'acme');
    writeTree(root, MONOREPO);
    expect(classifyTree(root)['apps/web/src/components/card.tsx']).toBe('server');
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the re-check interval
    writeTree(root, { 'apps/web/src/app/page.tsx': `"use client";\n${MONOREPO['apps/web/src/app/page.tsx']}` });
    expect(classifyTree(root)['apps/web/src/components/card.tsx']).toBe('imported-by-client');
  });
});
