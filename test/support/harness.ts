import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { getFileContext } from '../../src/recognizers/file-context.js';
import type { FileContext } from '../../src/recognizers/analysis-types.js';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/project');

export type Mode = 'untyped' | 'typed';

/**
 * Typed parsing against the fixture project. Snippets are linted in memory, so typescript-eslint must not
 * switch to its single-run mode (which it infers from `CI=true`, as CI sets it): that mode reads the
 * files from disk and would type-check the empty placeholder instead of the snippet.
 */
export const TYPED_PARSER_OPTIONS = {
  project: './tsconfig.json',
  tsconfigRootDir: PROJECT,
  disallowAutomaticSingleRunInference: true,
};
export const MODES: Mode[] = ['untyped', 'typed'];

/** Removes the indentation of a template literal so that snippets read like the files they mimic. */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  // Indentation is measured on the literal parts only, so interpolated snippets keep their own.
  const marked = strings.join('\u0000').replace(/^\n/, '');
  const lines = marked.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  let i = 0;
  return lines
    .map((l) => l.slice(indent))
    .join('\n')
    .replace(/\u0000/g, () => String(values[i++]));
}

export interface Probe {
  /** Node types to visit, e.g. `CallExpression`. */
  on: `${TSESTree.Node['type']}`;
  /** Returns a description of what the recognizer found at the node, or null. */
  run(node: TSESTree.Node, file: FileContext): string | null;
}

/**
 * Lints `code` as `test/fixtures/project/file.ts(x)` with a probe rule and returns `line: description` for
 * every node the recognizer accepts. Typed mode uses the fixture project's tsconfig.
 */
export function probe(
  code: string,
  mode: Mode,
  p: Probe,
  options: { filename?: string; settings?: Record<string, unknown>; cwd?: string } = {},
): string[] {
  const filename = path.join(PROJECT, options.filename ?? 'file.ts');
  const linter = new Linter({ cwd: options.cwd ?? PROJECT });
  const results: string[] = [];
  const plugin = {
    rules: {
      probe: {
        meta: { type: 'problem' as const, schema: [] },
        create(context: Parameters<typeof getFileContext>[0]) {
          const file = getFileContext(context);
          return {
            [p.on](node: TSESTree.Node) {
              const found = p.run(node, file);
              if (found !== null) results.push(`${node.loc.start.line}: ${found}`);
            },
          };
        },
      },
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { test: plugin as never },
        languageOptions: {
          parser: tsParser as never,
          parserOptions:
            mode === 'typed' ? TYPED_PARSER_OPTIONS : { ecmaFeatures: { jsx: true } },
        },
        settings: options.settings ?? {},
        rules: { 'test/probe': 'error' },
      },
    ],
    filename,
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId !== 'test/probe');
  if (fatal) throw new Error(`lint failed: ${fatal.message}`);
  return results;
}
