import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Packages whose shipped TypeScript (sources and declarations) make the corpus of real-world files. */
const CORPUS_PACKAGES = [
  'zod',
  '@trpc/server',
  '@trpc/client',
  '@trpc/react-query',
  '@tanstack/query-core',
  '@tanstack/react-query',
  'drizzle-orm',
  'ioredis',
  '@redis/client',
  '@upstash/redis',
  'eslint-doc-generator',
  'table',
  'typescript/lib',
  '@types/node',
  '@types/react',
  'next/dist/server',
  'next/dist/client',
  'next/dist/shared',
];

function listSources(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listSources(full, out);
    } else if (/\.(m|c)?tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
}

/** Real TypeScript files shipped by installed packages, sources first, at most `limit`. */
export function corpusFiles(limit: number): string[] {
  const files: string[] = [];
  for (const pkg of CORPUS_PACKAGES) listSources(path.join(ROOT, 'node_modules', pkg), files);
  const isDeclaration = (f: string) => /\.d\.(m|c)?ts$/.test(f);
  const ordered = [...files.filter((f) => !isDeclaration(f)), ...files.filter(isDeclaration)];
  return ordered.slice(0, limit);
}

/**
 * The code an editor holds mid-edit: cut at a line (a fraction of the way through) and closed with the
 * brackets still open, so that much of it parses and the rules see half-written code.
 */
export function truncate(code: string, fraction: number): string {
  const lines = code.split('\n');
  const kept = lines.slice(0, Math.max(1, Math.floor(lines.length * fraction))).join('\n');
  const closers: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (const ch of kept.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')) {
    if (ch in pairs) closers.push(pairs[ch]!);
    else if (ch === closers.at(-1)) closers.pop();
  }
  return `${kept}\n${closers.reverse().join('')}\n`;
}

/**
 * Copies the corpus into `dir` (keeping package paths) with, unless `twins` is false, a truncated twin of
 * each file under `truncated/`.
 */
export function writeCorpus(dir: string, files: string[], { twins = true } = {}): { count: number } {
  const base = path.join(ROOT, 'node_modules');
  for (const [i, file] of files.entries()) {
    const relative = path.relative(base, file);
    const target = path.join(dir, 'real', relative);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(file, target);
    if (!twins) continue;
    const twin = path.join(dir, 'truncated', relative);
    mkdirSync(path.dirname(twin), { recursive: true });
    writeFileSync(twin, truncate(readFileSync(file, 'utf8'), [0.3, 0.5, 0.7][i % 3]!));
  }
  return { count: twins ? files.length * 2 : files.length };
}

/**
 * A fresh `.cache/<name>` holding `limit` corpus files and their truncated twins, for a codemod to run over:
 * the TypeScript files written, as absolute paths.
 */
export function corpusProject(name: string, limit: number): { dir: string; files: string[] } {
  const dir = path.join(ROOT, '.cache', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeCorpus(dir, corpusFiles(limit));
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?tsx?$/.test(f))
    .map((f) => path.join(dir, f));
  return { dir, files };
}
