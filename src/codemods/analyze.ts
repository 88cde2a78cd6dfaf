import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getFileContext } from '../recognizers/file-context.js';
import type { FileContext } from '../recognizers/analysis-types.js';
import { codemodConfig } from './run-config.js';

/** The source does not parse: there is nothing to analyze. `line` is where the parser stopped. */
export class UnparsableSource extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Runs the shared recognizers over a source text, for codemods: they work on jscodeshift's AST, the
 * recognizers on ESLint's, so a codemod asks through ESLint and gets plain data with source ranges back.
 * `filePath` matters: imports are followed from it, as when the file is linted, and the user's
 * `settings.hotpath` for it (in a codemod run) are the recognizers' settings, as when the rules lint it.
 */
export function analyzeSource<T>(
  source: string,
  filePath: string,
  listen: (file: FileContext, found: (item: T) => void) => TSESLint.RuleListener,
): T[] {
  const items: T[] = [];
  const rule: TSESLint.RuleModule<'x', []> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: { x: 'x' } },
    create: (context) => listen(getFileContext(context), (item) => items.push(item)),
  };
  // The file's own folder as cwd: a file outside the cwd would be ignored.
  const messages = new Linter({ cwd: path.dirname(filePath) }).verify(
    source,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        plugins: { codemod: { rules: { analyze: rule } } as never },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: /\.[jt]sx$/.test(filePath) } } },
        // The user's directives are about their rules: an unused `/* eslint-disable */` is no problem here.
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: { 'codemod/analyze': 'error' },
        settings: { hotpath: codemodConfig(filePath).settings },
      },
    ],
    filePath,
  );
  const problem = messages.find((m) => m.fatal);
  if (problem) throw new UnparsableSource(problem.line, `it does not parse (${problem.message.replace(/^Parsing error: /, '')}): left untouched`);
  // Codemods hand only script files; any other message is about the user's own comments, not the analysis.
  return items;
}
