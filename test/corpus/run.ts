// `npm run corpus [-- --apps a,b --modes untyped,typed --checkout whole,package --quiet]`: scores the rules on
// the labelled corpus and prints the tables, then every false positive and false negative.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { formatScore, listApps, scoreApp, summarize, type Checkout, type Mode, type RunResult } from './score.js';

const { values } = parseArgs({
  options: {
    apps: { type: 'string' },
    modes: { type: 'string', default: 'untyped,typed' },
    checkout: { type: 'string', default: 'whole,package' },
    quiet: { type: 'boolean', default: false },
    // Internal: score one app × mode × checkout and print the run as JSON.
    one: { type: 'string' },
  },
});

if (values.one) {
  const [app, mode, checkout] = values.one.split(':') as [string, Mode, Checkout];
  process.stdout.write(JSON.stringify(await scoreApp(app, mode, checkout)));
} else {
  const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  const runs: RunResult[] = [];
  for (const app of values.apps ? list(values.apps) : listApps()) {
    for (const checkout of list(values.checkout) as Checkout[]) {
      for (const mode of list(values.modes) as Mode[]) {
        // One process per run: a typed run keeps every TypeScript program of the app in memory, and seven
        // apps' worth in one process overflow Node's default heap.
        const output = execFileSync(
          process.execPath,
          ['--max-old-space-size=8192', import.meta.filename, '--one', `${app}:${mode}:${checkout}`],
          { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const run = JSON.parse(output) as RunResult;
        runs.push(run);
        console.error(
          `${run.app} ${run.checkout} ${run.mode}: ${run.files} files in ${(run.ms / 1000).toFixed(1)} s, ` +
            `${run.tp.length} TP ${run.fp.length} FP ${run.fn.length} FN`,
        );
      }
    }
  }
  console.log(formatScore(summarize(runs), { sites: !values.quiet }));
}
