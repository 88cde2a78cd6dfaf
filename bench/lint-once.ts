// One measured lint of an app in a fresh process, so no run inherits another's caches.
// argv: <app dir> <config: floor | recommended | typed-floor | typed | rule:<name>> [share of the files, 0-1];
// prints one JSON line, with the whole process's CPU time and peak RSS.
import { performance } from 'node:perf_hooks';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';
import plugin from '../src/index.js';
import { sourceFiles } from './real-app.js';

const [app, config, share = '1'] = process.argv.slice(2) as [string, string, string?];
const typed = config.startsWith('typed');
// `rule:<name>` lints untyped with that rule alone, so that no other rule pays for work they share; a name
// with a slash is another plugin's rule (`@typescript-eslint/consistent-type-imports`), for comparison.
const ruleId = (name: string) => (name.includes('/') ? name : `hotpath/${name}`);
const alone = config.startsWith('rule:') ? { [ruleId(config.slice(5))]: 'error' as const } : undefined;
const rules =
  alone ?? (config === 'recommended' ? plugin.configs.recommended.rules : config === 'typed' ? plugin.configs['recommended-type-checked'].rules : {});
const overrideConfig: Linter.Config[] = [
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { hotpath: plugin as never, '@typescript-eslint': tseslint.plugin as never },
    languageOptions: {
      parser: tsParser as never,
      parserOptions: typed ? { projectService: true, tsconfigRootDir: app } : { ecmaFeatures: { jsx: true } },
    },
    rules: rules as Linter.RulesRecord,
  },
];
const eslint = new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig, stats: true });
// A share of the app: the first files in path order, so that whole packages come in together.
const all = sourceFiles(app);
const files = Number(share) >= 1 ? ['.'] : all.slice(0, Math.ceil(Number(share) * all.length));
const start = performance.now();
const results = await eslint.lintFiles(files);
const ms = performance.now() - start;
const ruleMs: Record<string, number> = {};
let parseMs = 0;
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
}
const fatal = results.filter((r) => r.messages.some((m) => m.fatal)).length;
const problems = results.reduce((n, r) => n + r.messages.length, 0);
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
const rssMb = usage.maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ config, ms, cpuMs, rssMb, parseMs, ruleMs, files: results.length, fatal, problems })}\n`);
