// `batch-writes` dry-run on each labelled corpus app: how many of the writes `no-n-plus-one` reports it
// batches, and why it leaves the others (see docs/codemods/batch-writes.md).
import path from 'node:path';
import { codemod } from '../codemods/batch-writes/transform.js';
import { runCodemod } from '../src/cli/codemod-runner.js';
import { listSourceFiles } from '../src/cli/files.js';

const APPS = path.resolve(import.meta.dirname, '../test/corpus/apps');

export interface WritesCorpusRun {
  app: string;
  batched: number;
  /** Every write left alone, with the reason, and the files that failed (must be none). */
  skipped: Array<{ file: string; line: number; reason: string }>;
  failed: string[];
}

export async function dryRunWrites(apps: string[]): Promise<WritesCorpusRun[]> {
  const runs: WritesCorpusRun[] = [];
  for (const app of apps) {
    const cwd = path.join(APPS, app);
    const files = await listSourceFiles(cwd, ['.']);
    const summary = await runCodemod(codemod, { cwd, files, dry: true, print: false, mark: false, write: () => {} });
    const batched = Number(/^(\d+) per-item writes? batched/.exec(summary.notes[0] ?? '')?.[1] ?? 0);
    runs.push({ app, batched, skipped: summary.skipped, failed: summary.failed.map((f) => `${f.file}: ${f.reason}`) });
  }
  return runs;
}
