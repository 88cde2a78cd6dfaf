import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * An environment in which every bundle-measuring child process (`measure-worker.js`) first sleeps `delayMs`
 * and logs its start: a cold measurement that surely overruns an editor's time box, on any machine, and a
 * count of the child processes. Through `NODE_OPTIONS`, since the rule starts its children with the
 * linting process's environment; `CI` is removed, as it would lift the time box.
 */
export function slowMeasurements(delayMs: number): { env: NodeJS.ProcessEnv; workers(): number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-slow-'));
  const hook = path.join(dir, 'slow.cjs');
  const log = path.join(dir, 'workers.log');
  writeFileSync(log, '');
  writeFileSync(
    hook,
    `if (/measure-worker\\.js$/.test(process.argv[1] || '')) {\n` +
      `  require('node:fs').appendFileSync(${JSON.stringify(log)}, 'started\\n');\n` +
      `  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${delayMs});\n` +
      `}\n`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${hook}`, NODE_NO_WARNINGS: '1' };
  delete env.CI;
  return { env, workers: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
}
