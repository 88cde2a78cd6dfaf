import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SingleBar } from 'cli-progress';
import picomatch from 'picomatch';
import writeFileAtomic from 'write-file-atomic';
import { codemods } from '../../codemods/index.js';
import type { Codemod } from '../codemods/contract.js';
import { runCodemod, type RunSummary } from '../codemods/runner.js';
import { listSourceFiles } from './files.js';
import { UsageError } from '../usage-error.js';
import type { ConfigChoice } from '../user-config.js';

export interface CodemodCommandOptions {
  cwd: string;
  dry: boolean;
  print: boolean;
  force: boolean;
  mark: boolean;
  /** Codemod-specific options (`--strategy=inline`). */
  options?: Record<string, string>;
  /** The ESLint config whose settings and rule options the codemod follows: looked up (default), a file, or `false` for none. */
  config?: ConfigChoice;
  /** Globs (relative to `cwd`) that a file must match, and must not match, to be transformed. */
  include?: string[];
  exclude?: string[];
  /** Write a JSON summary per file here, to track a migration spread over many pull requests. */
  report?: string;
  /** Show a progress bar on stderr (the CLI does on a terminal only). */
  progress?: boolean;
  /** Asks a yes/no question (the CLI does on a terminal); without it, a run with no paths that would write is refused. */
  confirm?: (question: string) => Promise<boolean>;
  out(text: string): void;
  err(text: string): void;
}

/** The `--report` file: one entry per file, sorted by path. */
export interface CodemodReport {
  codemod: string;
  dry: boolean;
  totals: Record<'changed' | 'unchanged' | 'skipped' | 'failed', number>;
  files: Array<{ file: string; status: 'changed' | 'unchanged' | 'skipped' | 'failed'; reason?: string; skipped: Array<{ line: number; reason: string }> }>;
  notes: string[];
}

// Runs of this many files or more show progress.
const PROGRESS_FROM = 50;

export function listCodemods(): string {
  if (codemods.length === 0) {
    return 'No codemods ship in this version yet. Run your own jscodeshift or ts-morph transform with\n  hotpath codemod ./path/to/transform.js [paths…]\n';
  }
  const width = Math.max(...codemods.map((c) => c.name.length));
  return `${codemods.map((c) => `${c.name.padEnd(width)}  ${c.description}`).join('\n')}\n`;
}

/** Runs a codemod by name (or a transform file by path) over `paths`; returns the exit code. */
export async function codemodCommand(name: string, paths: string[], options: CodemodCommandOptions): Promise<number> {
  const codemod = await resolveCodemod(name, options.cwd);
  checkOptions(codemod, options.options ?? {});
  const files = filterFiles(await listSourceFiles(options.cwd, paths.length ? paths : ['.']), options);
  if (!options.dry && !options.force) {
    const dirty = uncommittedChanges(options.cwd, paths.length ? paths : ['.']);
    if (dirty.length > 0) {
      options.err(
        `Refusing to run: the git tree has uncommitted changes (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', …' : ''}).\n` +
          'Commit or stash them first so the codemod’s changes can be reviewed and undone on their own, or pass --force.\n',
      );
      return 1;
    }
  }
  if (paths.length === 0) {
    const refused = await confirmCurrentFolder(files, options);
    if (refused !== null) return refused;
  }
  const bar = options.progress && files.length >= PROGRESS_FROM ? new SingleBar({ stream: process.stderr, format: `${codemod.name} [{bar}] {value}/{total} files`, clearOnComplete: true, hideCursor: true }) : null;
  bar?.start(files.length, 0);
  const summary = await runCodemod(codemod, {
    cwd: options.cwd,
    files,
    dry: options.dry,
    print: options.print,
    mark: options.mark,
    write: options.out,
    options: options.options ?? {},
    config: options.config,
    onProgress: (done) => bar?.update(done),
  });
  bar?.stop();
  if (options.report) writeFileAtomic.sync(path.resolve(options.cwd, options.report), `${JSON.stringify(reportOf(codemod.name, summary, options.dry), null, 2)}\n`);
  options.err(formatSummary(summary, options.dry));
  return summary.failed.length > 0 ? 1 : 0;
}

/**
 * No paths: the current folder, said before anything is written. A dry run says it and goes on; a terminal
 * is asked; a script is refused (exit 2), since a forgotten path must not rewrite a whole repository.
 * Returns the exit code when the run stops here.
 */
