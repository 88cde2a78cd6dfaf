// npm run bench:pagination: page 1 and page 500 of the fixture's timeline (20 posts a page) by offset and by
// cursor, through a tRPC caller on PGlite with the index the schema declares, 10,000 posts. Interleaved
// rounds; medians with their spread, and the offset/cursor ratio per page.
import { performance } from 'node:perf_hooks';
import { loadProof } from './cursor-proof.js';
import { median, spread } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const proof = await loadProof();
const truth = await proof.allIds('timeline');
// The cursor of page 500 is the last row of page 499, as the client would hold it.
const before500 = await proof.cursorPageAfter("timeline", truth[499 * 20 - 1]!);

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const runs = {
  'offset page 1': () => proof.offsetPage('timeline', 1),
  'cursor page 1': () => proof.cursorPage('timeline', null),
  'offset page 500': () => proof.offsetPage('timeline', 500),
  'cursor page 500': () => proof.cursorPage('timeline', before500),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (const run of Object.values(runs)) await run(); // warm the caches and the plans
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(runs)) samples[name]!.push(await time(run));
}
const check = await proof.cursorPage('timeline', before500);
if (check.items.join() !== truth.slice(499 * 20, 500 * 20).join()) throw new Error('page 500 by cursor is not page 500');

console.log(`\ncursor-pagination on PGlite, 10,000 posts, 20 a page, ${ROUNDS} interleaved rounds.\n`);
console.log('| page | offset | cursor | offset / cursor |');
console.log('|---|---|---|---|');
for (const page of [1, 500]) {
  const a = samples[`offset page ${page}`]!;
  const b = samples[`cursor page ${page}`]!;
  const ratios = a.map((t, i) => t / b[i]!);
  console.log(`| ${page} | ${median(a).toFixed(2)} ms (${spread(a)}) | ${median(b).toFixed(2)} ms (${spread(b)}) | ${median(ratios).toFixed(1)}× (${spread(ratios)}) |`);
}
await proof.close();
