import { UsageError } from '../usage-error.js';

/** `--concurrency 4`, `auto` or `off`, as ESLint's `concurrency` option takes it. */
export function parseConcurrency(value: string): 'off' | 'auto' | number {
  if (value === 'off' || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency must be a positive integer, auto or off (got "${value}")`);
  return n;
}

/** `--shard 2/4`: the second of four shards. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, like 2/4 (got "${value}")`);
  }
  return { index, count };
}

/** `--max-warnings 10`: a count of warnings, as ESLint's flag takes it. */
export function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings must be a whole number, like 0 or 10 (got "${value}")`);
  return n;
}

/** `--rule a --rule b,c`: each use adds to the list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Whether the pretty output is coloured: `--color`/`--no-color` first, then `FORCE_COLOR` (`0` and `false`
 * turn colours off, as in Node and chalk), then `NO_COLOR` (when not empty, per no-color.org), then whether
 * the report goes to a terminal.
 */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, terminal: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return terminal;
}
