// npm run bench:dataloader: the fixture's 100-post feed (`post.latest`, each author loaded on its own) before
// and after `hotpath codemod dataloader`, one request at a time through a tRPC caller, on PGlite. Interleaved
// rounds (before, after, before, …); medians with their spread, and the before/after ratio per round.
// PGlite runs in this process: no network, so each saved round trip costs far less here than on a
// Postgres server across a network, where the ratio grows with the latency.
import { performance } from 'node:perf_hooks';
import { loadProof } from './dataloader-proof.js';
import { median, spread } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PER_ROUND = 5;
const proof = await loadProof();
const input = { limit: 100 };

async function time(app: typeof proof.before): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < PER_ROUND; i++) await app.call('post.latest', input);
  return (performance.now() - start) / PER_ROUND;
}

for (let i = 0; i < 3; i++) await Promise.all([proof.before.call('post.latest', input), proof.after.call('post.latest', input)]);
const before: number[] = [];
const after: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  before.push(await time(proof.before));
  after.push(await time(proof.after));
}
const queries = [(await proof.before.call('post.latest', input)).queries, (await proof.after.call('post.latest', input)).queries];
const ratios = before.map((t, i) => t / after[i]!);
console.log(`\ndataloader on PGlite: post.latest, 100 posts with their authors, ${ROUNDS} interleaved rounds of ${PER_ROUND} requests.\n`);
console.log('| | queries per request | latency per request |');
console.log('|---|---|---|');
console.log(`| before (N+1) | ${queries[0]} | ${median(before).toFixed(2)} ms (${spread(before)}) |`);
console.log(`| after (DataLoader) | ${queries[1]} | ${median(after).toFixed(2)} ms (${spread(after)}) |`);
console.log(`\nbefore / after: ${median(ratios).toFixed(1)}× (${spread(ratios)})`);
await proof.close();
