import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedApp } from '../support/installed-app.js';
import { slowMeasurements } from '../support/slow-measurements.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
// Two client files: one imports lodash and moment (over budget), the other none worth measuring.
const FILES = ['apps/web/src/app/feed/timeline.tsx', 'apps/web/src/app/notifications/notification-list.tsx'];
// Far past the editor's 500 ms: a first run that kept the time box would report no bundle finding.
const DELAY_MS = 1500;

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; message: string }> }>;

const bundleFindings = (stdout: string) =>
  (JSON.parse(stdout) as Results).flatMap((r) =>
    r.messages.filter((m) => m.ruleId === 'hotpath/client-bundle-budget').map((m) => `${path.basename(r.filePath)}:${m.line} ${m.message}`),
  );

/**
 * A command-line run (ESLint's CLI, as a pre-commit hook runs it, outside CI) on a cold size cache reports
 * what every later run reports: the time box is the editor's alone, and the cold measurements of a file are
 * made together, in one child process.
 */
describe('a command-line run on a cold size cache', () => {
  it('npx eslint reports the bundle findings on the first run, as on the second, measuring a file’s imports at once', () => {
    const app = installedApp('cold-eslint');
    rmSync(path.join(app, 'node_modules/.cache'), { recursive: true, force: true });
    const slow = slowMeasurements(DELAY_MS);
    const eslint = () => spawnSync(process.execPath, [ESLINT, '--format', 'json', ...FILES], { cwd: app, encoding: 'utf8', env: slow.env });
    const first = eslint();
    expect(first.status, first.stderr).toBe(1);
    const cold = bundleFindings(first.stdout);
    expect(cold.filter((f) => /^timeline\.tsx:[34] `(lodash|moment)` adds/.test(f))).toHaveLength(2);
    // lodash, moment and the two together: three cold measurements, one child process.
    expect(slow.workers()).toBe(1);
    const second = eslint();
    expect(bundleFindings(second.stdout)).toEqual(cold);
    expect(slow.workers()).toBe(1);
  });

  it('hotpath scan does too', () => {
    const app = installedApp('cold-scan');
    rmSync(path.join(app, 'node_modules/.cache'), { recursive: true, force: true });
    const slow = slowMeasurements(DELAY_MS);
    const scan = () => spawnSync(process.execPath, [BIN, 'scan', '--no-types', '--format', 'json', ...FILES], { cwd: app, encoding: 'utf8', env: slow.env });
    const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ rule: string; line: number; message: string }> }).findings;
    const cold = findings(scan().stdout);
    expect(cold.filter((f) => /^`(lodash|moment)` adds/.test(f.message))).toHaveLength(2);
    expect(findings(scan().stdout)).toEqual(cold);
  });
});
