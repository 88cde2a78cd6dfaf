// npm run bench: lints two apps four ways each (floor, recommended, typed floor, typed), every lint a fresh
// process, interleaved A B A B over several rounds, and prints medians with their spread of wall time, CPU
// time and peak RSS, ratios against the floors, each rule's own time, and how the cost grows with the app.
// - The bench app: ≥500 files, copies of the SocialHub fixture (bench-app.ts); also each rule alone.
// - The real app: ≥1,500 files of real code, the labelled corpus's apps side by side (real-app.ts); also a
//   quarter and a half of it, for the scaling table.
// Machines here are shared and noisy: compare the ratios of the same round, never the absolute times.
// BENCH_ROUNDS (default 5) sets the rounds, BENCH_APPS (`bench,real`) the apps.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import plugin from '../src/index.js';
import { APP, buildApp, COPIES } from './bench-app.js';
import { buildRealApp, REAL_APP } from './real-app.js';
import { median, spread } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const APPS = (process.env.BENCH_APPS ?? 'bench,real').split(',').map((a) => a.trim());
const RULES = Object.keys(plugin.rules);
// Rules measured against the established rule they replace, in the same rounds.
const RIVALS: Record<string, string> = { 'prefer-type-imports': '@typescript-eslint/consistent-type-imports' };
const MAIN = ['floor', 'recommended', 'typed-floor', 'typed'];
const SHARES = [0.25, 0.5];

interface Sample {
  config: string;
  /** The whole process, start to exit, as a user waits for it. */
  wallMs: number;
  /** `lintFiles` alone. */
  ms: number;
  cpuMs: number;
  rssMb: number;
  parseMs: number;
  ruleMs: Record<string, number>;
  files: number;
  fatal: number;
  problems: number;
}

interface Run {
  /** Key of the run in the tables: config, or `config@share`. */
  key: string;
  app: string;
  config: string;
  share: number;
}

function lintOnce(run: Run): Sample {
  const start = performance.now();
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist/bench/lint-once.js'), run.app, run.config, String(run.share)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { ...(JSON.parse(out) as Omit<Sample, 'wallMs'>), wallMs: performance.now() - start };
}

const plan: { name: string; title: string; dir: string; runs: Run[] }[] = [];
if (APPS.includes('bench')) {
  buildApp();
  const configs = [...MAIN, ...RULES.map((r) => `rule:${r}`), ...Object.values(RIVALS).map((r) => `rule:${r}`)];
  plan.push({
    name: 'bench',
    title: `Bench app (${COPIES} copies of fixtures/socialhub)`,
    dir: APP,
    runs: configs.map((config) => ({ key: config, app: APP, config, share: 1 })),
  });
}
if (APPS.includes('real')) {
  const real = buildRealApp();
  const copies = real.folders.map(([folder, app]) => (folder === app ? app : `${folder} (a second copy)`)).join(', ');
  plan.push({
    name: 'real',
    title: `Real app (the corpus's apps side by side: ${copies}; test/corpus/apps at tree ${real.corpusTree})`,
    dir: REAL_APP,
    runs: [
      ...MAIN.map((config) => ({ key: config, app: REAL_APP, config, share: 1 })),
      ...SHARES.flatMap((share) => ['floor', 'recommended'].map((config) => ({ key: `${config}@${share}`, app: REAL_APP, config, share }))),
    ],
  });
}

