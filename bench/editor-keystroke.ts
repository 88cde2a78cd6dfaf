// npm run bench:editor: the cost of one keystroke in an editor. The largest file of the fixture app, and the
// largest file of the real app (real-app.ts), is linted again and again as it is being typed (a character
// added each time), once with `recommended` and once with the parser alone (the floor), alternating A B A B in
// one process, as an editor's ESLint server does with Linter. Medians and p95 per run over rounds, with their
// spread, and the ratio to the floor.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../src/index.js';
import { buildRealApp, REAL_APP, sourceFiles } from './real-app.js';
import { median, spread } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const KEYSTROKES = 60;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const largestOf = (app: string) =>
  sourceFiles(app)
    .filter((f) => !f.includes('node_modules'))
    .map((f) => path.join(app, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;

buildRealApp();
for (const [name, app] of [
  ['fixture app', path.join(ROOT, 'fixtures/socialhub')],
  ['real app', REAL_APP],
] as const) {
  keystrokes(name, app, largestOf(app));
}

function keystrokes(label: string, app: string, largest: string): void {
  const text = readFileSync(largest, 'utf8');
  const languageOptions = { parser: tsParser as never, parserOptions: { ecmaFeatures: { jsx: largest.endsWith('x') } } };
  const configs: Record<string, Linter.Config[]> = {
    floor: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions }],
    recommended: [{ ...(plugin.configs.recommended as Linter.Config), files: ['**/*.ts', '**/*.tsx'], languageOptions }],
  };
  const linter = new Linter({ cwd: app });

  // Typing a comment at the end of the file, one character per keystroke: each lint sees new text.
  const typed = (n: number) => `${text}\n// ${'keystroke '.repeat(8).slice(0, n)}`;

  for (const config of Object.values(configs)) linter.verify(text, config, largest); // warm: modules read, JIT
  const rounds: Record<string, { median: number; p95: number }[]> = { floor: [], recommended: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const times: Record<string, number[]> = { floor: [], recommended: [] };
    for (let key = 1; key <= KEYSTROKES; key++) {
      for (const [name, config] of Object.entries(configs)) {
        const start = performance.now();
        const messages = linter.verify(typed(key), config, largest);
        times[name]!.push(performance.now() - start);
        if (messages.some((m) => m.fatal)) throw new Error(`${name}: ${messages.find((m) => m.fatal)!.message}`);
      }
    }
    for (const name of Object.keys(configs)) rounds[name]!.push({ median: median(times[name]!), p95: percentile(times[name]!, 95) });
  }

  const medians = (name: string) => rounds[name]!.map((r) => r.median);
  const p95s = (name: string) => rounds[name]!.map((r) => r.p95);
  console.log(`\nOne keystroke in the ${label}'s largest file, ${path.relative(ROOT, largest)} (${text.split('\n').length} lines), untyped, ${ROUNDS} rounds of ${KEYSTROKES} keystrokes, A B A B.\n`);
  console.log('| run | median | p95 | median vs floor |');
  console.log('|---|---|---|---|');
  for (const name of Object.keys(configs)) {
    const ratios = rounds[name]!.map((r, i) => r.median / rounds.floor![i]!.median);
    console.log(
      `| ${name} | ${median(medians(name)).toFixed(2)} ms (${spread(medians(name))}) | ${median(p95s(name)).toFixed(2)} ms (${spread(p95s(name))}) | ${median(ratios).toFixed(2)}× (${spread(ratios)}) |`,
    );
  }
}
