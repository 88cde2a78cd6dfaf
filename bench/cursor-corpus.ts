// The cursor-pagination codemod on the labelled real-app corpus (test/corpus/apps), as a dry run: for each
// file with a `hotpath-expect: no-offset-pagination` label, the sites the rule reports before and after the
// rewrite, and every site the codemod left alone with its reason. For the corpus test and the docs' figures.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { Options } from 'jscodeshift';
import type { HotpathApi } from '../src/codemods/contract.js';
import transform from '../codemods/cursor-pagination/transform.js';
import rule from '../rules/no-offset-pagination.js';
import { linkModules, listApps } from '../test/corpus/score.js';
import { ROOT } from './root.js';

const APPS = path.join(ROOT, 'test/corpus/apps');
const LABEL = /hotpath-expect: no-offset-pagination\b/;

export interface CorpusSite {
  /** `app/path/to/file.ts:line` of the label. */
  site: string;
  /** Rewritten, or the reason the codemod gave for a site it left alone in that file. */
  outcome: 'rewritten' | string;
}

export interface CorpusRun {
  sites: CorpusSite[];
  rewritten: number;
  /** Each reason and how many labelled sites it left alone. */
  reasons: Array<[string, number]>;
  /** Rewritten files whose output the rule's parser rejects (expected empty). */
  unparsable: string[];
  /** Rewritten files that a second run would change again (expected empty). */
  unstable: string[];
}

/** The labelled files of an app checkout, relative to it. */
function labelledFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.tsx?$/.test(f) && !f.split('/').includes('node_modules') && LABEL.test(readFileSync(path.join(dir, f), 'utf8')))
    .sort();
}

/** The lines `no-offset-pagination` reports in `source`, untyped. */
function reportedLines(source: string, file: string): number[] {
  const linter = new Linter({ cwd: path.dirname(file) });
  const messages = linter.verify(
    source,
    [
      {
        files: ['**/*.{ts,tsx}'],
        plugins: { hotpath: { rules: { 'no-offset-pagination': rule } } as never },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: file.endsWith('x') } } },
        rules: { 'hotpath/no-offset-pagination': 'error' },
      },
    ],
    file,
  );
  if (messages.some((m) => m.fatal)) throw new Error(`${file}: ${messages.find((m) => m.fatal)!.message}`);
  return messages.filter((m) => m.ruleId === 'hotpath/no-offset-pagination').map((m) => m.line);
}

/**
 * Runs the transform on every labelled file. A labelled site counts as rewritten when the rule reports it
 * before and the file's output has one report fewer per rewritten site; the others get the reason the
 * codemod gave for the nearest site at or above their line (a query starts above its `.offset`).
 * `options` are the codemod's (`{ 'keep-total': 'true' }` for `--keep-total`).
 */
export function runCorpus(options: Options = {}): CorpusRun {
  const run: CorpusRun = { sites: [], rewritten: 0, reasons: [], unparsable: [], unstable: [] };
  for (const app of listApps()) {
    // A scratch checkout with its workspace packages linked, as the corpus scorer lints it: imports such as
    // `@openstatus/db` resolve, so the rule and the codemod see where `db` and the tables come from.
    const scratch = mkdtempSync(path.join(tmpdir(), `hotpath-cursor-${app}-`));
    try {
      const dir = path.join(scratch, app);
      cpSync(path.join(APPS, app), dir, { recursive: true });
      linkModules(dir, true);
      for (const entry of labelledFiles(dir)) runFile(path.join(dir, entry), `${app}/${entry}`, run, options);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const counts = new Map<string, number>();
  // Reasons that differ only in the names they quote (`total`, `totalSize`) count as one.
  for (const { outcome } of run.sites) {
    const reason = outcome.replace(/`[^`]*`/g, '`…`').replace(/line \d+/g, 'line …');
    if (outcome !== 'rewritten') counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  run.rewritten = run.sites.filter((s) => s.outcome === 'rewritten').length;
  run.reasons = [...counts].sort((a, b) => b[1] - a[1]);
  return run;
}

function runFile(file: string, name: string, run: CorpusRun, options: Options): void {
  const source = readFileSync(file, 'utf8');
  const labels = source.split('\n').flatMap((line, i) => (LABEL.test(line) ? [i + 1] : []));
  const bails: Array<{ line: number; reason: string }> = [];
  const api = { bail: (line: number, reason: string) => void bails.push({ line, reason }) } as HotpathApi;
  const output = transform({ path: file, source }, api, options) ?? source;
  if (output !== source && transform({ path: file, source: output }, { bail: () => {} } as unknown as HotpathApi, options) !== undefined) run.unstable.push(name);
  const before = reportedLines(source, file);
  let after: number[];
  try {
    after = reportedLines(output, file);
  } catch {
    run.unparsable.push(name);
    after = before;
  }
  let rewritten = before.length - after.length;
  for (const label of labels) {
    const reason = bails.filter((b) => b.line <= label).sort((a, b) => b.line - a.line)[0];
    const outcome = !before.includes(label)
      ? 'not reported by `no-offset-pagination` without type information'
      : reason && label - reason.line < 80
        ? reason.reason
        : rewritten-- > 0
          ? 'rewritten'
          : 'not reached by the codemod';
    run.sites.push({ site: `${name}:${label}`, outcome });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const run = runCorpus(process.argv.includes('--keep-total') ? { 'keep-total': 'true' } : {});
  console.log(`${run.rewritten} of ${run.sites.length} labelled offset sites rewritten (${Math.round((100 * run.rewritten) / run.sites.length)} %)`);
  for (const [reason, count] of run.reasons) console.log(`${String(count).padStart(3)}  ${reason}`);
  for (const site of run.sites) console.log(`${site.outcome === 'rewritten' ? '✓' : '✗'} ${site.site}  ${site.outcome === 'rewritten' ? '' : site.outcome}`);
}
