import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { afterAll } from 'vitest';
import { measure, type ImportEntry } from '../src/bundle/measure.js';
import { MODES, PROJECT, dedent, type Mode } from '../test/support/harness.js';
import { ruleTester } from '../test/support/rule-tester.js';
import rule, { type MessageIds, type Options } from './client-bundle-budget.js';

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT = 'apps/web/src/components/feed.tsx';
const NO_TIME_BOX: Options = [{ coldTimeoutMs: 0 }];

/** The size the rule must print, measured here with esbuild independently of its cache. */
function kb(...entries: ImportEntry[]): string {
  const result = measure(entries, ROOT, ['react', 'react-dom']);
  if (!('gzip' in result)) throw new Error(result.error);
  return (result.gzip / 1000).toFixed(1);
}
/** What a JSON file next to the client component adds: its minified text, gzipped. */
function jsonKb(file: string): string {
  const text = readFileSync(path.join(PROJECT, path.dirname(CLIENT), file), 'utf8');
  return (gzipSync(JSON.stringify(JSON.parse(text))).length / 1000).toFixed(1);
}
function bundleError(entry: ImportEntry): string {
  const result = measure([entry], ROOT, []);
  if (!('error' in result)) throw new Error('expected a bundling error');
  return result.error;
}

const over = (source: string, size: string, budget: string, hint = '') => ({
  messageId: 'overImportBudget' as const,
  data: { source, size, budget, hint },
});
const server = (source: string, reason: string) => ({ messageId: 'serverOnly' as const, data: { source, reason } });
const LODASH_HINT = ' Lighter: `lodash-es`, per-function imports (`lodash/debounce`) or built-ins.';

