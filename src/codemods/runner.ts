import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { createTwoFilesPatch, diffLines } from 'diff';
import jscodeshift from 'jscodeshift';
import { Project } from 'ts-morph';
import writeFileAtomic from 'write-file-atomic';
import type { Codemod, HotpathApi, JscodeshiftCodemod, TsMorphCodemod } from './contract.js';
import { UnparsableSource } from './analyze.js';
import { withCodemodConfig, type CodemodConfig, type RewrittenRule } from './run-config.js';
import { readFileConfigs, type ConfigChoice, type FileConfig } from '../user-config.js';

export interface RunOptions {
  cwd: string;
  files: string[];
  /** Print a unified diff of each change and write nothing. */
  dry: boolean;
  /** Print each new source. */
  print: boolean;
  /** Leave a `// hotpath-todo(<codemod>)` comment at each site the codemod left alone. */
  mark: boolean;
  /** Where diffs and printed sources go. */
  write(text: string): void;
  /** Codemod-specific options (`--strategy=inline`). */
  options?: Record<string, string>;
  /** Called as files are transformed: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** The ESLint config whose settings and rule options the codemod follows: looked up (default), a file, or `false` for none. */
  config?: ConfigChoice;
}

export interface Skipped {
  file: string;
  line: number;
  reason: string;
}

export interface RunSummary {
  changed: string[];
  unchanged: string[];
  skipped: Skipped[];
  failed: Array<{ file: string; reason: string }>;
  /** What the codemod asks the user to do next. */
  notes: string[];
}

interface Outcome {
  file: string;
  source: string;
  output: string | null;
  bails: Array<{ line: number; reason: string }>;
  error?: string;
}

/**
 * Runs a codemod with the safety every codemod gets for free: each output is re-parsed before it is
 * written and left unwritten if it does not parse, writes are atomic (temp file + rename), and sites the
 * codemod declined are listed (and marked with `--mark`). Each file is analyzed with the settings and rule
 * options the user's ESLint config gives it (`codemodConfig`).
 */
export async function runCodemod(codemod: Codemod, options: RunOptions): Promise<RunSummary> {
  const notes: string[] = [];
  const configOf = await codemodConfigs(options);
  const outcomes = await withCodemodConfig(configOf, () => (codemod.kind === 'jscodeshift' ? runJscodeshift(codemod, options) : runTsMorph(codemod, options, notes)));
  const summary: RunSummary = { changed: [], unchanged: [], skipped: [], failed: [], notes };
  for (const outcome of outcomes) {
    const relative = path.relative(options.cwd, outcome.file).split(path.sep).join('/');
    summary.skipped.push(...outcome.bails.map((b) => ({ file: relative, ...b })));
    if (outcome.error) {
      summary.failed.push({ file: relative, reason: outcome.error });
      continue;
    }
    let output = outcome.output ?? outcome.source;
    if (options.mark) output = insertMarkers(outcome.source, output, outcome.bails, codemod.name);
    if (output === outcome.source) {
      summary.unchanged.push(relative);
      continue;
    }
    const invalid = parseError(output, outcome.file);
    if (invalid) {
      summary.failed.push({ file: relative, reason: `its output does not parse (${invalid}); left untouched` });
      continue;
    }
    if (options.dry) options.write(createTwoFilesPatch(`a/${relative}`, `b/${relative}`, outcome.source, output));
    if (options.print) options.write(output);
    if (!options.dry) {
      mkdirSync(path.dirname(outcome.file), { recursive: true });
      writeFileAtomic.sync(outcome.file, output);
    }
    summary.changed.push(relative);
  }
  return summary;
}

const REWRITTEN: RewrittenRule[] = ['no-n-plus-one', 'no-offset-pagination', 'no-unbatched-redis'];

/**
 * Each file's `settings.hotpath` and rule options from the user's ESLint config, so that a codemod takes the
 * sites its rule reports there. A file the run did not list (a module a project-wide codemod reads on the
 * way) gets the first listed file's: one config for the whole run is the common case.
 */
