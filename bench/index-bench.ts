// npm run bench:index: each query of the fixture app that require-index reports, called as the app calls it on
// PGlite with 100,000 rows a table (200,000 posts and notifications), against the schema as it is and against
// the schema after `hotpath codemod add-index`. Interleaved rounds (the side that goes first alternates);
// medians with their spread, the ratio, and the plan's access path on each side.
import { CASES, loadProof, ROWS } from './index-proof.js';
import { median, spread } from './stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const proof = await loadProof(ROWS);
const samples = new Map(CASES.map((c) => [c.name, { before: [] as number[], after: [] as number[] }]));
// Warm the caches and the plans, and check that both sides return the same rows.
for (const c of CASES) {
  const [a, b] = [await proof.call(proof.before, c), await proof.call(proof.after, c)];
  // Lookups without an order (the JSONB and join ones) are compared as sets; the rest as they come.
  const same = (x: unknown) => JSON.stringify(Array.isArray(x) ? x.map((r) => JSON.stringify(r)).sort() : x);
  if (same(a.result) !== same(b.result)) throw new Error(`${c.name}: the rows differ before and after`);
}
for (let round = 0; round < ROUNDS; round++) {
  for (const c of CASES) {
    const sides = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const side of sides) samples.get(c.name)![side].push((await proof.call(proof[side], c)).ms);
  }
}
// The first line of the plan that reads the table: how each side gets at the rows.
const access = (plan: string[], table: string) =>
  (plan.find((l) => l.includes(` on ${table}`) && /Scan/.test(l)) ?? plan[0] ?? '').trim().replace(/\s*\(actual.*$/, '').replace(/^->\s*/, '');

console.log(`\nrequire-index / add-index on PGlite, ${ROWS.toLocaleString('en')} rows a table, ${ROUNDS} interleaved rounds.\n`);
console.log('| query | before | after | before / after | access before | access after |');
console.log('|---|---:|---:|---:|---|---|');
for (const c of CASES) {
  const { before, after } = samples.get(c.name)!;
  const ratio = median(before.map((t, i) => t / after[i]!));
  const plans = [await proof.explain(proof.before, c), await proof.explain(proof.after, c)];
  console.log(
    `| ${c.name} | ${median(before).toFixed(1)} ms ${spread(before)} | ${median(after).toFixed(1)} ms ${spread(after)} | ${ratio.toFixed(1)}× | ${access(plans[0]!, c.table)} | ${access(plans[1]!, c.table)} |`,
  );
}
console.log(`\nIndexes pushed after the codemod:\n${proof.pushed.map((s) => `  ${s}`).join('\n')}`);
await proof.close();
