import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import plugin from '../src/index.js';
import { listSourceFiles } from '../src/cli/files.js';
import { REPOSITORY_URL } from '../src/create-rule.js';
import { parserWithoutServices } from './support/parser-without-services.js';
import { ruleTesterCases } from './support/rule-cases.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));

describe('plugin meta', () => {
  it('registers every rule file, in alphabetical order', () => {
    expect(Object.keys(plugin.rules)).toEqual([...ruleFiles].sort());
  });

  it('names itself after the package', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  describe.for(ruleFiles)('rule %s', (name) => {
    const rule = plugin.rules[name]!;
    it('has a doc page that its docs URL points to', () => {
      expect(rule.meta.docs?.url).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/${name}.md`);
      expect(existsSync(path.join(ROOT, 'docs/rules', `${name}.md`))).toBe(true);
      expect(existsSync(path.join(ROOT, 'rules', `${name}.test.ts`))).toBe(true);
    });

    it('declares a schema, and a fixer only when it fixes', () => {
      expect(rule.meta.schema).toBeDefined();
      const source = readFileSync(path.join(ROOT, 'rules', `${name}.ts`), 'utf8');
      const fixes = /\bfix\s*[(:]/.test(source);
      const suggests = /\bsuggest\b/.test(source);
      expect(Boolean(rule.meta.hasSuggestions)).toBe(suggests);
      // A rule with suggestions has fixers in them; one without has fixers only if it is fixable.
      if (rule.meta.fixable) expect(fixes).toBe(true);
      else if (!suggests) expect(fixes).toBe(false);
    });
  });

  it('builds configs from rule meta', () => {
    const { configs } = plugin;
    expect(Object.keys(configs).sort()).toEqual(['all', 'disable-type-checked', 'recommended', 'recommended-type-checked']);
    for (const [name, config] of Object.entries(configs)) expect(config.name).toBe(`hotpath/${name}`);
    expect(Object.keys(configs.all.rules ?? {})).toEqual(ruleFiles.map((n) => `hotpath/${n}`).sort());
    for (const id of Object.keys(configs.recommended.rules ?? {})) {
      expect(plugin.rules[id.replace('hotpath/', '')]!.meta.docs?.requiresTypeChecking).toBeFalsy();
    }
    expect(configs['recommended-type-checked'].languageOptions?.parserOptions).toEqual({ projectService: true });
  });

  it('has a disable-type-checked config that, like typescript-eslint\'s, only turns type information off', () => {
    const config = plugin.configs['disable-type-checked'];
    expect(config.files).toBeUndefined();
    expect(config.languageOptions).toEqual({ parserOptions: { project: false, program: null, projectService: false } });
    const typed = ruleFiles.filter((name) => plugin.rules[name]!.meta.docs.requiresTypeChecking);
    expect(config.rules).toEqual(Object.fromEntries(typed.map((name) => [`hotpath/${name}`, 'off'])));
  });
});

// What users get without type information: `recommended`, and the rules of `all` that do not ask for a program.
const { recommended, all } = plugin.configs;
const untypedRules = [
  ...new Set([
    ...Object.keys(recommended.rules ?? {}),
    ...Object.keys(all.rules ?? {}).filter((id) => !plugin.rules[id.replace('hotpath/', '')]!.meta.docs.requiresTypeChecking),
  ]),
].map((id) => id.replace('hotpath/', ''));

const APP = path.join(ROOT, 'fixtures/socialhub');
const appFiles = await listSourceFiles(APP, ['.']);

/** `file:line:column message` of each finding of one rule over the fixture app, as `all` configures it untyped; throws if the rule does. */
function lintApp(name: string, parser?: Linter.Parser): string[] {
  const config: Linter.Config = {
    ...all,
    languageOptions: { ...all.languageOptions, ...(parser && { parser }) },
    rules: { [`hotpath/${name}`]: 'error' },
  };
  const linter = new Linter({ cwd: APP });
  return appFiles.flatMap((file) =>
    linter.verify(readFileSync(file, 'utf8'), config, file).map((m) => {
      if (m.fatal) throw new Error(`${file}: ${m.message}`);
      return `${path.relative(APP, file)}:${m.line}:${m.column} ${m.message}`;
    }),
  );
}

// Read before the suites below are declared: RuleTester declares its tests from the cases.
const untypedCases = new Map<string, Awaited<ReturnType<typeof ruleTesterCases>>>();
for (const name of untypedRules) untypedCases.set(name, await ruleTesterCases(path.join(ROOT, 'rules', `${name}.test.ts`), 'untyped'));

const withoutServices = new RuleTester({ languageOptions: { parser: parserWithoutServices, parserOptions: { ecmaFeatures: { jsx: true } } } });

describe.for(untypedRules)('%s, a rule of the untyped configs', (name) => {
  it('lints the fixture app with no program, and finds the same when the parser gives no services at all', () => {
    const untyped = lintApp(name);
    // The app plants a mistake for every rule: an empty result would make the comparison prove nothing.
    expect(untyped.length).toBeGreaterThan(0);
    expect(lintApp(name, parserWithoutServices)).toEqual(untyped);
  });

  it('has untyped RuleTester cases', () => {
    const cases = untypedCases.get(name)!;
    expect(cases.reduce((n, run) => n + run.invalid.length, 0)).toBeGreaterThan(0);
  });

  // Its untyped cases, with their expected findings, fixes and suggestions, once more with no parser services.
  for (const tests of untypedCases.get(name)!) {
    withoutServices.run(`${name} (no parser services)`, rules[name as keyof typeof rules]!, tests);
  }
});
