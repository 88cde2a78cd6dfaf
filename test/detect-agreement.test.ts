import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codemod as dataloader } from '../codemods/dataloader/transform.js';
import { codemod as redisPipeline, pipelineSites } from '../codemods/redis-pipeline/transform.js';
import { runCodemod, type RunSummary } from '../src/codemods/runner.js';
import { listSourceFiles } from '../src/cli/files.js';
import { scan } from '../src/cli/scan.js';
import type { Codemod } from '../src/codemods/contract.js';
import { findLookupSites } from '../codemods/dataloader/lookups.js';

const APP = path.resolve(import.meta.dirname, '../fixtures/socialhub');

/** `file:line` of every report of `rule` over the fixture app, linted without types as the codemods read it. */
async function reported(rule: string): Promise<string[]> {
  const result = await scan({ cwd: APP, paths: ['.'], types: false, rules: [rule] });
  return sorted(result.results.flatMap((r) => r.messages.map((m) => `${path.relative(APP, r.filePath)}:${m.line}`)));
}

/** The codemod run over the whole app as `--dry` does: nothing is written. */
async function dryRun(codemod: Codemod, files: string[]): Promise<RunSummary> {
  const summary = await runCodemod(codemod, { cwd: APP, files, dry: true, print: false, mark: false, write: () => {} });
  expect(summary.failed).toEqual([]);
  return summary;
}

function sorted(sites: string[]): string[] {
  return [...new Set(sites)].sort();
}

const at = (file: string, line: number) => `${path.relative(APP, file)}:${line}`;

// Each codemod rewrites or lists exactly the sites its rule reports: none it finds that the rule would not
// report, and none reported that it passes over in silence.
describe('each codemod acts on the sites its rule reports, over the fixture app', () => {
  it('dataloader ⇔ no-n-plus-one', async () => {
    const files = await listSourceFiles(APP, ['.']);
    const summary = await dryRun(dataloader, files);
    const listed = summary.skipped.map((s) => `${s.file}:${s.line}`);
    const sites = files.flatMap((file) =>
      findLookupSites(readFileSync(file, 'utf8'), file).flatMap((r) => ('site' in r ? [{ file, at: at(file, r.site.line) }] : [])),
    );
    const rewritten = sites.filter((s) => !listed.includes(s.at));
    expect(rewritten.length).toBeGreaterThan(0);
    for (const site of rewritten) expect(summary.changed).toContain(path.relative(APP, site.file));
    expect(sorted([...rewritten.map((s) => s.at), ...listed])).toEqual(await reported('no-n-plus-one'));
  });

  it('redis-pipeline ⇔ no-unbatched-redis', async () => {
    const files = await listSourceFiles(APP, ['.']);
    const summary = await dryRun(redisPipeline, files);
    const rewritten: string[] = [];
    const listed: string[] = [];
    for (const file of files) {
      const sites = pipelineSites(readFileSync(file, 'utf8'), file);
      rewritten.push(...sites.rewritten.map((line) => at(file, line)));
      listed.push(...sites.listed.map((line) => at(file, line)));
      if (sites.rewritten.length > 0) expect(summary.changed).toContain(path.relative(APP, file));
    }
    expect(rewritten.length).toBeGreaterThan(0);
    expect(summary.skipped).toHaveLength(listed.length);
    expect(sorted([...rewritten, ...listed])).toEqual(await reported('no-unbatched-redis'));
  });
});
