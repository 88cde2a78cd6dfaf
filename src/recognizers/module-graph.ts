import path from 'node:path';
import { nonSourceKind } from '../knowledge/module-kinds.js';
import { isFile, readJsonObject, readText, realPath, statOf, stripComments } from './disk.js';
import { Memo } from './memo.js';

/**
 * A light, syntactic view of the project's module graph, for untyped linting: which modules a file imports,
 * and whether a project module reaches a package (`drizzle-orm`, `ioredis`) through its imports.
 *
 * Memos are keyed by path and stamped with modification times, so a long-running editor process sees edits;
 * "not found" is rechecked (`Memo`); they hold results of pure functions of the file system, never per-lint state.
 */

export interface ImportRecord {
  source: string;
  /** `import type` / `export type`: erased at compile time, so it is no evidence of a runtime value. */
  typeOnly: boolean;
}

const IMPORT_PATTERN =
  /\b(import|export)\s*(type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"'\n]+)["']|\b(?:import|require)\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

/** The module specifiers a source text imports or re-exports (static, dynamic and `require`). */
export function scanImports(text: string): ImportRecord[] {
  const code = stripComments(text);
  const records: ImportRecord[] = [];
  for (const match of code.matchAll(IMPORT_PATTERN)) {
    const source = match[3] ?? match[4];
    if (source) records.push({ source, typeOnly: Boolean(match[2]) });
  }
  return records;
}


// Bounds: a monorepo lint asks of a few thousand files and folders at most.
const fileCache = new Memo<{ mtimeMs: number; imports: ImportRecord[] }>(8192);

/** The imports of a file on disk, or `null` when it cannot be read. */
function importsOfFile(file: string): ImportRecord[] | null {
  const mtimeMs = statOf(file)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const cached = fileCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.imports;
  const text = readText(file);
  if (text === null) return null;
  const imports = scanImports(text);
  fileCache.set(file, { mtimeMs, imports });
  return imports;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];


/** A path without extension, or with a `.js` that stands for `.ts` (ESM style), to the file on disk. */
function resolveFile(base: string): string | null {
  if (isFile(base) && SOURCE_EXTENSIONS.includes(path.extname(base))) return base;
  const withoutJs = base.replace(/\.(m|c)?jsx?$/, '');
  for (const stem of withoutJs === base ? [base] : [withoutJs, base]) {
    for (const ext of SOURCE_EXTENSIONS) if (isFile(stem + ext)) return stem + ext;
  }
  for (const ext of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${ext}`);
    if (isFile(index)) return index;
  }
  return null;
}


interface PathAliases {
  base: string;
  /** As written: a hand-edited tsconfig may hold anything here. */
  paths: Record<string, unknown>;
}

const aliasCache = new Memo<PathAliases | null>(4096);

// `compilerOptions.paths` of the nearest tsconfig.json (following one `extends`), for `~/server/db` imports.
function pathAliases(dir: string): PathAliases | null {
  const cached = aliasCache.get(dir);
  if (cached !== undefined) return cached;
  let result: PathAliases | null = null;
  const config = path.join(dir, 'tsconfig.json');
  if (isFile(config)) {
    result = readAliases(config, 0);
  } else {
    const parent = path.dirname(dir);
    result = parent === dir || path.basename(dir) === 'node_modules' ? null : pathAliases(parent);
  }
  return aliasCache.set(dir, result);
}

function readAliases(config: string, depth: number): PathAliases | null {
  const json = readJsonObject(config);
  if (!json) return null;
  const options = (json.compilerOptions ?? {}) as { paths?: unknown; baseUrl?: unknown };
  if (typeof options.paths === 'object' && options.paths !== null) {
    const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : '.';
    return { base: path.resolve(path.dirname(config), baseUrl), paths: options.paths as Record<string, unknown> };
  }
  if (typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 2) {
    const parent = path.resolve(path.dirname(config), json.extends);
    return readAliases(parent.endsWith('.json') ? parent : `${parent}.json`, depth + 1);
  }
  return null;
}

function resolveAlias(specifier: string, fromDir: string, resolve: (base: string) => string | null = resolveFile): string | null {
  const aliases = pathAliases(fromDir);
  if (!aliases) return null;
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    let rest: string | null = null;
    if (star === -1) rest = pattern === specifier ? '' : null;
    else if (specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)))
      rest = specifier.slice(star, specifier.length - (pattern.length - star - 1));
    if (rest === null || !Array.isArray(targets)) continue;
    for (const target of targets) {
      const file = typeof target === 'string' ? resolve(path.resolve(aliases.base, target.replace('*', rest))) : null;
      if (file) return file;
    }
  }
  return null;
}

// A workspace package (a symlink out of node_modules into the repository), never third-party code.
function resolveWorkspacePackage(specifier: string, fromDir: string): string | null {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const root = workspacePackageRoot(name, fromDir);
  return root ? resolvePackageEntry(root, specifier.slice(name.length)) : null;
}

const packageRoots = new Memo<string | null>(8192);

/** The real folder of package `name` as seen from `dir`, when it is the project's own; memoized per folder. */
function workspacePackageRoot(name: string, dir: string): string | null {
  const key = `${dir}\0${name}`;
  const cached = packageRoots.get(key);
  if (cached !== undefined) return cached;
  let root: string | null = null;
  const candidate = path.join(dir, 'node_modules', name);
  if (isFile(path.join(candidate, 'package.json'))) {
    const real = realPath(candidate);
    root = real && !real.split(path.sep).includes('node_modules') ? real : null;
  } else if (path.dirname(dir) !== dir) {
    root = workspacePackageRoot(name, path.dirname(dir));
  }
  return packageRoots.set(key, root);
}

function resolvePackageEntry(root: string, subpath: string): string | null {
  const pkg = readJsonObject(path.join(root, 'package.json')) ?? {};
  const exportsField = pkg.exports as unknown;
  const key = `.${subpath}`;
  let target: unknown =
    typeof exportsField === 'string' && key === '.'
      ? exportsField
      : typeof exportsField === 'object' && exportsField !== null
        ? (exportsField as Record<string, unknown>)[key]
        : undefined;
  // Conditions: prefer the source-ish ones a TypeScript monorepo points at.
  while (typeof target === 'object' && target !== null) {
    const conditions = target as Record<string, unknown>;
    target = conditions.types ?? conditions.import ?? conditions.default ?? Object.values(conditions)[0];
  }
  if (typeof target === 'string') return resolveFile(path.resolve(root, target));
  if (subpath) return resolveFile(path.join(root, subpath)) ?? resolveFile(path.join(root, 'src', subpath));
  for (const field of ['types', 'module', 'main']) {
    if (typeof pkg[field] === 'string') {
      const file = resolveFile(path.resolve(root, pkg[field] as string));
      if (file) return file;
    }
  }
  return resolveFile(path.join(root, 'src', 'index')) ?? resolveFile(path.join(root, 'index'));
}

const resolveCache = new Memo<string | null>(16384);

/**
 * Resolves an import specifier to a source file of the project: relative paths, tsconfig `paths` aliases,
 * and workspace packages. Third-party packages resolve to `null`: they are named, not read.
 */
export function resolveProjectModule(specifier: string, fromFile: string): string | null {
  const fromDir = path.dirname(fromFile);
  const key = `${fromDir}\0${specifier}`;
  const cached = resolveCache.get(key);
  if (cached !== undefined) return cached;
  let file: string | null;
  // A stylesheet, JSON file or asset is no module to read, and `x.css/index.ts` is no path to probe.
  if (nonSourceKind(specifier)) file = null;
  else if (specifier.startsWith('.') || path.isAbsolute(specifier)) file = resolveFile(path.resolve(fromDir, specifier));
  else if (specifier.startsWith('node:')) file = null;
  else file = resolveAlias(specifier, fromDir) ?? resolveWorkspacePackage(specifier, fromDir);
  return resolveCache.set(key, file);
}

/**
 * The file a non-source import of the project names (`./messages.json`, `@/data/countries.json`), as
 * written: no source extensions are tried under it. Null for packages and for files that are not there.
 */
export function resolveProjectAsset(specifier: string, fromFile: string): string | null {
  const exact = (file: string) => (isFile(file) ? file : null);
  const bare = specifier.replace(/\?.*$/, '');
  if (bare.startsWith('.') || path.isAbsolute(bare)) return exact(path.resolve(path.dirname(fromFile), bare));
  return resolveAlias(bare, path.dirname(fromFile), exact);
}

/** `drizzle-orm/pg-core` belongs to `drizzle-orm`. */
function matchesPackage(specifier: string, packages: readonly string[]): string | undefined {
  return packages.find((p) => specifier === p || specifier.startsWith(`${p}/`));
}

/**
 * Which of `packages` a module reaches through its runtime imports: the specifier itself, or a project module
 * that imports one (directly or through up to `maxDepth` project modules). Returns the package, or `null`.
 */
export function moduleReachesPackage(
  specifier: string,
  fromFile: string,
  packages: readonly string[],
  maxDepth = 3,
): string | null {
  const direct = matchesPackage(specifier, packages);
  if (direct) return direct;
  const file = resolveProjectModule(specifier, fromFile);
  if (!file) return null;
  // Asked once per call site of a helper; the answer only changes when the module itself is edited.
  const mtimeMs = statOf(file)?.mtimeMs;
  const key = `${file}\0${packages.join(',')}\0${maxDepth}`;
  const cached = reachCache.get(key);
  if (cached && cached.mtimeMs === mtimeMs) return cached.found;
  const found = fileReachesPackage(file, packages, maxDepth, new Set());
  reachCache.set(key, { mtimeMs, found });
  return found;
}

const reachCache = new Memo<{ mtimeMs: number | undefined; found: string | null }>(8192);

function fileReachesPackage(file: string, packages: readonly string[], depth: number, seen: Set<string>): string | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const imports = importsOfFile(file)?.filter((i) => !i.typeOnly) ?? [];
  for (const { source } of imports) {
    const direct = matchesPackage(source, packages);
    if (direct) return direct;
  }
  if (depth <= 1) return null;
  for (const { source } of imports) {
    const next = resolveProjectModule(source, file);
    const found = next && fileReachesPackage(next, packages, depth - 1, seen);
    if (found) return found;
  }
  return null;
}

const TRACE_RECHECK_MS = 2000;
// A run asks of a few hundred modules; an editor open for days must not keep every module it ever traced.
const MAX_TRACES = 4096;
const traceCache = new Memo<{ checkedAt: number; stamps: Array<[string, number | undefined]>; reaches: boolean }>(MAX_TRACES);

/**
 * Can a value of project module `file` come from one of `packages`: does the module, or one it imports or
 * re-exports (type imports included, `maxDepth` modules deep, nearest first), import one of them? `false`
 * lets a caller skip parsing a module whose exports cannot be what it traces. Kept per file with the
 * modification times of every module it read, re-checked at most every two seconds, so an editor sees an
 * import added anywhere on the way.
 */
export function fileMayReach(file: string, packages: readonly string[], maxDepth: number): boolean {
  const key = `${file}\0${packages.join(',')}\0${maxDepth}`;
  const now = Date.now();
  const cached = traceCache.get(key);
  if (cached && (now - cached.checkedAt < TRACE_RECHECK_MS || cached.stamps.every(([f, m]) => statOf(f)?.mtimeMs === m))) {
    cached.checkedAt = now;
    return cached.reaches;
  }
  const stamps: Array<[string, number | undefined]> = [];
  const seen = new Set([file]);
  let level = [file];
  let reaches = false;
  for (let depth = 0; depth < maxDepth && level.length > 0 && !reaches; depth++) {
    const next: string[] = [];
    for (const current of level) {
      stamps.push([current, statOf(current)?.mtimeMs]);
      const imports = importsOfFile(current) ?? [];
      if (imports.some(({ source }) => matchesPackage(source, packages))) {
        reaches = true;
        break;
      }
      for (const { source } of imports) {
        const target = resolveProjectModule(source, current);
        if (target && !seen.has(target)) {
          seen.add(target);
          next.push(target);
        }
      }
    }
    level = next;
  }
  traceCache.set(key, { checkedAt: now, stamps, reaches });
  return reaches;
}
