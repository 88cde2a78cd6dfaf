import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

/**
 * typescript-eslint's parser with its `services` dropped, so that `sourceCode.parserServices` is ESLint's empty
 * default, as under another parser: less than the plain parser gives untyped (services whose `program` is null,
 * with their node maps). A rule that works untyped must find the same either way.
 */
export const parserWithoutServices = {
  meta: { name: 'typescript-eslint-without-services' },
  parseForESLint(code: string, options?: Parameters<typeof tsParser.parseForESLint>[1]) {
    const { services: _, ...parsed } = tsParser.parseForESLint(code, options);
    return parsed;
  },
  // As src/configs.ts says of typescript-eslint's parser: an ESLint parser that its types describe in other terms.
} as Linter.Parser;
