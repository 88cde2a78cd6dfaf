import type { RunTests } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';
import type { Mode } from './harness.js';
import * as realRuleTester from './rule-tester.js';

const RULE_TESTER = new URL('./rule-tester.ts', import.meta.url).pathname;

/**
 * The cases a rule's test file hands to `ruleTester(mode).run(…)`, read by importing the file with vitest's test
 * functions and the RuleTester replaced: suite bodies run (they build the cases), tests and runs are only recorded,
 * and hooks go to the real vitest, so that a fixture a file writes to disk is removed after the caller's tests.
 * A test function this stub does not know fails the import loudly rather than hiding cases.
 */
export async function ruleTesterCases(testFile: string, mode: Mode): Promise<Array<RunTests<string, readonly unknown[]>>> {
  const runs: Array<{ mode: Mode; tests: RunTests<string, readonly unknown[]> }> = [];
  const ignore = Object.assign(() => undefined, { for: () => () => undefined, each: () => () => undefined });
  const suite = Object.assign((_name: string, body?: () => void) => body?.(), {
    for: (items: readonly unknown[]) => (_name: string, body: (item: unknown) => void) => items.forEach((item) => body(item)),
  });
  vitest.vi.doMock('vitest', () => ({
    ...vitest,
    describe: suite,
    suite,
    it: ignore,
    test: ignore,
  }));
  vitest.vi.doMock(RULE_TESTER, () => ({
    ...realRuleTester,
    ruleTester: (testerMode: Mode) => ({
      run: (_name: string, _rule: unknown, tests: RunTests<string, readonly unknown[]>) => runs.push({ mode: testerMode, tests }),
    }),
  }));
  try {
    await import(/* @vite-ignore */ testFile);
  } finally {
    vitest.vi.doUnmock('vitest');
    vitest.vi.doUnmock(RULE_TESTER);
  }
  return runs.filter((run) => run.mode === mode).map((run) => run.tests);
}
