import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { REPOSITORY_URL } from '../src/create-rule.js';

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

    it('needs types only if it says so', () => {
      const source = readFileSync(path.join(ROOT, 'rules', `${name}.ts`), 'utf8');
      const strict = /getParserServices\(context\)/.test(source);
      expect(Boolean(rule.meta.docs?.requiresTypeChecking)).toBe(strict);
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
