import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { scan } from '../../src/cli/scan.js';
import { listSourceFiles } from '../../src/cli/files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP = path.join(ROOT, 'fixtures/socialhub');
const MARKER = /\/\/ hotpath-expect: ([\w-]+(?:\s*,\s*[\w-]+)*)/;

/** `file:line rule` for every `// hotpath-expect: <rule>` of the fixture app, for rules that exist. */
async function expectedReports(): Promise<{ expected: string[]; pending: string[] }> {
  const expected: string[] = [];
  const pending: string[] = [];
  for (const file of await listSourceFiles(APP, ['.'])) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      const rules = line.match(MARKER)?.[1]?.split(/\s*,\s*/) ?? [];
      for (const rule of rules) {
        const entry = `${path.relative(APP, file)}:${i + 1} hotpath/${rule}`;
        (rule in plugin.rules ? expected : pending).push(entry);
      }
    }
  }
  return { expected: expected.sort(), pending };
}

describe('the SocialHub fixture app', () => {
  it('type-checks against the real drizzle-orm, tRPC, ioredis, React and Next.js types', () => {
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '--noEmit', '-p', APP], { encoding: 'utf8' })).not.toThrow();
  });

  it.for([
    ['untyped', false],
    ['typed', true],
  ] as const)('reports exactly the marked lines (%s)', async ([, types]) => {
    const { expected, pending } = await expectedReports();
    // Every rule, also those only in `all` (require-index): each marker is checked.
    const result = await scan({ cwd: APP, paths: ['.'], types, rules: Object.keys(plugin.rules) });
    expect(result.typed).toBe(types);
    const reported = result.results
      .flatMap((r) => r.messages.map((m) => `${path.relative(APP, r.filePath)}:${m.line} ${m.ruleId}`))
      .sort();
    expect(reported).toEqual(expected);
    // Markers of rules not built yet wait for them; there must be some of each kind that exists.
    expect(expected.length).toBeGreaterThan(0);
    for (const entry of pending) expect(Object.keys(plugin.rules)).not.toContain(entry.split(' hotpath/')[1]);
  });
});