const samples = new Map<string, Sample[]>();
const of = (app: string, key: string) => samples.get(`${app}\0${key}`)!;
for (const { name, runs } of plan) for (const run of runs) samples.set(`${name}\0${run.key}`, []);
// Unmeasured: fills the file system cache, and client-bundle-budget's disk cache of package sizes (in the
// app's node_modules/.cache), which a fresh copy of an app lacks and every lint after a user's first one has.
for (const { dir } of plan) lintOnce({ key: 'warm', app: dir, config: 'recommended', share: 1 });
for (let round = 1; round <= ROUNDS; round++) {
  for (const { name, runs } of plan) for (const run of runs) of(name, run.key).push(lintOnce(run));
  process.stderr.write(`round ${round}/${ROUNDS} done\n`);
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cell = (xs: number[], unit: (x: number) => string) => `${unit(median(xs))} (${spread(xs)})`;
const ratio = (xs: number[]) => `${median(xs).toFixed(2)}× (${spread(xs)})`;
const perRound = (runs: Sample[], floor: Sample[], pick: (s: Sample) => number) => runs.map((s, i) => pick(s) / pick(floor[i]!));

for (const { name, title } of plan) {
  const first = of(name, 'floor')[0]!;
  console.log(`\n## ${title}: ${first.files} files; ${ROUNDS} interleaved rounds, a fresh process each\n`);
  console.log('| run | wall | CPU | peak RSS | problems | fatal | wall vs floor | CPU vs floor | RSS vs floor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const config of MAIN) {
    const runs = of(name, config);
    const floor = of(name, config.startsWith('typed') ? 'typed-floor' : 'floor');
    const vs = (pick: (s: Sample) => number) => (runs === floor ? '1' : ratio(perRound(runs, floor, pick)));
    console.log(
      `| ${config} | ${cell(runs.map((s) => s.wallMs), sec)} | ${cell(runs.map((s) => s.cpuMs), sec)} | ` +
        `${cell(runs.map((s) => s.rssMb), (mb) => `${mb.toFixed(0)} MB`)} | ${runs[0]!.problems} | ${runs[0]!.fatal} | ` +
        `${vs((s) => s.wallMs)} | ${vs((s) => s.cpuMs)} | ${vs((s) => s.rssMb)} |`,
    );
  }
  console.log(`\nAll rules of a config together, ${name} app: each rule's own time (ESLint stats, like TIMING) as a share of its floor's wall time (shared caches are paid by whichever rule asks first):\n`);
  console.log('| rule | config | median | share of floor |');
  console.log('|---|---|---|---|');
  for (const [config, floorConfig] of [
    ['recommended', 'floor'],
    ['typed', 'typed-floor'],
  ] as const) {
    const runs = of(name, config);
    const floor = of(name, floorConfig);
    for (const rule of Object.keys(runs[0]!.ruleMs)) {
      const times = runs.map((s) => s.ruleMs[rule] ?? 0);
      const shares = runs.map((s, i) => (s.ruleMs[rule] ?? 0) / floor[i]!.wallMs);
      console.log(`| ${rule} | ${config} | ${times.length ? median(times).toFixed(0) : 0} ms | ${(100 * median(shares)).toFixed(1)}% (${spread(shares)}) |`);
    }
  }
}

if (APPS.includes('bench')) {
  console.log('\nEach rule alone on the bench app, untyped: its own time as a share of the floor run of the same round:\n');
  console.log('| rule | median | share of floor |');
  console.log('|---|---|---|');
  for (const rule of RULES) {
    const runs = of('bench', `rule:${rule}`);
    const times = runs.map((s) => s.ruleMs[`hotpath/${rule}`] ?? 0);
    const shares = runs.map((s, i) => (s.ruleMs[`hotpath/${rule}`] ?? 0) / of('bench', 'floor')[i]!.wallMs);
    console.log(`| ${rule} | ${median(times).toFixed(0)} ms | ${(100 * median(shares)).toFixed(1)}% (${spread(shares)}) |`);
  }
  console.log('\nAgainst the rule each replaces, bench app, untyped, same rounds (ratio of rule times per round):\n');
  console.log('| rule | theirs | ours / theirs |');
  console.log('|---|---|---|');
  for (const [rule, rival] of Object.entries(RIVALS)) {
    const ours = of('bench', `rule:${rule}`).map((s) => s.ruleMs[`hotpath/${rule}`] ?? 0);
    const theirs = of('bench', `rule:${rival}`).map((s) => s.ruleMs[rival] ?? 0);
    console.log(`| ${rule} ${median(ours).toFixed(0)} ms | ${rival} ${median(theirs).toFixed(0)} ms | ${ratio(ours.map((t, i) => t / theirs[i]!))} |`);
  }
}

if (APPS.includes('real')) {
  // Linear means the same cost per file at every size: the first files in path order, whole packages at a time.
  console.log('\nScaling on the real app, untyped: per file, and what `recommended` adds to the floor per file:\n');
  console.log('| share | files | floor wall/file | recommended wall/file | recommended CPU/file | recommended RSS | added wall/file | added RSS/file |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const share of [...SHARES, 1]) {
    const suffix = share === 1 ? '' : `@${share}`;
    const floor = of('real', `floor${suffix}`);
    const rec = of('real', `recommended${suffix}`);
    const files = rec[0]!.files;
    const per = (xs: number[]) => `${(median(xs) / files).toFixed(2)} ms`;
    const added = (pick: (s: Sample) => number) => rec.map((s, i) => (pick(s) - pick(floor[i]!)) / files);
    console.log(
      `| ${share * 100}% | ${files} | ${per(floor.map((s) => s.wallMs))} | ${per(rec.map((s) => s.wallMs))} | ${per(rec.map((s) => s.cpuMs))} | ` +
        `${median(rec.map((s) => s.rssMb)).toFixed(0)} MB | ${median(added((s) => s.wallMs)).toFixed(2)} ms | ${(1024 * median(added((s) => s.rssMb))).toFixed(0)} KB |`,
    );
  }
}
