// The "real app" of `npm run bench`: the labelled corpus's seven real apps (test/corpus/apps, each pinned by
// commit in test/corpus/SOURCES.md) side by side as one monorepo, each under its own folder with its own
// tsconfigs. No single corpus app reaches the 1,500 files a large repository has (the largest holds 266), so
// the largest apps are copied once more, under distinct folders, until it does. Built from the repository's
// own files: nothing is fetched.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.join(ROOT, 'test/corpus/apps');
export const REAL_APP = path.join(ROOT, '.cache/real-app');
export const REAL_MIN_FILES = Number(process.env.BENCH_REAL_FILES ?? 1500);

const isSource = (file: string) => /\.tsx?$/.test(file); // what ESLint lints of `.` with `**/*.{ts,tsx}`

/** The linted files of a folder, as paths relative to it, sorted so that every run sees the same order. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(isSource).sort();
}

export interface RealApp {
  /** Folder name → corpus app it copies. */
  folders: [string, string][];
  files: number;
  /** The git tree of test/corpus/apps the copies were made from, so a figure can be tied to its input. */
  corpusTree: string;
}

/** Builds the real app: every corpus app once, then the largest again (as `<app>-2`) until REAL_MIN_FILES. */
export function buildRealApp(): RealApp {
  rmSync(REAL_APP, { recursive: true, force: true });
  const apps = readdirSync(CORPUS)
    .map((name) => ({ name, files: sourceFiles(path.join(CORPUS, name)).length }))
    .sort((a, b) => b.files - a.files || a.name.localeCompare(b.name));
  const folders: [string, string][] = apps.map((a) => [a.name, a.name]);
  let files = apps.reduce((n, a) => n + a.files, 0);
  for (let copy = 2; files < REAL_MIN_FILES; copy++) {
    for (const app of apps) {
      if (files >= REAL_MIN_FILES) break;
      folders.push([`${app.name}-${copy}`, app.name]);
      files += app.files;
    }
  }
  for (const [folder, app] of folders) cpSync(path.join(CORPUS, app), path.join(REAL_APP, folder), { recursive: true });
  return { folders, files, corpusTree: gitTree() };
}

function gitTree(): string {
  try {
    const tree = execFileSync('git', ['rev-parse', 'HEAD:test/corpus/apps'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain', '--', 'test/corpus/apps'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${tree.slice(0, 12)} (with uncommitted changes)` : tree.slice(0, 12);
  } catch {
    return 'unknown (not a git checkout)';
  }
}
