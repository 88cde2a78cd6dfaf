import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScore, scoreCorpus, SCORED_RULES, type Score } from './score.js';

// The fast part of `npm run corpus`: untyped, whole-app checkouts. The bars are the measured figures rounded
// down, so that this test documents where the rules stand and fails when a change loses ground; raise them
// as recall improves (typed and single-package figures are in the doc pages and in `npm run corpus`). A rule
// without a recall bar (require-index: its labels are the sites it reports, read against the schema) is barred
// on precision only.
type Bars = Record<'untyped', Record<'whole', Record<(typeof SCORED_RULES)[number], { precision: number; recall?: number }>>>;
const bars = JSON.parse(readFileSync(path.join(import.meta.dirname, 'bars.json'), 'utf8')) as Bars;

describe('the labelled corpus of real apps (untyped, whole-app checkouts)', () => {
  let score: Score;

  it('lints every app without a parsing failure', { timeout: 900_000 }, async () => {
    score = await scoreCorpus({ modes: ['untyped'], checkout: 'whole' });
    console.log(formatScore(score, { sites: false }));
    for (const run of score.runs) expect(run.fatal, `${run.app}: files ESLint could not parse`).toEqual([]);
    expect(score.runs.length).toBeGreaterThanOrEqual(6);
  });

  it.for(SCORED_RULES)('%s stays at or above its precision and recall bars', (rule) => {
    const cell = score.cells.find((c) => c.rule === rule && c.mode === 'untyped' && c.checkout === 'whole')!;
    const bar = bars.untyped.whole[rule];
    expect(cell.tp + cell.fn, 'labelled sites').toBeGreaterThan(0);
    expect(cell.precision, `precision of ${rule}: ${cell.tp} TP, ${cell.fp} FP`).toBeGreaterThanOrEqual(bar.precision);
    if (bar.recall !== undefined) expect(cell.recall, `recall of ${rule}: ${cell.tp} TP, ${cell.fn} FN`).toBeGreaterThanOrEqual(bar.recall);
  });
});
