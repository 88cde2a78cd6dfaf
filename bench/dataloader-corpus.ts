// `dataloader` (auto strategy) on the labelled real-app corpus (test/corpus/apps), each app in a scratch
// checkout with its workspace packages linked as an install would: every N+1 site the codemod's detection
// finds (the rule's own), rewritten or left alone with its reason, and whether the rewritten files
// type-check as well as they did before. For `node dist/bench/dataloader-corpus.js` and the docs' figures.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { codemod } from '../codemods/dataloader/transform.js';
import { runCodemod } from '../src/codemods/runner.js';
import { listSourceFiles } from '../src/cli/files.js';
import { UnparsableSource } from '../src/codemods/analyze.js';
import { findLookupSites } from '../codemods/dataloader/lookups.js';
import { linkModules, listApps } from '../test/corpus/score.js';
import { ROOT } from './root.js';

const APPS = path.join(ROOT, 'test/corpus/apps');

export interface CorpusSite {
  /** `app/path/to/file.ts:line`. */
  site: string;
  /** What the line is labelled: `expect` (a real N+1), `ok` (a false positive), or unlabelled. */
  label: 'expect' | 'ok' | null;
  /** A write per item (the batch-writes codemod's), or a read. */
  kind: 'write' | 'read';
  /** `rewritten`, or the reason it was left alone. */
  outcome: string;
}

export interface CorpusRun {
  sites: CorpusSite[];
  /** Rewritten files whose type errors grew: `file: the new errors`; expected empty. */
  newTypeErrors: string[];
  /** Rewritten files, and the type errors they had before (the corpus has no installed dependencies). */
  rewrittenFiles: number;
  typeErrorsBefore: number;
  typeErrorsAfter: number;
}

// The write sites: a statement per item, or a helper that runs one (the batch-writes codemod's work).
const WRITE = /^a write (\(`|per item)/;

export async function runCorpus(apps = listApps()): Promise<CorpusRun> {
  const run: CorpusRun = { sites: [], newTypeErrors: [], rewrittenFiles: 0, typeErrorsBefore: 0, typeErrorsAfter: 0 };
  for (const app of apps) {
    const scratch = mkdtempSync(path.join(tmpdir(), `hotpath-dataloader-${app}-`));
    try {
      const cwd = path.join(scratch, app);
      cpSync(path.join(APPS, app), cwd, { recursive: true });
      linkModules(cwd, true);
      await runApp(app, cwd, run);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return run;
}

async function runApp(app: string, cwd: string, run: CorpusRun): Promise<void> {
  const files = await listSourceFiles(cwd, ['.']);
  const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  // What detection finds, per file and line: the sites the codemod then rewrites or declines.
  const found = new Map<string, Map<number, string | null>>();
  for (const file of files) {
    try {
      const results = findLookupSites(before.get(file)!, file, ['db']);
      if (results.length) found.set(file, new Map(results.map((r) => ('bail' in r ? [r.bail.line, r.bail.reason] : [r.site.line, null]))));
    } catch (error) {
      if (!(error instanceof UnparsableSource)) throw error;
    }
  }
  const summary = await runCodemod(codemod, { cwd, files, dry: false, print: false, mark: false, write: () => {} });
  for (const [file, lines] of found) {
    const relative = path.relative(cwd, file).split(path.sep).join('/');
    const source = before.get(file)!.split('\n');
    for (const [line, detected] of lines) {
      const reason = detected ?? summary.skipped.find((s) => s.file === relative && s.line === line)?.reason ?? 'rewritten';
      const text = source[line - 1] ?? '';
      const label = /hotpath-expect:[^\n]*no-n-plus-one/.test(text) ? 'expect' : /hotpath-ok: no-n-plus-one/.test(text) ? 'ok' : null;
      run.sites.push({ site: `${app}/${relative}:${line}`, label, kind: WRITE.test(reason) ? 'write' : 'read', outcome: reason });
    }
  }
  const changed = summary.changed.map((f) => path.join(cwd, f)).filter((f) => before.has(f));
  if (changed.length === 0) return;
  run.rewrittenFiles += changed.length;
  const after = typeErrors(changed);
  const old = typeErrors(changed, before);
  for (const file of changed) {
    run.typeErrorsBefore += old.get(file)!.length;
    run.typeErrorsAfter += after.get(file)!.length;
    const added = [...after.get(file)!];
    for (const error of old.get(file)!) {
      const at = added.indexOf(error);
      if (at !== -1) added.splice(at, 1);
    }
    if (added.length) run.newTypeErrors.push(`${app}/${path.relative(cwd, file)}: ${added.join('; ')}`);
  }
}

/**
 * The type errors of each file, as messages without positions (lines move when a rewrite adds some), under
 * the nearest tsconfig.json; `texts` stands in for files as they were before the rewrite.
 */
function typeErrors(files: string[], texts?: Map<string, string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of files) {
    const config = ts.findConfigFile(path.dirname(file), ts.sys.fileExists);
    const parsed = config ? ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }) : undefined;
    const options = { ...(parsed?.options ?? {}), noEmit: true, skipLibCheck: true };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    host.readFile = (name) => texts?.get(path.resolve(name)) ?? read(name);
    const program = ts.createProgram({ rootNames: [file], options, host });
    const source = program.getSourceFile(file);
    const diagnostics = source ? [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)] : [];
    found.set(file, diagnostics.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`));
  }
  return found;
}

/** The figures the docs quote: sites, reads rewritten, the reasons for the reads left alone, type errors. */
export function describeRun(run: CorpusRun): string {
  const reads = run.sites.filter((s) => s.kind === 'read');
  const rewritten = reads.filter((s) => s.outcome === 'rewritten');
  const reasons = new Map<string, number>();
  // Reasons name the code they are about: counted by their wording alone.
  for (const s of reads) if (s.outcome !== 'rewritten') {
    const shape = s.outcome.replace(/`[^`]*`/g, '`…`');
    reasons.set(shape, (reasons.get(shape) ?? 0) + 1);
  }
  return [
    `${run.sites.length} N+1 sites: ${run.sites.length - reads.length} writes, ${reads.length} reads, ${rewritten.length} rewritten (${((100 * rewritten.length) / Math.max(1, reads.length)).toFixed(1)} % of reads)`,
    ...rewritten.map((s) => `  rewritten: ${s.site}`),
    'reads left alone:',
    ...[...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${String(n).padStart(3)}  ${reason}`),
    `rewritten files: ${run.rewrittenFiles}; type errors before ${run.typeErrorsBefore}, after ${run.typeErrorsAfter}; new: ${run.newTypeErrors.length ? run.newTypeErrors.join('\n  ') : 'none'}`,
  ].join('\n');
}

// `node dist/bench/dataloader-corpus.js [app,app…]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(describeRun(await runCorpus(process.argv[2]?.split(','))));
}
