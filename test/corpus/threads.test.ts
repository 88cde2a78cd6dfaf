import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../dist/src/cli/bin.js');

/**
 * Every file of the corpus apps (not only the labelled ones), as `hotpath scan` lints them, untyped: the
 * run must finish (exit 0 with `--exit-zero`: exit 2 would be a crash), and ESLint's worker threads must find
 * exactly what one thread finds.
 */
describe('the corpus apps, every file', () => {
  it('lint to the end, with the same findings in one thread and in two', { timeout: 600_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-corpus-all-'));
    cpSync(path.join(import.meta.dirname, 'apps'), dir, { recursive: true });
    const findings = (concurrency: string) => {
      const run = spawnSync(
        process.execPath,
        [BIN, 'scan', '.', '--no-types', '--no-config-lookup', '--exit-zero', '--format', 'json', '--concurrency', concurrency],
        { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_NO_WARNINGS: '1' } },
      );
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { files: number; findings: Array<{ rule: string; file: string; line: number }> };
      expect(report.files).toBeGreaterThan(1000);
      return report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`).sort();
    };
    const one = findings('off');
    expect(one.length).toBeGreaterThan(200);
    // A parse error or a rule that threw would be a finding of no hotpath rule.
    expect(one.filter((f) => !f.includes(' hotpath/'))).toEqual([]);
    expect(findings('2')).toEqual(one);
  });
});
