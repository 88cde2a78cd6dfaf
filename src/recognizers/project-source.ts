import { analyze, type ScopeManager } from '@typescript-eslint/scope-manager';
import { parseAndGenerateServices } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { MAX_SOURCE_BYTES, readText, statOf } from './disk.js';
import type { FileContext, RuleContext } from './file-context.js';
import { typeServicesOf } from './types.js';
import { walk } from './walk.js';

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

// By path and modification time (and whether it was parsed against a program), so edits are seen. Only trees
// parsed here: a linted file's tree and context are the runner's, and oxlint reuses its context and sourceCode
// for the next file, so a helper found in an earlier lint would be read with another file's scopes.
const cache = new Map<string, CacheEntry>();

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

function parseModule(path: string, from: FileContext, typed: boolean): ProjectModule | null {
  let parsed: ReturnType<typeof parseAndGenerateServices>;
  const text = typed ? from.types!.program.getSourceFile(path)!.text : readText(path);
  // Unreadable, not UTF-8, or a generated file too large to hold a helper.
  if (text === null || text.length > MAX_SOURCE_BYTES) return null;
  try {
    parsed = parseAndGenerateServices(text, {
      filePath: path,
      jsx: /\.[jt]sx$/.test(path),
      // Ranges for text and containment; no locations, tokens or comments, which nothing here reads.
      range: true,
      loc: false,
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
