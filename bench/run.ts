// npm run bench: lints a ≥500-file copy of the SocialHub fixture four ways, interleaved over several rounds
// (floor, recommended, typed floor, typed), and prints medians, spreads, ratios against the floors and each
// rule's own time. Machines here are shared and noisy: compare the ratios, never the absolute times.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import plugin from '../src/index.js';
import { APP, buildApp, COPIES } from './bench-app.js';
import { median, spread } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RULES = Object.keys(plugin.rules);
// Rules measured against the established rule they replace, in the same rounds.
const RIVALS: Record<string, string> = { 'prefer-type-imports': '@typescript-eslint/consistent-type-imports' };
const CONFIGS = [
  'floor',
  'recommended',
  'typed-floor',
  'typed',
  ...RULES.map((r) => `rule:${r}`),
  ...Object.values(RIVALS).map((r) => `rule:${r}`),
];

interface Sample {
  config: string;
  ms: number;
  parseMs: number;
  ruleMs: Record<string, number>;
  files: number;
  fatal: number;
  problems: number;
}

function lintOnce(config: string): Sample {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist/bench/lint-once.js'), APP, config], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as Sample;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

buildApp();
const samples: Record<string, Sample[]> = Object.fromEntries(CONFIGS.map((c) => [c, [] as Sample[]]));
lintOnce('floor'); // warm the file system cache once, unmeasured
for (let round = 1; round <= ROUNDS; round++) {
  for (const config of CONFIGS) samples[config]!.push(lintOnce(config));
  process.stderr.write(`round ${round}/${ROUNDS} done\n`);
}

const first = samples.floor![0]!;
console.log(`\nBench app: ${first.files} files (${COPIES} copies of fixtures/socialhub); ${ROUNDS} interleaved rounds, fresh process each.\n`);
console.log('| run | median | spread | problems | vs its floor |');
console.log('|---|---|---|---|---|');
for (const config of CONFIGS.filter((c) => !c.startsWith('rule:'))) {
  const times = samples[config]!.map((s) => s.ms);
  const floor = config.startsWith('typed') ? 'typed-floor' : 'floor';
  const ratios = samples[config]!.map((s, i) => s.ms / samples[floor]![i]!.ms);
  const ratio = config === floor ? '1' : `${median(ratios).toFixed(2)}× (${spread(ratios)})`;
  console.log(`| ${config} | ${fmt(median(times))} | ${spread(times)} | ${samples[config]![0]!.problems} | ${ratio} |`);
}
console.log('\nEach rule alone, untyped: its own time (ESLint stats, like TIMING) as a share of the floor run of the same round:\n');
console.log('| rule | median | share of floor |');
console.log('|---|---|---|');
for (const rule of RULES) {
  const runs = samples[`rule:${rule}`]!;
  const times = runs.map((s) => s.ruleMs[`hotpath/${rule}`] ?? 0);
  const shares = runs.map((s, i) => (s.ruleMs[`hotpath/${rule}`] ?? 0) / samples.floor![i]!.ms);
  console.log(`| ${rule} | ${median(times).toFixed(0)} ms | ${(100 * median(shares)).toFixed(1)}% (${spread(shares)}) |`);
}
console.log('\nAgainst the rule each replaces, untyped, same rounds (ratio of rule times per round):\n');
console.log('| rule | theirs | ours / theirs |');
console.log('|---|---|---|');
for (const [rule, rival] of Object.entries(RIVALS)) {
  const ours = samples[`rule:${rule}`]!.map((s) => s.ruleMs[`hotpath/${rule}`] ?? 0);
  const theirs = samples[`rule:${rival}`]!.map((s) => s.ruleMs[rival] ?? 0);
  const ratios = ours.map((t, i) => t / theirs[i]!);
  console.log(`| ${rule} ${median(ours).toFixed(0)} ms | ${rival} ${median(theirs).toFixed(0)} ms | ${median(ratios).toFixed(2)}× (${spread(ratios)}) |`);
}
console.log('\nAll recommended rules together (shared caches are paid by whichever rule asks first):\n');
console.log('| rule | mode | median | share of floor |');
console.log('|---|---|---|---|');
for (const [config, floor] of [
  ['recommended', 'floor'],
  ['typed', 'typed-floor'],
] as const) {
  for (const rule of Object.keys(samples[config]![0]!.ruleMs)) {
    const times = samples[config]!.map((s) => s.ruleMs[rule] ?? 0);
    const shares = samples[config]!.map((s, i) => (s.ruleMs[rule] ?? 0) / samples[floor]![i]!.ms);
    console.log(`| ${rule} | ${config} | ${median(times).toFixed(0)} ms | ${(100 * median(shares)).toFixed(1)}% (${spread(shares)}) |`);
  }
}
