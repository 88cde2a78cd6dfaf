// The bench app: copies of the fixture app side by side under one tsconfig (≥500 files), for the lint and
// scan benchmarks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APP = path.join(ROOT, '.cache/bench-app');
export const COPIES = Number(process.env.BENCH_COPIES ?? 16);

/** COPIES copies of the fixture app side by side, under one tsconfig, inside the repository so that
 * drizzle-orm & co. resolve from its node_modules. */
export function buildApp(): void {
  rmSync(APP, { recursive: true, force: true });
  const fixture = path.join(ROOT, 'fixtures/socialhub');
  for (let i = 1; i <= COPIES; i++) {
    const copy = path.join(APP, `copy-${i}`);
    mkdirSync(copy, { recursive: true });
    for (const part of ['apps', 'packages']) cpSync(path.join(fixture, part), path.join(copy, part), { recursive: true });
  }
  const tsconfig = JSON.parse(execFileSync('cat', [path.join(fixture, 'tsconfig.json')], { encoding: 'utf8' })) as {
    compilerOptions: { paths: Record<string, string[]> };
    include: string[];
  };
  tsconfig.compilerOptions.paths = {
    '@socialhub/db': ['./copy-1/packages/db/src/index.ts'],
    '@socialhub/api': ['./copy-1/apps/api/src/trpc/routers/index.ts'],
  };
  tsconfig.include = ['copy-*/**/*.ts', 'copy-*/**/*.tsx'];
  writeFileSync(path.join(APP, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
}

