import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemods/runner.js';
import type { HotpathApi } from '../../src/codemods/contract.js';
import transform, { codemod } from './transform.js';

const FIXTURES = path.join(import.meta.dirname, '__testfixtures__');
const ROOT = path.resolve(import.meta.dirname, '../..');
const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.input.ts'))
  .map((f) => f.replace('.input.ts', ''));

function run(file: string): { output: string | undefined; bails: string[] } {
  const bails: string[] = [];
  const api = { bail: (line: number, reason: string) => void bails.push(`${line}: ${reason}`) } as HotpathApi;
  return { output: transform({ path: file, source: readFileSync(file, 'utf8') }, api) ?? undefined, bails };
}

describe('redis-pipeline', () => {
  it.for(cases)('rewrites %s.input.ts into %s.output.ts, and a second run changes nothing', (name) => {
    const input = path.join(FIXTURES, `${name}.input.ts`);
    const expected = readFileSync(path.join(FIXTURES, `${name}.output.ts`), 'utf8');
    expect(run(input).output ?? readFileSync(input, 'utf8')).toBe(expected);
    expect(run(path.join(FIXTURES, `${name}.output.ts`)).output).toBeUndefined();
  });

  it('leaves the imports alone: a rewrite keeps every name it moves, and an import unused before stays', () => {
    const file = path.join(FIXTURES, 'consecutive.input.ts');
    const withUnused = (code: string) => code.replace('import { Redis } from "ioredis";\n', 'import { Redis } from "ioredis";\nimport { unusedBefore } from "./unused.js";\n');
    const output = transform({ path: file, source: withUnused(readFileSync(file, 'utf8')) }, { bail: () => {} } as unknown as HotpathApi);
    expect(output).toBe(withUnused(readFileSync(path.join(FIXTURES, 'consecutive.output.ts'), 'utf8')));
  });

  it('says why it leaves a site alone', () => {
    expect(run(path.join(FIXTURES, 'left-alone.input.ts')).bails).toEqual([
      '13: comments between the commands would be lost',
      '19: the commands go to different clients',
      '33: a command per item in a shape this codemod does not rewrite: batch it by hand (mget, or one pipeline)',
      '38: other statements stand between the commands: move them above the first command, then run again',
    ]);
  });

  it('marks the sites it left alone with --mark, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-redis-pipeline-'));
    const file = path.join(dir, 'left-alone.ts');
    copyFileSync(path.join(FIXTURES, 'left-alone.input.ts'), file);
    const options = { cwd: dir, files: [file], dry: false, print: false, mark: true, write: () => {} };
    const first = await runCodemod(codemod, options);
    expect(first.changed).toEqual(['left-alone.ts']);
    const marked = readFileSync(file, 'utf8');
    expect(marked).toContain(
      '  // hotpath-todo(redis-pipeline): comments between the commands would be lost\n  await redis.incr(`views:${id}`);',
    );
    expect(marked).toContain('  // hotpath-todo(redis-pipeline): the commands go to different clients');
    const second = await runCodemod(codemod, options);
    expect(second.changed).toEqual([]);
  });

  it('produces code that type-checks against ioredis, node-redis and @upstash/redis', () => {
    const files = readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f));
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = ['--ignoreConfig', '--noEmit', '--strict', '--noUnusedLocals', '--skipLibCheck', '--target', 'ES2022', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--types', 'node', ...files];
    expect(() => execFileSync(process.execPath, [tsc, ...args], { encoding: 'utf8' })).not.toThrow();
  });
});
