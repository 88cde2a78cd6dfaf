// `batch-writes` dry-run on each labelled corpus app: how many of the writes `no-n-plus-one` reports it
// batches, and why it leaves the others (see docs/codemods/batch-writes.md). Each app runs in a scratch
// checkout with its workspace packages linked, as an install would (and as bench/dataloader-corpus.ts does):
// unlinked, helpers in other packages and operators re-exported by `@acme/db` cannot be read.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { codemod } from '../codemods/batch-writes/transform.js';
import { runCodemod } from '../src/codemods/runner.js';
import { listSourceFiles } from '../src/cli/files.js';
import { linkModules } from '../test/corpus/score.js';
import { ROOT } from './root.js';

// The repository: one folder up from bench/ when run from sources (tests), two from dist/bench/ when built.
const APPS = path.join(ROOT, 'test/corpus/apps');

export interface WritesCorpusRun {
  app: string;
  batched: number;
  /** Every write left alone, with the reason, and the files that failed (must be none). */
  skipped: Array<{ file: string; line: number; reason: string }>;
  failed: string[];
}

export async function dryRunWrites(apps: string[], options: Record<string, string> = {}): Promise<WritesCorpusRun[]> {
  const runs: WritesCorpusRun[] = [];
  for (const app of apps) {
    const scratch = mkdtempSync(path.join(tmpdir(), `hotpath-batch-writes-${app}-`));
    try {
      const cwd = path.join(scratch, app);
      cpSync(path.join(APPS, app), cwd, { recursive: true });
      linkModules(cwd, true);
      const files = await listSourceFiles(cwd, ['.']);
      const summary = await runCodemod(codemod, { cwd, files, dry: true, print: false, mark: false, write: () => {}, options });
      const batched = Number(/^(\d+) per-item writes? batched/.exec(summary.notes[0] ?? '')?.[1] ?? 0);
      runs.push({ app, batched, skipped: summary.skipped, failed: summary.failed.map((f) => `${f.file}: ${f.reason}`) });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return runs;
}