const invalid: Invalid[] = [
  {
    name: 'a JSON file of the project counts at its minified gzip size',
    code: `"use client";\nimport countries from "./countries.json";\nimport "./feed.css";\nexport const names = () => countries.map((c) => c.name);`,
    settings: { hotpath: { budgets: { importKb: 0.2 } } },
    errors: [{ ...over('./countries.json', jsonKb('countries.json'), '0.2', ' Fetch it at run time, or `import()` it where it is used.'), line: 2 }],
  },
  {
    name: 'moment in a client component, with its lighter alternatives',
    code: `"use client";\nimport moment from "moment";\nexport const when = (d: Date) => moment(d).fromNow();`,
    errors: [
      over(
        'moment',
        kb({ specifier: 'moment', names: ['default'] }),
        '15',
        ' Lighter: `date-fns` (import only the functions you use) or `dayjs`.',
      ),
    ],
  },
  {
    name: 'all of lodash for two functions: per-function imports, with the calls rewritten',
    code: dedent`
      "use client";
      import _ from "lodash";
      export const group = (xs: number[]) => _.groupBy(xs, (x) => x % 2);
      export const later = _.debounce(() => undefined, 100);
    `,
    errors: [
      {
        ...over('lodash', kb({ specifier: 'lodash', names: ['default'] }), '15', LODASH_HINT),
        suggestions: [
          {
            messageId: 'useSubpaths',
            data: { example: '`import groupBy from "lodash/groupBy"`' },
            output: dedent`
              "use client";
              import groupBy from "lodash/groupBy";
              import debounce from "lodash/debounce";
              export const group = (xs: number[]) => groupBy(xs, (x) => x % 2);
              export const later = debounce(() => undefined, 100);
            `,
          },
        ],
      },
    ],
  },
  {
    name: 'a named import from lodash is not tree-shaken either',
    code: `"use client";\nimport { debounce as wait } from "lodash";\nexport const later = wait(() => undefined, 100);`,
    errors: [
      {
        ...over('lodash', kb({ specifier: 'lodash', names: ['debounce'] }), '15', LODASH_HINT),
        suggestions: [
          {
            messageId: 'useSubpaths',
            data: { example: '`import wait from "lodash/debounce"`' },
            output: `"use client";\nimport wait from "lodash/debounce";\nexport const later = wait(() => undefined, 100);`,
          },
        ],
      },
    ],
  },
  {
    name: 'a package with no known lighter alternative: import less of it, or load it on demand',
    code: `"use client";\nimport { format } from "date-fns";\nexport const day = (d: Date) => format(d, "yyyy-MM-dd");`,
    settings: { hotpath: { budgets: { packages: { 'date-fns': 1 } } } },
    errors: [
      over(
        'date-fns',
        kb({ specifier: 'date-fns', names: ['format'] }),
        '1',
        ' Import less of it, or load it on demand with `next/dynamic`.',
      ),
    ],
  },
  {
    name: 'a component over its per-package budget: load it with next/dynamic',
    code: dedent`
      "use client";
      import { QueryClientProvider } from "@tanstack/react-query";
      export const Shell = () => <QueryClientProvider client={undefined as never} />;
    `,
    settings: { hotpath: { budgets: { packages: { '@tanstack/react-query': 0.1 } } } },
    errors: [
      {
        ...over(
          '@tanstack/react-query',
          kb({ specifier: '@tanstack/react-query', names: ['QueryClientProvider'] }),
          '0.1',
          ' Or load it on demand with `next/dynamic`.',
        ),
        suggestions: [
          {
            messageId: 'useDynamic',
            data: { name: 'QueryClientProvider' },
            output: dedent`
              "use client";
              import dynamic from "next/dynamic";

              const QueryClientProvider = dynamic(() => import("@tanstack/react-query").then((m) => m.QueryClientProvider));
              export const Shell = () => <QueryClientProvider client={undefined as never} />;
            `,
          },
        ],
      },
    ],
  },
  {
    name: 'the file total over its budget, measured as one bundle',
    code: dedent`
      "use client";
      import moment from "moment";
      import { format } from "date-fns";
      export const both = (d: Date) => [moment(d).fromNow(), format(d, "PP")];
    `,
    settings: { hotpath: { budgets: { importKb: 100, fileKb: 20 } } },
    errors: [
      {
        messageId: 'overFileBudget',
        data: {
          size: kb({ specifier: 'moment', names: ['default'] }, { specifier: 'date-fns', names: ['format'] }),
          budget: '20',
          largest: `\`moment\` ${kb({ specifier: 'moment', names: ['default'] })} kB, \`date-fns\` ${kb({ specifier: 'date-fns', names: ['format'] })} kB`,
        },
      },
    ],
  },
  {
    name: 'a package that only runs on Node.js',
    code: `"use client";\nimport { glob } from "tinyglobby";\nexport const files = () => glob(["*.ts"]);`,
    errors: [
      {
        messageId: 'cannotBundle',
        data: { source: 'tinyglobby', reason: bundleError({ specifier: 'tinyglobby', names: ['glob'] }) },
      },
    ],
  },
  {
    name: 'server-only modules, whatever their size',
    code: dedent`
      "use client";
      import Redis from "ioredis";
      import { readFileSync } from "node:fs";
      import { initTRPC } from "@trpc/server";
      import { db } from "../../../../lib/db.js";
      import { appRouter } from "../../../api/src/router.js";
      export const all = [Redis, readFileSync, initTRPC, db, appRouter];
    `,
    errors: [
      server('ioredis', 'is the server package `ioredis`'),
      server('node:fs', 'is a Node.js built-in'),
      server('@trpc/server', 'is the tRPC server'),
      server('../../../../lib/db.js', 'imports `drizzle-orm`'),
      server('../../../api/src/router.js', 'imports `@trpc/server`'),
    ],
  },
];

