import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import { PROJECT, TYPED_PARSER_OPTIONS, type Mode } from './harness.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * The file every test case is linted as, so that relative imports reach the fixture project's modules.
 * Typed, the RuleTester resolves it against the project root itself.
 */
export const FILENAME = path.join(PROJECT, 'file.ts');
export const filenameFor = (mode: Mode): string => (mode === 'typed' ? 'file.ts' : FILENAME);

/** A RuleTester that lints as `test/fixtures/project/file.ts`, with or without the project's types. */
export function ruleTester(mode: Mode): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: mode === 'typed' ? TYPED_PARSER_OPTIONS : { ecmaFeatures: { jsx: true } },
    },
  });
}
