// npm run bench:bundle: what client-bundle-budget costs per import. Cold: a package measured by esbuild in a
// child process (cache emptied), against the floor of starting an empty Node.js child process in the same
// round. Warm: a lookup from the disk cache (as a fresh ESLint process does) and from memory. Rounds are
// interleaved; medians with their spread.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCost } from '../src/bundle/import-cost.js';
import type { ImportEntry } from '../src/bundle/measure.js';
import { cacheDirectory, cacheFile, readCache } from '../src/bundle/size-cache.js';
import { median, spread } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CWD = path.join(ROOT, '.cache/bench-bundle/warm');
const FROM = path.join(ROOT, 'fixtures/socialhub/apps/web/src/app/feed/timeline.tsx');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PACKAGES: ImportEntry[] = [
  { specifier: 'moment', names: ['default'] },
  { specifier: 'lodash', names: ['default'] },
  { specifier: 'date-fns', names: ['format', 'formatDistanceToNow'] },
  { specifier: '@tanstack/react-query', names: ['useQuery', 'QueryClientProvider'] },
  { specifier: 'zod', names: ['z'] },
];

const time = (run: () => unknown) => {
  const start = performance.now();
  run();
  return performance.now() - start;
};

rmSync(path.join(ROOT, '.cache/bench-bundle'), { recursive: true, force: true });
const COLD = path.join(ROOT, '.cache/bench-bundle/cold');
const floor: number[] = [];
const cold: Record<string, number[]> = {};
for (let round = 1; round <= ROUNDS; round++) {
  for (const entry of PACKAGES) {
    floor.push(time(() => spawnSync(process.execPath, ['-e', '0'])));
    // A project folder of its own per measurement: nothing cached, on disk or in memory.
    const cwd = path.join(COLD, `${round}-${PACKAGES.indexOf(entry)}`);
    (cold[entry.specifier] ??= []).push(time(() => importCost([entry], FROM, cwd, Infinity)));
  }
  process.stderr.write(`round ${round}/${ROUNDS}\n`);
}

// Warm from disk: the cache files of every package, read as a new process would (no memory of them).
for (const entry of PACKAGES) importCost([entry], FROM, CWD, Infinity);
const keys = readKeys();
const DISK_LOOKUPS = 2000;
const disk = Array.from({ length: ROUNDS }, () =>
  time(() => {
    for (let i = 0; i < DISK_LOOKUPS; i++) {
      const key = keys[i % keys.length]!;
      readCache(cacheFile(cacheDirectory(CWD), key), key);
    }
  }) / DISK_LOOKUPS,
);
const MEMORY_LOOKUPS = 20_000;
const memory = Array.from({ length: ROUNDS }, () =>
  time(() => {
    for (let i = 0; i < MEMORY_LOOKUPS; i++) importCost([PACKAGES[i % PACKAGES.length]!], FROM, CWD, Infinity);
  }) / MEMORY_LOOKUPS,
);

console.log(`\nclient-bundle-budget, ${ROUNDS} interleaved rounds.\n`);
console.log(`Floor: an empty Node.js child process, ${median(floor).toFixed(0)} ms (${spread(floor)}).\n`);
console.log('| cold measurement | median | spread | vs floor |');
console.log('|---|---|---|---|');
for (const entry of PACKAGES) {
  const runs = cold[entry.specifier]!;
  const ratios = runs.map((ms, i) => ms / floor[i * PACKAGES.length + PACKAGES.indexOf(entry)]!);
  console.log(`| ${entry.specifier} { ${entry.names.join(', ')} } | ${median(runs).toFixed(0)} ms | ${spread(runs)} | ${median(ratios).toFixed(1)}× |`);
}
console.log(`\nWarm, per import: from the disk cache ${(1000 * median(disk)).toFixed(1)} µs (${spread(disk)}), from memory ${(1000 * median(memory)).toFixed(2)} µs (${spread(memory)}).`);

/** The keys of the cache files importCost wrote: each file holds its own. */
function readKeys(): string[] {
  const directory = cacheDirectory(CWD);
  return readdirSync(directory).map((f) => (JSON.parse(readFileSync(path.join(directory, f), 'utf8')) as { key: string }).key);
}
