import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Measurement } from './measure.js';

/**
 * Measurements on disk, one small JSON file per key under `node_modules/.cache/eslint-plugin-hotpath/`, so
 * that editors, pre-commit hooks and CI share them. A file is written to a temporary name and renamed
 * (atomic on POSIX), so several ESLint processes at once never leave a half-written one; two processes that
 * measure the same key write the same content. A file that does not parse or holds another key (a hash
 * collision, a foreign file) is a miss, and the next measurement replaces it.
 */
const FORMAT = 1;

interface CacheFile {
  format: number;
  key: string;
  measurement: Measurement;
}

export function cacheDirectory(cwd: string): string {
  return path.join(cwd, 'node_modules', '.cache', 'eslint-plugin-hotpath', 'bundle-sizes');
}

export function cacheFile(directory: string, key: string): string {
  return path.join(directory, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

export function readCache(file: string, key: string): Measurement | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (data.format !== FORMAT || data.key !== key || !isMeasurement(data.measurement)) return undefined;
    return data.measurement;
  } catch {
    return undefined;
  }
}

export function writeCache(file: string, key: string, measurement: Measurement): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const data: CacheFile = { format: FORMAT, key, measurement };
  writeFileAtomic.sync(file, `${JSON.stringify(data)}\n`);
}

function isMeasurement(value: unknown): value is Measurement {
  if (!value || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  return typeof m.error === 'string' || (Number.isInteger(m.bytes) && Number.isInteger(m.gzip));
}
