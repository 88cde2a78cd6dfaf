import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const APP = path.join(ROOT, 'fixtures/socialhub');
const scan = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'scan', '--exit-zero', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
const json = (cwd: string, ...args: string[]) => {
  const result = scan(cwd, '--format', 'json', ...args);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { files: number; findings: Array<{ rule: string; file: string; line: number; column: number; message: string }> };
};

describe('hotpath scan at scale', () => {
  it.for([
    ['untyped', ['--no-types']],
    ['typed', []],
  ] as const)("--concurrency 2 (ESLint's worker threads) finds exactly what one thread finds, %s", ([, types]) => {
    const one = json(APP, ...types, '--concurrency', 'off');
    const two = json(APP, ...types, '--concurrency', '2');
    expect(two).toEqual(one);
    expect(one.findings.length).toBeGreaterThan(10);
  });

  it('--shard i/n: the shards together are the full scan, each file in exactly one shard', () => {
    const full = json(APP, '--no-types');
    const shards = [1, 2, 3].map((i) => json(APP, '--no-types', '--shard', `${i}/3`));
    expect(shards.reduce((n, s) => n + s.files, 0)).toBe(full.files);
    expect(Math.max(...shards.map((s) => s.files)) - Math.min(...shards.map((s) => s.files))).toBeLessThanOrEqual(1);
    const files = shards.map((s) => new Set(s.findings.map((f) => f.file)));
    for (const [i, a] of files.entries()) for (const b of files.slice(i + 1)) expect([...a].filter((f) => b.has(f))).toEqual([]);
    const union = shards.flatMap((s) => s.findings).sort((a, b) => `${a.file}:${a.line}`.localeCompare(`${b.file}:${b.line}`));
    const sorted = [...full.findings].sort((a, b) => `${a.file}:${a.line}`.localeCompare(`${b.file}:${b.line}`));
    expect(union).toEqual(sorted);
    // The same shard twice is the same files.
    expect(json(APP, '--no-types', '--shard', '2/3')).toEqual(shards[1]);
  });

  it('rejects a malformed shard or concurrency with one line and exit code 2', () => {
    for (const [flag, value, message] of [
      ['--shard', '4/3', '--shard must be i/n with 1 ≤ i ≤ n, like 2/4 (got "4/3")'],
      ['--concurrency', '0', '--concurrency must be a positive integer, auto or off (got "0")'],
    ] as const) {
      const result = scan(APP, flag, value);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`hotpath: ${message}`);
    }
  });

  it("--cache keeps ESLint's cache: a second run gives the same findings from it, and an edit is seen", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-cache-'));
    cpSync(APP, dir, { recursive: true });
    const cache = path.join(dir, 'node_modules/.cache/eslint-plugin-hotpath/eslintcache');
    const first = json(dir, '--no-types', '--cache');
    expect(existsSync(cache)).toBe(true);
    expect(json(dir, '--no-types', '--cache')).toEqual(first);
    const router = path.join(dir, 'apps/api/src/trpc/routers/user.ts');
    writeFileSync(router, readFileSync(router, 'utf8').replace('const mutual = await countMutualFollows(ctx.userId, candidate.id);', 'const mutual = 0;'));
    const edited = json(dir, '--no-types', '--cache');
    expect(edited.findings.length).toBe(first.findings.length - 1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--format github prints one workflow command per finding, escaped as the runner reads them', () => {
    const findings = json(APP, '--no-types').findings;
    const lines = scan(APP, '--no-types', '--format', 'github').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    const [first] = findings;
    expect(lines[0]).toBe(
      `::error file=${first!.file},line=${first!.line},col=${first!.column},endLine=${(first as { endLine?: number }).endLine},` +
        `endColumn=${(first as { endColumn?: number }).endColumn},title=${first!.rule}::${first!.message.replace(/%/g, '%25')}`,
    );
    expect(lines.every((l) => /^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=hotpath\/[a-z-]+::.+$/.test(l))).toBe(true);
  });
});
