import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installedApp } from '../support/installed-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKFLOWS = path.join(ROOT, 'docs/ci');
// `npx` finds our bin there, and ESLint with the README's config.
const APP = installedApp('ci-app');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string | number>;
}
interface Workflow {
  jobs: Record<string, { strategy?: { matrix?: Record<string, Array<string | number>> }; steps: Step[] }>;
}

const workflow = (name: string) => parse(readFileSync(path.join(WORKFLOWS, name), 'utf8')) as Workflow;

/** Each `run:` of a workflow's job, past `npm ci` (the app is installed already), once per matrix entry. */
function commands(name: string): string[][] {
  const [job] = Object.values(workflow(name).jobs);
  const matrix = job!.strategy?.matrix ?? {};
  const [key, values] = Object.entries(matrix)[0] ?? ['', ['']];
  return values.map((value) =>
    job!.steps.filter((s) => s.run && s.run !== 'npm ci').map((s) => s.run!.replaceAll(`\${{ matrix.${key} }}`, String(value))),
  );
}

function run(command: string): { status: number | null; stdout: string; stderr: string } {
  const bin = path.join(ROOT, 'node_modules/.bin');
  return spawnSync('bash', ['-c', command], {
    cwd: APP,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.join(APP, 'node_modules/.bin')}:${bin}:${process.env.PATH}`, NODE_NO_WARNINGS: '1', CI: 'true' },
  });
}

describe('the workflows of docs/ci.md', () => {
  const full = JSON.parse(run('npx hotpath scan --format json --exit-zero').stdout) as { findings: Array<{ rule: string; file: string; line: number }> };

  it('docs/ci.md shows each workflow file as it is', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
    for (const file of readdirSync(WORKFLOWS)) expect(doc).toContain(readFileSync(path.join(WORKFLOWS, file), 'utf8'));
  });

  it('lint.yml: ESLint fails the job, in the stylish format that setup-node’s problem matcher reads', () => {
    const [[lint]] = commands('lint.yml') as [[string]];
    const result = run(lint);
    expect(result.status).toBe(1);
    // actions/setup-node's eslint-stylish matcher: a file line, then `  line:col  severity  message  rule`.
    const problems = [...result.stdout.matchAll(/^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*)\s\s+(hotpath\/[a-z-]+)$/gm)];
    expect(problems.length).toBe(full.findings.length);
    expect(new Set(problems.map((p) => p[5]))).toEqual(new Set(full.findings.map((f) => f.rule)));
  });

  it('code-scanning.yml: the scan writes the SARIF file that upload-sarif sends, with every finding', () => {
    const job = Object.values(workflow('code-scanning.yml').jobs)[0]!;
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    for (const command of commands('code-scanning.yml')[0]!) expect(run(command).status).toBe(0);
    const sarif = JSON.parse(readFileSync(path.join(APP, String(upload.with!.sarif_file)), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId).sort()).toEqual(full.findings.map((f) => f.rule).sort());
  });

  it('sharded.yml: the four matrix jobs annotate every finding of the full scan, each once', () => {
    const lines = commands('sharded.yml').flatMap(([command]) => {
      const result = run(command!);
      expect(result.status).toBe(1);
      return result.stdout.trimEnd().split('\n');
    });
    expect(lines.map((l) => /file=([^,]+),line=(\d+)/.exec(l)!.slice(1).join(':')).sort()).toEqual(full.findings.map((f) => `${f.file}:${f.line}`).sort());
  });

  it('the workflows are what GitHub accepts: triggers, a runner, and steps that run or use an action', () => {
    for (const file of readdirSync(WORKFLOWS)) {
      const parsed = parse(readFileSync(path.join(WORKFLOWS, file), 'utf8')) as Workflow & { on: unknown; name: string };
      expect(parsed.name, file).toBeTruthy();
      expect(parsed.on, file).toBeTruthy();
      for (const job of Object.values(parsed.jobs)) {
        expect((job as { 'runs-on'?: string })['runs-on']).toBe('ubuntu-latest');
        expect(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses))).toBe(true);
      }
    }
  });
});
