// `npm run corpus [-- --apps a,b --modes untyped,typed --checkout whole,package --quiet]`: scores the rules on
// the labelled corpus and prints the tables, then every false positive and false negative.
import { parseArgs } from 'node:util';
import { formatScore, scoreCorpus, type Checkout, type Mode } from './score.js';

const { values } = parseArgs({
  options: {
    apps: { type: 'string' },
    modes: { type: 'string', default: 'untyped,typed' },
    checkout: { type: 'string', default: 'whole,package' },
    quiet: { type: 'boolean', default: false },
  },
});
const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);
const score = await scoreCorpus({
  ...(values.apps ? { apps: list(values.apps) } : {}),
  modes: list(values.modes) as Mode[],
  checkout: list(values.checkout) as Checkout[],
  onRun: (run) =>
    console.error(
      `${run.app} ${run.checkout} ${run.mode}: ${run.files} files in ${(run.ms / 1000).toFixed(1)} s, ` +
        `${run.tp.length} TP ${run.fp.length} FP ${run.fn.length} FN`,
    ),
});
console.log(formatScore(score, { sites: !values.quiet }));