async function confirmCurrentFolder(files: string[], options: CodemodCommandOptions): Promise<number | null> {
  const shown = files.slice(0, 5).map((f) => path.relative(options.cwd, f).split(path.sep).join('/'));
  const what = `${files.length} file(s) under ${options.cwd} (${shown.join(', ')}${files.length > shown.length ? ', …' : ''})`;
  if (options.dry) {
    options.err(`No paths given: looking at ${what}.\n`);
    return null;
  }
  if (!options.confirm) {
    throw new UsageError(`no paths given: this would rewrite ${what}; name the paths (\`.\` for this folder), or see the diff first with --dry`);
  }
  if (await options.confirm(`No paths given: rewrite ${what}? [y/N] `)) return null;
  options.err('Nothing changed.\n');
  return 1;
}

function filterFiles(files: string[], options: CodemodCommandOptions): string[] {
  const included = options.include?.length ? picomatch(options.include, { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  return files.filter((file) => {
    const relative = path.relative(options.cwd, file).split(path.sep).join('/');
    return included(relative) && !excluded(relative);
  });
}

function reportOf(name: string, summary: RunSummary, dry: boolean): CodemodReport {
  const files: CodemodReport['files'] = [];
  const skippedIn = (file: string) => summary.skipped.filter((s) => s.file === file).map(({ line, reason }) => ({ line, reason }));
  for (const file of summary.changed) files.push({ file, status: 'changed', skipped: skippedIn(file) });
  for (const file of summary.unchanged) files.push({ file, status: skippedIn(file).length ? 'skipped' : 'unchanged', skipped: skippedIn(file) });
  for (const { file, reason } of summary.failed) files.push({ file, status: 'failed', reason, skipped: skippedIn(file) });
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const count = (status: CodemodReport['files'][number]['status']) => files.filter((f) => f.status === status).length;
  return {
    codemod: name,
    dry,
    totals: { changed: count('changed'), unchanged: count('unchanged'), skipped: count('skipped'), failed: count('failed') },
    files,
    notes: summary.notes,
  };
}

async function resolveCodemod(name: string, cwd: string): Promise<Codemod> {
  const entry = codemods.find((c) => c.name === name);
  if (entry) return entry.load();
  const file = path.resolve(cwd, name);
  if (!/[\\/]|\.[cm]?js$/.test(name) || !existsSync(file)) {
    const known = codemods.map((c) => c.name);
    throw new UsageError(
      `unknown codemod "${name}"; ${known.length ? `codemods: ${known.join(', ')}` : 'none ship yet'} (or give the path of a transform file)`,
    );
  }
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const base = path.basename(file).replace(/\.[cm]?js$/, '');
  if (typeof module.run === 'function') {
    return { kind: 'ts-morph', name: base, description: file, run: module.run as never };
  }
  const transform = module.default ?? module.transform;
  if (typeof transform !== 'function') {
    throw new UsageError(`${name} exports neither a jscodeshift transform (default export) nor a ts-morph run()`);
  }
  return { kind: 'jscodeshift', name: base, description: file, transform: transform as never };
}

function checkOptions(codemod: Codemod, options: Record<string, string>): void {
  const accepts = codemod.accepts ?? {};
  for (const [key, value] of Object.entries(options)) {
    const values = accepts[key];
    if (!values) throw new UsageError(`the ${codemod.name} codemod has no --${key} option`);
    if (!values.includes(value)) throw new UsageError(`--${key} must be one of ${values.join(', ')} (got "${value}")`);
  }
}

/** Paths with uncommitted changes; none outside a git repository, where nothing could be reviewed anyway. */
function uncommittedChanges(cwd: string, paths: string[]): string[] {
  const status = spawnSync('git', ['status', '--porcelain', '--', ...paths], { cwd, encoding: 'utf8' });
  if (status.status !== 0) return [];
  return status.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
}

function formatSummary(summary: RunSummary, dry: boolean): string {
  const lines = [
    `${dry ? 'Would change' : 'Changed'}: ${summary.changed.length} file(s); unchanged: ${summary.unchanged.length}; ` +
      `sites left for you: ${summary.skipped.length}; failed: ${summary.failed.length}.`,
    ...summary.skipped.map((s) => `  skipped ${s.file}:${s.line}: ${s.reason}`),
    ...summary.failed.map((f) => `  failed  ${f.file}: ${f.reason}`),
    ...summary.notes.map((n) => `Next: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
