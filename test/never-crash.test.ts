import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { corpusFiles, writeCorpus } from './support/corpus.js';
import { recognizerProbe } from './support/recognizer-probe.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-corpus-'));
const { count } = writeCorpus(dir, corpusFiles(2000));
writeFileSync(
  path.join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, jsx: 'preserve', target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] },
    include: ['**/*'],
  }),
);

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`hotpath/${name}`, 'error' as const]));

describe.for(['untyped', 'typed'] as const)('no rule or recognizer throws (%s)', (mode) => {
  it(`lints ${count} real and truncated files without an exception`, { timeout: 600_000 }, async () => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
          plugins: { hotpath: plugin as never, probe: { rules: { recognizers: recognizerProbe } } as never },
          languageOptions: {
            parser: tsParser as never,
            parserOptions: mode === 'typed' ? { project: './tsconfig.json', tsconfigRootDir: dir } : { ecmaFeatures: { jsx: true } },
          },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          rules: { ...allRules, 'probe/recognizers': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['.']);
    const parsed = results.filter((r) => !r.messages.some((m) => m.fatal));
    expect(results.length).toBe(count);
    // Most truncated twins must still parse, or the test would only exercise the parser.
    expect(parsed.length).toBeGreaterThan(count * 0.6);
  });
});