const valid: Valid[] = [
  { name: 'a small function of date-fns', code: `"use client";\nimport { format } from "date-fns";\nexport const f = (d: Date) => format(d, "PP");` },
  { name: 'a per-function lodash import', code: `"use client";\nimport debounce from "lodash/debounce";\nexport const d = debounce(() => 1, 10);` },
  { name: 'types from server code', code: `"use client";\nimport type { Database } from "../../../../lib/db.js";\nexport let db: Database | undefined;` },
  {
    name: 'a value import used only as a type is dropped by the compiler (prefer-type-imports reports it)',
    code: `"use client";\nimport { Database } from "../../../../lib/db.js";\nexport let db: Database | undefined;`,
  },
  { name: 'the framework ships with every page', code: `"use client";\nimport { useState } from "react";\nimport Link from "next/link";\nexport const x = [useState, Link];` },
  {
    name: 'an import of a client module is judged where that module is linted',
    code: `"use client";\nimport { Feed } from "./feed.js";\nexport const f = Feed;`,
  },
  { name: 'inline types only', code: `"use client";\nimport { type Database } from "../../../../lib/db.js";\nexport let db: Database | undefined;` },
  { name: 'the app\'s own client modules', code: `"use client";\nimport { helper } from "./helpers.js";\nexport const h = helper;` },
  { name: 'a dynamic import is a chunk of its own', code: `"use client";\nexport const load = () => import("moment");` },
  {
    name: 'a server file may import anything',
    code: `import moment from "moment";\nimport Redis from "ioredis";\nexport const x = [moment, Redis];`,
    filename: 'file.ts',
  },
];

/** Under `verbatimModuleSyntax` an import used only as a type ships: untyped from the option, typed from the tsconfig. */
const verbatim: Invalid = {
  name: 'verbatimModuleSyntax: a server module imported for its types only ships; suggest `import type`',
  code: `"use client";\nimport { Database } from "../../../../lib/db.js";\nexport let db: Database | undefined;`,
  options: [{ coldTimeoutMs: 0, verbatimModuleSyntax: true }],
  errors: [
    {
      ...server('../../../../lib/db.js', 'imports `drizzle-orm`'),
      suggestions: [
        {
          messageId: 'useTypeImport',
          output: `"use client";\nimport type { Database } from "../../../../lib/db.js";\nexport let db: Database | undefined;`,
        },
      ],
    },
  ],
};

const filenameOf = (mode: Mode, name: string) => (mode === 'typed' ? name : path.join(PROJECT, name));

for (const mode of MODES) {
  const at = <T extends { filename?: string; options?: Readonly<Options> }>(cases: T[]): T[] =>
    cases.map((c) => ({ options: NO_TIME_BOX, ...c, filename: filenameOf(mode, c.filename ?? CLIENT) }));
  ruleTester(mode).run(`client-bundle-budget (${mode})`, rule, {
    valid: at([...valid, ...(mode === 'typed' ? [{ code: verbatim.code, options: verbatim.options }] : [])]),
    invalid: at([...invalid, ...(mode === 'untyped' ? [verbatim] : [])]),
  });
}

/**
 * A monorepo on disk with a Next.js app (App Router and Pages Router) and a Hono API: which files are client
 * code follows the framework's rules, read from the importers on disk. The same recognizer runs typed or not.
 */
const REPO = mkdtempSync(path.join(tmpdir(), 'hotpath-bundle-app-'));
const files: Record<string, string> = {
  'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
  'apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15.0.0' } }),
  'apps/web/src/app/providers.tsx': `"use client";\nimport { Feed } from "../components/feed";\nimport { save } from "./actions";\nexport const P = () => <Feed onSave={save} />;\n`,
  'apps/web/src/app/actions.ts': `"use server";\nimport { drizzle } from "drizzle-orm/node-postgres";\nexport async function save() { drizzle("postgres://"); }\n`,
  'apps/web/src/app/page.tsx': 'export default function Page() { return null; }\n',
  'apps/web/src/app/api/posts/route.ts': 'export const GET = () => new Response();\n',
  'apps/web/src/components/feed.tsx': 'export const Feed = (_: { onSave: () => void }) => null;\n',
  'apps/web/src/lib/api/client/fetcher.ts': 'export const get = (url: string) => fetch(url);\n',
  'apps/web/src/server/router.ts': 'export const router = {};\n',
  'apps/web/src/pages/index.tsx': 'export default function Home() { return null; }\n',
  'apps/api/package.json': JSON.stringify({ name: 'api', dependencies: { hono: '4.0.0' } }),
  'apps/api/src/pages/list.ts': 'export const list = [];\n',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(path.dirname(path.join(REPO, name)), { recursive: true });
  writeFileSync(path.join(REPO, name), text);
}
const at = (name: string) => path.join(REPO, name);
afterAll(() => rmSync(REPO, { recursive: true, force: true }));

