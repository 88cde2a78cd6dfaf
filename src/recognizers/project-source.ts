import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { MAX_SOURCE_BYTES, readText, statOf } from './disk.js';
import type { FileContext, RuleContext } from './analysis-types.js';
import { resolveProjectModule } from './module-graph.js';
import { typeServicesOf } from './types.js';
import { walk } from './walk.js';
import { Memo } from './memo.js';

/**
 * Another module of the project, parsed with scopes (and, in a typed run, against the same program), so that
 * the recognizers can answer questions about it exactly as they do about the linted file: what its exports
 * are, and what a helper defined there runs.
 */
export interface ProjectModule {
  program: TSESTree.Program;
  file: FileContext;
}

interface CacheEntry {
  mtimeMs: number;
  typed: boolean;
  module: ProjectModule | null;
}

/**
 * Parsed modules held at once. A lint run walks the project folder by folder, so the modules a file asks for
 * are mostly those its neighbours asked for: a small working set, used most recently first. Unbounded, a
 * monorepo's run kept hundreds of whole trees (a database schema is the largest module of an app) and V8 grew
 * its heap to several times what was live.
 */
const MAX_MODULES = 64;

// By path and modification time (and whether it was parsed against a program), so edits are seen; the least
// recently used goes first. Only trees parsed here: a linted file's tree and context are the runner's, and
// oxlint reuses its context and sourceCode for the next file, so a helper found in an earlier lint would be
// read with another file's scopes.
const cache = new Memo<CacheEntry>(MAX_MODULES, true);

export function loadProjectModule(path: string, from: FileContext): ProjectModule | null {
  const mtimeMs = statOf(path)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const program = from.types?.program;
  const typed = Boolean(program?.getSourceFile(path));
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs && cached.typed === typed) return cached.module;
  const module = parseModule(path, from, typed);
  cache.set(path, { mtimeMs, typed, module });
  return module;
}

// ---- What a module can export, from its text: most modules an `export *` names do not hold the name asked
// for, and a barrel of a schema (`export * from "./users"; …`) would be parsed module by module to find out.

interface ExportFacts {
  mtimeMs: number;
  /** Every identifier-like word of the text (comments and strings included: the test is one-sided). */
  words: Set<string>;
  /** The sources of its `export * from "…"` (not `export * as ns`, whose name is a word of the text). */
  stars: string[];
}

const MAX_FACTS = 1024;
const MAX_STAR_DEPTH = 8;
const WORD = /[\p{ID_Continue}$]+/gu;
const EXPORT_STAR = /\bexport\s*\*\s*from\s*["']([^"'\n]+)["']/g;
const exportFacts = new Memo<ExportFacts>(MAX_FACTS);

/**
 * Can the module at `path` export `name`? `false` only when its text does not hold the word and no module its
 * `export *` reaches does (a package's `export *` may export anything: `true`). One-sided: `true` means parse
 * and look. Asked before `loadProjectModule` where only one export is wanted.
 */
export function mayExport(path: string, name: string): boolean {
  return mayExportFrom(path, name, 0, new Set());
}

function mayExportFrom(path: string, name: string, depth: number, seen: Set<string>): boolean {
  if (seen.has(path)) return false; // a cycle adds no module that was not already looked at
  seen.add(path);
  const facts = exportFactsOf(path);
  if (!facts || facts.words.has(name) || depth >= MAX_STAR_DEPTH) return true;
  return facts.stars.some((source) => {
    const target = resolveProjectModule(source, path);
    return target === null || mayExportFrom(target, name, depth + 1, seen);
  });
}

function exportFactsOf(path: string): ExportFacts | null {
  const mtimeMs = statOf(path)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const cached = exportFacts.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const text = readText(path);
  // Unreadable: no facts, so every question is answered by the parse (which finds nothing either).
  const facts = text === null ? null : { mtimeMs, words: new Set(text.match(WORD)), stars: [...text.matchAll(EXPORT_STAR)].map((m) => m[1]!) };
  if (facts) exportFacts.set(path, facts);
  return facts;
}

function parseModule(path: string, from: FileContext, typed: boolean): ProjectModule | null {
  let parsed: ReturnType<typeof parseAndGenerateServices>;
  const text = typed ? from.types!.program.getSourceFile(path)!.text : readText(path);
  // Unreadable, not UTF-8, or a generated file too large to hold a helper.
  if (text === null || text.length > MAX_SOURCE_BYTES) return null;
  try {
    parsed = parseAndGenerateServices(text, {
      filePath: path,
      jsx: /\.[jt]sx$/.test(path),
      // Ranges for text and containment; no tokens or comments, which nothing here reads. Locations are kept:
      // the converter makes them for every node anyway, and `loc: false` only adds a pass that deletes them,
      // leaving each node a slow dictionary-mode object.
      range: true,
      loc: true,
      tokens: false,
      comment: false,
      ...(typed ? { programs: [from.types!.program], preserveNodeMaps: true } : { preserveNodeMaps: false }),
    });
  } catch {
    return null; // a file mid-edit: no evidence from it, and no crash
  }
  const ast = parsed.ast as TSESTree.Program;
  setParents(ast);
  // Scopes are built on first use: most modules are only asked for their top-level exports.
  let scopeManager: ScopeManager | undefined;
  const sourceCode = {
    ast,
    text,
    parserServices: parsed.services,
    getText: (node?: TSESTree.Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
    getScope: (node: TSESTree.Node) =>
      scopeOf((scopeManager ??= analyze(ast, { sourceType: 'module', jsxPragma: null })), node),
  };
  // What the recognizers read of a rule context, for a file that is not being linted.
  const context = {
    sourceCode,
    filename: path,
    physicalFilename: path,
    cwd: from.context.cwd,
    settings: from.context.settings,
  } as unknown as RuleContext;
  const types = typed ? typeServicesOf(parsed.services) : undefined;
  return { program: ast, file: { context, settings: from.settings, hints: from.hints, types } };
}

// As ESLint's SourceCode#getScope: the innermost scope that contains the node.
function scopeOf(scopeManager: ScopeManager, start: TSESTree.Node) {
  const inner = start.type !== 'Program';
  for (let node: TSESTree.Node | undefined = start; node; node = node.parent) {
    const scope = scopeManager.acquire(node, inner);
    if (scope) return scope.type === 'function-expression-name' ? scope.childScopes[0]! : scope;
  }
  return scopeManager.scopes[0]!;
}

// ESLint sets parent links while it traverses the linted file; a module parsed here needs them too.
function setParents(root: TSESTree.Node): void {
  walk(root, (node, parent) => {
    if (parent) (node as { parent: TSESTree.Node }).parent = parent;
    return true;
  });
}
