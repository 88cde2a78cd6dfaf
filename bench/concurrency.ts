// npm run bench:concurrency: `hotpath scan` of the bench app (16 copies of the fixture app) with ESLint's
// worker threads (`--concurrency auto`) against one thread (`off`), untyped and typed, each scan a fresh
// process, interleaved over rounds. Medians with their spread and the speed-up per round.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { APP, buildApp } from './bench-app.js';
import { median, spread } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUNS = [
  ['untyped, off', ['--no-types', '--concurrency', 'off']],
  ['untyped, auto', ['--no-types', '--concurrency', 'auto']],
  ['typed, off', ['--concurrency', 'off']],
  ['typed, auto', ['--concurrency', 'auto']],
] as const;

function scanOnce(args: readonly string[]): { ms: number; findings: number } {
  const start = performance.now();
  const out = execFileSync(process.execPath, [path.join(ROOT, 'dist/src/cli/bin.js'), 'scan', '--format', 'json', '--exit-zero', ...args], {
    cwd: APP,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  return { ms: performance.now() - start, findings: (JSON.parse(out) as { findings: unknown[] }).findings.length };
}

buildApp();
const samples: Record<string, number[]> = Object.fromEntries(RUNS.map(([name]) => [name, []]));
const findings: Record<string, number> = {};
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, args] of RUNS) {
    const { ms, findings: n } = scanOnce(args);
    samples[name]!.push(ms);
    findings[name] = n;
  }
  process.stderr.write(`round ${round}/${ROUNDS} done\n`);
}
console.log(`\nhotpath scan of ${APP} on ${cpus().length} cores, ${ROUNDS} interleaved rounds, fresh process each.\n`);
console.log('| run | median | findings | speed-up over off |');
console.log('|---|---|---|---|');
for (const [name] of RUNS) {
  const off = samples[name.replace('auto', 'off')]!;
  const speedups = samples[name]!.map((ms, i) => off[i]! / ms);
  console.log(`| ${name} | ${(median(samples[name]!) / 1000).toFixed(2)} s (${spread(samples[name]!)}) | ${findings[name]} | ${median(speedups).toFixed(2)}× (${spread(speedups)}) |`);
}