ruleTester('untyped').run('client-bundle-budget (which files are client code)', rule, {
  valid: [
    {
      name: 'a route handler',
      filename: at('apps/web/src/app/api/posts/route.ts'),
      code: 'import Redis from "ioredis";\nexport const GET = () => new Response(String(new Redis()));',
    },
    {
      name: 'a Server Component',
      filename: at('apps/web/src/app/page.tsx'),
      code: 'import { readFileSync } from "node:fs";\nexport default function Page() { return <p>{String(readFileSync)}</p>; }',
    },
    {
      name: 'a tRPC router in the app\'s server/ folder that no client module imports',
      filename: at('apps/web/src/server/router.ts'),
      code: 'import { initTRPC } from "@trpc/server";\nimport { drizzle } from "drizzle-orm/node-postgres";\nexport const t = [initTRPC, drizzle];',
    },
    {
      name: 'a pages/ folder of a Hono API is no Next.js page',
      filename: at('apps/api/src/pages/list.ts'),
      code: 'import { drizzle } from "drizzle-orm/node-postgres";\nexport const list = drizzle;',
    },
    {
      name: 'a page\'s import that only getServerSideProps uses is dropped from its bundle',
      filename: at('apps/web/src/pages/index.tsx'),
      code: dedent`
        import { readFileSync } from "node:fs";
        export default function Home(props: { text: string }) { return <p>{props.text}</p>; }
        export async function getServerSideProps() { return { props: { text: String(readFileSync) } }; }
      `,
    },
    {
      name: 'a data-function import that a parameter of the component shadows',
      filename: at('apps/web/src/pages/index.tsx'),
      code: dedent`
        import { hostname } from "node:os";
        import type { InferGetStaticPropsType } from "next";
        export default function Home({ hostname }: InferGetStaticPropsType<typeof getStaticProps>) { return <p>{hostname}</p>; }
        export const getStaticProps = async () => ({ props: { hostname: hostname() } });
      `,
    },
    {
      name: 'a browser-side client in a folder named api',
      filename: at('apps/web/src/components/feed.tsx'),
      code: 'import { get } from "../lib/api/client/fetcher";\nexport const Feed = () => get("/x");',
    },
    {
      name: 'a Server Action imported by a client module: only a reference ships',
      filename: at('apps/web/src/app/providers.tsx'),
      code: '"use client";\nimport { save } from "./actions";\nexport const P = () => <button onClick={() => save()} />;',
    },
  ],
  invalid: [
    {
      name: 'a component that a "use client" file imports is client code without a directive of its own',
      filename: at('apps/web/src/components/feed.tsx'),
      code: 'import { readFileSync } from "node:fs";\nexport const Feed = () => readFileSync;',
      errors: [server('node:fs', 'is a Node.js built-in')],
    },
    {
      name: 'a Pages Router page: what its component uses ships',
      filename: at('apps/web/src/pages/index.tsx'),
      code: dedent`
        import { readFileSync } from "node:fs";
        export default function Home() { return <p>{String(readFileSync)}</p>; }
        export async function getServerSideProps() { return { props: {} }; }
      `,
      errors: [server('node:fs', 'is a Node.js built-in')],
    },
  ],
});
