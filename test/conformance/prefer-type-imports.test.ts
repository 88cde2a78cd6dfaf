import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { corpusFiles, writeCorpus } from '../support/corpus.js';

/**
 * `prefer-type-imports` against typescript-eslint's `consistent-type-imports`, untyped, over the fixture app
 * and real files shipped by installed packages: the same declarations reported and the same fixed output
 * with the same fix style, except where ours is right and theirs is not, each documented in the rule's page:
 * - merge: a declaration whose imports are all types joins an existing `import type` of the same module
 *   (theirs leaves two declarations of one module);
 * - attributes: an import with attributes is reported, without a fix (theirs says nothing);
 * - all inline: in the inline style, a declaration of types only becomes `import type { A }` (theirs writes
 *   `import { type A }`, which under `verbatimModuleSyntax` compiles to the side-effect `import {} from`);
 * - declaration files: an import that a `.d.ts` re-exports with `export { X }` is not reported untyped
 *   (theirs makes it `import type`, which turns an exported class into a type-only export).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const corpus = mkdtempSync(path.join(tmpdir(), 'hotpath-conformance-'));
writeCorpus(corpus, corpusFiles(1500), { twins: false });

const OURS = 'hotpath/prefer-type-imports';
const THEIRS = '@typescript-eslint/consistent-type-imports';
type Style = 'separate-type-imports' | 'inline-type-imports';

function eslint(cwd: string, rules: Linter.RulesRecord, fix: boolean): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    ignorePatterns: ['**/node_modules/**'],
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
        plugins: { hotpath: plugin as never, '@typescript-eslint': tseslint.plugin as never },
        languageOptions: { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules,
      },
    ],
  });
}

const entry = (rule: string, style: Style): Linter.RuleEntry => [
  'error',
  rule === OURS ? { fixStyle: style } : { fixStyle: style, disallowTypeAnnotations: false },
];

/**
 * `file:line` of every import declaration each rule reports (the fix style changes no report, so one run
 * with both rules answers for both styles), and the files that either rule reports anything in.
 */
async function reportsOf(cwd: string) {
  const reports = { [OURS]: new Set<string>(), [THEIRS]: new Set<string>() };
  const reported = new Set<string>();
  const rules = { [OURS]: entry(OURS, 'inline-type-imports'), [THEIRS]: entry(THEIRS, 'inline-type-imports') };
  for (const result of await eslint(cwd, rules, false).lintFiles(['.'])) {
    for (const m of result.messages) {
      if (m.ruleId !== OURS && m.ruleId !== THEIRS) continue;
      reported.add(result.filePath);
      // Exports and `verbatimModuleSyntax` are beyond what theirs checks.
      if (m.messageId !== 'typeOnlyExport' && m.messageId !== 'sideEffectImport') {
        reports[m.ruleId].add(`${path.relative(cwd, result.filePath)}:${m.line}`);
      }
    }
  }
  return { reports, reported };
}

/** The fixed text of every file the rule changes; only a file with a report can change. */
async function outputsOf(cwd: string, files: Set<string>, rule: string, style: Style) {
  const outputs = new Map<string, string>();
  for (const result of await eslint(cwd, { [rule]: entry(rule, style) }, true).lintFiles([...files])) {
    if (result.output !== undefined) outputs.set(path.relative(cwd, result.filePath), result.output);
  }
  return outputs;
}

/** Import declarations of `text`, one per line, with the module and whether they are `import type`. */
const importLines = (text: string) => text.match(/^import\b[^;]*;/gm) ?? [];

/**
 * The text with `import { type A, type B } from` written `import type { A, B } from`, as ours writes it, and
 * spacing collapsed (theirs joins specifiers as `A,B}`, ours as `A, B }`).
 */
const normalize = (text: string) =>
  text
    .replace(/^import \{([^}]*)\}/gm, (whole, inner: string) => {
    const names = inner.split(',').map((n) => n.trim()).filter(Boolean);
    return names.every((n) => n.startsWith('type ')) ? `import type { ${names.map((n) => n.slice(5)).join(', ')} }` : whole;
    })
    .replace(/\s+/g, ' ')
    .replace(/\s*([{},])\s*/g, '$1');

const reExportingDeclarationFile = (file: string, text: string) => /\.d\.[cm]?ts$/.test(file) && /^export \{/m.test(text);

/** Is the difference in this file's output a merge into an existing `import type` (documented above)? */
function isMerge(ours: string, theirs: string): boolean {
  const modulesOf = (text: string) => importLines(text).map((l) => l.match(/from\s+(["'][^"']+["'])/)?.[1] ?? l);
  const count = (list: string[]) => list.length - new Set(list).size;
  // Ours has fewer declarations of one module, with the same bindings.
  const bindings = (text: string) =>
    importLines(text)
      .flatMap((l) => l.replace(/^import\s+(type\s+)?/, '').replace(/from[\s\S]*$/, '').match(/[\w$]+/g) ?? [])
      .filter((w) => w !== 'type' && w !== 'as')
      .sort()
      .join(',');
  return count(modulesOf(ours)) < count(modulesOf(theirs)) && bindings(ours) === bindings(theirs);
}

describe.for([
  ['the fixture app', path.join(ROOT, 'fixtures/socialhub')],
  ['real-world files', corpus],
] as const)('prefer-type-imports conforms to consistent-type-imports on %s', ([, cwd]) => {
  let linted: ReturnType<typeof reportsOf> | undefined;
  const text = (file: string) => readFileSync(path.join(cwd, file), 'utf8');
  const documented = (file: string) => / with \{/.test(text(file)) || reExportingDeclarationFile(file, text(file));
  const fileOf = (report: string) => report.replace(/:\d+$/, '');

  it('reports the same declarations', { timeout: 300_000 }, async () => {
    const { reports } = await (linted ??= reportsOf(cwd));
    expect([...reports[OURS]].filter((r) => !reports[THEIRS].has(r) && !documented(fileOf(r)))).toEqual([]);
    expect([...reports[THEIRS]].filter((r) => !reports[OURS].has(r) && !documented(fileOf(r)))).toEqual([]);
    // The comparison means something only if both found work to do.
    if (cwd === corpus) expect(reports[OURS].size).toBeGreaterThan(20);
  });

  it.for(['separate-type-imports', 'inline-type-imports'] as const)('fixes them the same (%s)', { timeout: 300_000 }, async (style) => {
    const { reported } = await (linted ??= reportsOf(cwd));
    const ours = await outputsOf(cwd, reported, OURS, style);
    const theirs = await outputsOf(cwd, reported, THEIRS, style);
    const differences = [...new Set([...ours.keys(), ...theirs.keys()])].filter((file) => {
      const a = ours.get(file);
      const b = theirs.get(file);
      if (a === b || documented(file) || !a || !b) return a !== b && !documented(file);
      return normalize(a) !== normalize(b) && !isMerge(a, b);
    });
    expect(differences).toEqual([]);
    if (cwd === corpus) expect(ours.size).toBeGreaterThan(20);
  });
});
