import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codemods } from '../../codemods/index.js';
import type { Codemod } from '../codemod.js';
import { runCodemod, type RunSummary } from './codemod-runner.js';
import { listSourceFiles } from './files.js';
import { UsageError } from './usage-error.js';

export interface CodemodCommandOptions {
  cwd: string;
  dry: boolean;
  print: boolean;
  force: boolean;
  mark: boolean;
  /** Codemod-specific options (`--strategy=inline`). */
  options?: Record<string, string>;
  out(text: string): void;
  err(text: string): void;
}

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
  const files = await listSourceFiles(options.cwd, paths.length ? paths : ['.']);
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
  const summary = await runCodemod(codemod, {
    cwd: options.cwd,
    files,
    dry: options.dry,
    print: options.print,
    mark: options.mark,
    write: options.out,
    options: options.options ?? {},
  });
  options.err(formatSummary(summary, options.dry));
  return summary.failed.length > 0 ? 1 : 0;
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
  const accepts = codemod.kind === 'ts-morph' ? (codemod.accepts ?? {}) : {};
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