async function codemodConfigs(options: RunOptions): Promise<(file: string) => CodemodConfig> {
  const configs = await readFileConfigs(options.cwd, options.files, options.config, ' (--no-config-lookup runs the codemod without it)');
  const toCodemod = (config: FileConfig): CodemodConfig => ({
    settings: config.hotpath ?? {},
    options: Object.fromEntries(REWRITTEN.flatMap((rule) => (isObject(config.rules[rule]?.[1]) ? [[rule, config.rules[rule]![1]]] : []))),
  });
  const byFile = new Map([...(configs ?? [])].map(([file, config]) => [path.resolve(options.cwd, file), toCodemod(config)]));
  const first = byFile.get(path.resolve(options.cwd, options.files[0] ?? '')) ?? { settings: {}, options: {} };
  return (file) => byFile.get(path.resolve(options.cwd, file)) ?? first;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function runJscodeshift(codemod: JscodeshiftCodemod, options: RunOptions): Outcome[] {
  const { files } = options;
  return files.map((file, index) => {
    options.onProgress?.(index + 1, files.length);
    const source = readFileSync(file, 'utf8');
    const bails: Outcome['bails'] = [];
    const j = jscodeshift.withParser(parserFor(file));
    const api: HotpathApi = {
      j,
      jscodeshift: j,
      stats: () => {},
      report: () => {},
      bail: (line, reason) => void bails.push({ line, reason }),
    };
    try {
      const result = codemod.transform({ path: file, source }, api, options.options ?? {});
      return { file, source, output: result ?? null, bails };
    } catch (error) {
      // A file that does not parse is skipped with the parser's reason; any other throw is a failure.
      if (error instanceof UnparsableSource) return { file, source, output: null, bails: [...bails, { line: error.line, reason: error.reason }] };
      return { file, source, output: null, bails, error: `the codemod threw: ${(error as Error).message}` };
    }
  });
}

// Babel's TypeScript parser reads `<T>x` casts as JSX in .tsx only; .ts files need the `ts` flavour.
function parserFor(file: string): string {
  if (/\.tsx$/.test(file)) return 'tsx';
  return /\.[cm]?ts$/.test(file) ? 'ts' : 'babylon';
}

async function runTsMorph(codemod: TsMorphCodemod, options: RunOptions, notes: string[]): Promise<Outcome[]> {
  const tsconfig = path.join(options.cwd, 'tsconfig.json');
  const project = new Project({
    ...(readFile(tsconfig) !== null ? { tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true } : {}),
    skipFileDependencyResolution: true,
  });
  const sources = new Map(options.files.map((file) => [file, readFileSync(file, 'utf8')]));
  for (const [file, text] of sources) project.createSourceFile(file, text, { overwrite: true });
  const bails = new Map<string, Outcome['bails']>();
  try {
    await codemod.run(project, {
      files: options.files,
      cwd: options.cwd,
      options: options.options ?? {},
      bail: (file, line, reason) => bails.set(path.resolve(file), [...(bails.get(path.resolve(file)) ?? []), { line, reason }]),
      note: (text) => void notes.push(text),
      progress: (done) => options.onProgress?.(done, options.files.length),
    });
  } catch (error) {
    const reason = `the codemod threw: ${(error as Error).message}`;
    return options.files.map((file) => ({ file, source: sources.get(file)!, output: null, bails: [], error: reason }));
  }
  // The given files, then those the codemod brought in and changed, or created (`source` '' for new ones).
  const others = project
    .getSourceFiles()
    .map((sf) => sf.getFilePath() as string)
    .filter((file) => !sources.has(file) && !file.includes('/node_modules/') && !file.endsWith('.d.ts'))
    .map((file) => ({ file, source: readFile(file) ?? '' }))
    .filter(({ file, source }) => project.getSourceFile(file)!.getFullText() !== source);
  return [...[...sources].map(([file, source]) => ({ file, source })), ...others].map(({ file, source }) => ({
    file,
    source,
    output: project.getSourceFile(file)?.getFullText() ?? null,
    bails: bails.get(file) ?? [],
  }));
}

function readFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function parseError(code: string, file: string): string | null {
  try {
    parse(code, { jsx: /\.[jt]sx$/.test(file), loc: true, range: false, errorOnTypeScriptSyntacticAndSemanticIssues: false });
    return null;
  } catch (error) {
    const e = error as { message: string; lineNumber?: number };
    return e.lineNumber ? `line ${e.lineNumber}: ${e.message}` : e.message;
  }
}

/**
 * Puts `// hotpath-todo(<codemod>): <reason>` above each declined site. Sites are lines of the original
 * source; a diff maps them to the output, since the codemod may have changed lines above them.
 */
function insertMarkers(source: string, output: string, bails: Outcome['bails'], name: string): string {
  if (bails.length === 0) return output;
  const map = lineMap(source, output);
  const lines = output.split('\n');
  const targets = [...new Set(bails.map((b) => map.get(b.line)).filter((l): l is number => l !== undefined))];
  for (const target of targets.sort((a, b) => b - a)) {
    const reasons = bails.filter((b) => map.get(b.line) === target).map((b) => b.reason);
    const line = lines[target - 1] ?? '';
    const indent = line.match(/^\s*/)![0];
    const markers = [...new Set(reasons)]
      .map((reason) => `${indent}// hotpath-todo(${name}): ${reason}`)
      .filter((marker) => !lines.slice(Math.max(0, target - 1 - bails.length), target - 1).includes(marker));
    lines.splice(target - 1, 0, ...markers);
  }
  return lines.join('\n');
}

/** Original line → output line, for lines the change left as they were. */
function lineMap(source: string, output: string): Map<number, number> {
  const map = new Map<number, number>();
  let from = 1;
  let to = 1;
  for (const part of diffLines(source, output)) {
    const count = part.count ?? 0;
    if (!part.added && !part.removed) for (let i = 0; i < count; i++) map.set(from + i, to + i);
    if (!part.added) from += count;
    if (!part.removed) to += count;
  }
  return map;
}
