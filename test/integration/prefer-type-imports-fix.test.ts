import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function eslint(cwd: string, fixStyle: string, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        plugins: { hotpath: plugin as never },
        languageOptions: { parser: tsParser as never, parserOptions: { projectService: true, tsconfigRootDir: cwd } },
        rules: { 'hotpath/prefer-type-imports': ['error', { fixStyle }] },
      },
    ],
  });
}

describe('prefer-type-imports --fix on the fixture app', () => {
  it.for(['auto', 'separate-type-imports'])('leaves code that type-checks and nothing to report (%s)', async (style) => {
    // Inside the repository, so that the copy resolves the same node_modules as the original.
    const app = path.join(ROOT, '.cache', `fixed-socialhub-${style}`);
    rmSync(app, { recursive: true, force: true });
    mkdirSync(path.dirname(app), { recursive: true });
    cpSync(path.join(ROOT, 'fixtures/socialhub'), app, { recursive: true });

    const fixed = await eslint(app, style, true).lintFiles(['.']);
    await ESLint.outputFixes(fixed);
    expect(fixed.filter((r) => r.output !== undefined).map((r) => path.relative(app, r.filePath)).sort()).toEqual([
      'apps/api/src/trpc/errors.ts',
      'apps/web/src/lib/trpc.ts',
    ]);
    const again = await eslint(app, style, false).lintFiles(['.']);
    expect(again.flatMap((r) => r.messages)).toEqual([]);
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '--noEmit', '-p', app], { encoding: 'utf8' })).not.toThrow();
  });
});
