import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { recognizerProbe } from './support/recognizer-probe.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Trees of what real repositories hold and the fixture app does not: imports of stylesheets, JSON and
 * assets, folders where files are expected, broken and looping links, unreadable and huge files, broken
 * tsconfigs and package manifests, `export *` cycles. Cross-file analysis reads all of them; none may throw.
 */
function writeTree(dir: string): void {
  const write = (file: string, text: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write('package.json', JSON.stringify({ name: 'tree', private: true, type: 'module', workspaces: ['packages/*'] }));
  write('tsconfig.json', JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, jsx: 'preserve', target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', resolveJsonModule: true, allowArbitraryExtensions: true, paths: { '@/*': ['./src/*'], '~/missing/*': ['./nowhere/*'] } },
    include: ['src/**/*', 'packages/**/*'],
  }));
  // The one real mistake of each kind: findings that must survive whatever else the tree holds.
  write('src/server/db.ts', 'import { drizzle } from "drizzle-orm/node-postgres";\nexport const db = drizzle(process.env.DATABASE_URL!);\n');
  write('src/server/feed.ts', [
    'import { eq } from "drizzle-orm";',
    'import { db } from "./db";',
    'import { users } from "./schema";',
    'import "./cycle-a";',
    'import big from "./generated";',
    'import "./not-utf8";',
    'import "./dir-file.ts";',
    'import "./broken-link";',
    'import "./loop-link";',
    'import "./locked";',
    `import "./${'n'.repeat(300)}";`,
    'import "@acme/self";',
    'import "@acme/bad-manifest";',
    'import "~/missing/thing";',
    'export async function load(ids: number[]) {',
    '  for (const id of ids) await db.select().from(users).where(eq(users.id, id));',
    '  return big;',
    '}',
  ].join('\n'));
  write('src/server/schema.ts', 'import { pgTable, serial } from "drizzle-orm/pg-core";\nexport const users = pgTable("users", { id: serial("id").primaryKey() });\n');
  write('src/server/cycle-a.ts', 'export * from "./cycle-b";\nexport const a = 1;\n');
  write('src/server/cycle-b.ts', 'export * from "./cycle-a";\nexport * from "./db";\n');
  write('src/server/generated.ts', `export default [\n${'  { id: 1, name: "generated row of a large file" },\n'.repeat(110_000)}];\n`);
  write('src/server/not-utf8.ts', Buffer.from([0x65, 0x78, 0x70, 0x6f, 0x72, 0x74, 0x20, 0xff, 0xfe, 0xfd, 0x0a]));
  mkdirSync(path.join(dir, 'src/server/dir-file.ts'), { recursive: true });
  symlinkSync(path.join(dir, 'src/server/missing-target.ts'), path.join(dir, 'src/server/broken-link.ts'));
  symlinkSync(path.join(dir, 'src/server/loop-link.ts'), path.join(dir, 'src/server/loop-link.ts'));
  write('src/server/locked.ts', 'export const locked = 1;\n');
  chmodSync(path.join(dir, 'src/server/locked.ts'), 0o000);

  const assets = ['x.css', 'x.module.css', 's.scss', 'd.json', 'logo.svg', 'i.png', 'm.wasm', 'a.node', 'raw.txt', 'font.woff2'];
  for (const asset of assets) write(`src/app/${asset}`, asset === 'd.json' ? '{"title":"hello"}' : '');
  write('src/app/worker.ts', 'export {};\n');
  write('src/app/with-index/index.ts', 'export const x = 1;\n');
  mkdirSync(path.join(dir, 'src/app/without-index'), { recursive: true });
  write('src/app/page.tsx', [
    '"use client";',
    ...assets.filter((a) => a !== 'd.json').map((a) => `import "./${a}";`),
    'import data from "./d.json";',
    'import aliased from "@/app/d.json";',
    'import text from "./raw.txt?raw";',
    'import url from "./logo.svg?url";',
    'import "./worker.ts?worker";',
    'import "./x.css/inner";',
    'import "./with-index";',
    'import "./without-index";',
    'import "data:text/javascript,export default 1";',
    'import "node:path";',
    'import { db } from "../server/db";',
    'export default function Page() { return <p>{data.title}{aliased.title}{text}{url}{String(db)}</p>; }',
  ].join('\n'));

  // Workspace packages: one that imports itself by name, one with an exports map to missing files, one
  // whose manifest and tsconfig do not parse.
  write('packages/self/package.json', JSON.stringify({ name: '@acme/self', exports: { '.': './src/index.ts', './gone': './src/gone.ts' } }));
  write('packages/self/src/index.ts', 'export * from "@acme/self";\nexport * from "@acme/self/gone";\nexport const self = 1;\n');
  write('packages/bad-manifest/package.json', '{ "name": "@acme/bad-manifest", ');
  write('packages/bad-manifest/tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": "./src/*" }, "baseUrl": 5 }');
  write('packages/bad-manifest/src/index.ts', 'import "@/anything";\nexport const bad = 1;\n');
  write('packages/odd-paths/tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: 5, paths: { '@/*': 7, '#/*': ['./x/*', 3] } } }));
  write('packages/odd-paths/src/index.ts', 'import "@/a";\nimport "#/b";\nexport const odd = 1;\n');
  mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
  symlinkSync(path.join(dir, 'packages/self'), path.join(dir, 'node_modules/@acme/self'));
  symlinkSync(path.join(dir, 'packages/bad-manifest'), path.join(dir, 'node_modules/@acme/bad-manifest'));
  for (const dep of ['drizzle-orm', 'react', '@types/react']) {
    mkdirSync(path.dirname(path.join(dir, 'node_modules', dep)), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', dep), path.join(dir, 'node_modules', dep));
  }
}

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`hotpath/${name}`, 'error' as const]));

describe.for(['untyped', 'typed'] as const)('trees real repositories hold (%s)', (mode) => {
  it('are linted without a thrown error, and the real findings stay', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-tree-'));
    writeTree(dir);
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.tsx'],
          plugins: { hotpath: plugin as never, probe: { rules: { recognizers: recognizerProbe } } as never },
          languageOptions: {
            parser: tsParser as never,
            parserOptions:
              mode === 'typed'
                ? { projectService: true, tsconfigRootDir: dir }
                : { ecmaFeatures: { jsx: true } },
          },
          settings: { hotpath: { budgets: { importKb: 1000, fileKb: 1000 } } },
          rules: { ...allRules, 'probe/recognizers': 'error' },
        },
      ],
    });
    // ESLint itself cannot open a broken link, a folder or a file it may not read: those are only imported.
    const unopenable = ['broken-link.ts', 'loop-link.ts', 'dir-file.ts', 'locked.ts'];
    const files = globSync(['src/**/*.{ts,tsx}', 'packages/*/src/*.ts'], { cwd: dir, onlyFiles: true, followSymbolicLinks: false });
    const results = await eslint.lintFiles(files.filter((f) => !unopenable.includes(path.basename(f))));
    const relative = (file: string) => path.relative(dir, file).split(path.sep).join('/');
    // Only the file that is not UTF-8 may fail to parse; no other file may get a fatal message.
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${relative(r.filePath)}: ${m.message}`));
    expect(fatal.filter((f) => !f.startsWith('src/server/not-utf8.ts:'))).toEqual([]);
    const findings = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId?.startsWith('hotpath/')).map((m) => `${relative(r.filePath)}:${m.line} ${m.ruleId}`),
    );
    expect(findings).toContain('src/server/feed.ts:16 hotpath/no-n-plus-one');
    // `node:path` and the database are server code in a client file; a stylesheet, asset or JSON import is
    // neither server code nor a package to measure.
    expect(findings.filter((f) => f.startsWith('src/app/page.tsx'))).toEqual([
      'src/app/page.tsx:20 hotpath/client-bundle-budget',
      'src/app/page.tsx:21 hotpath/client-bundle-budget',
    ]);
  });
});
