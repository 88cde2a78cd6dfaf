import { UsageError } from './usage-error.js';

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
