import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readText, statOf } from '../recognizers/disk.js';
import { esbuildVersion, findInstalledPackage, packageName, type ImportEntry, type Measurement } from './measure.js';
import { cacheDirectory, cacheFile, readCache } from './size-cache.js';

/** A measurement, or `pending` when the cold measurement did not finish within the time box. */
export type Cost = Measurement | { pending: true };

// Built code runs the worker beside it; the test suite runs sources, and so the worker that the build made.
const here = fileURLToPath(import.meta.url);
const WORKER = here.endsWith('.ts')
  ? path.resolve(path.dirname(here), '../../dist/src/bundle/measure-worker.js')
  : path.join(path.dirname(here), 'measure-worker.js');

/** Whatever the time box, a measurement never holds the linter longer than this. */
const HARD_LIMIT_MS = 120_000;

// By cache file: a path per project and key.
const memory = new Map<string, Measurement>();
const inFlight = new Set<string>();

/** One question for `importCosts`: what `entries`, imported together from `fromFile`, add to a bundle. */
export interface CostRequest {
  entries: readonly ImportEntry[];
  fromFile: string;
  cwd: string;
}

interface Job {
  entries: readonly ImportEntry[];
  resolveDir: string;
  peers: string[];
  file: string;
  key: string;
}

// Jobs per detached worker: its one argument stays far below Linux's 128 KiB limit for an argument.
const JOBS_PER_ARGUMENT = 50;

/**
 * What `entries` add to a browser bundle, from the memory of this process, the disk cache, or a cold
 * measurement by esbuild in a child process. A cold measurement waits at most `timeoutMs` (`Infinity` for
 * no time box); past it the import is `pending` for this run, and the child still fills the cache for the
 * next one. Returns null when a package is not installed where `fromFile` would resolve it.
 */
export function importCost(entries: readonly ImportEntry[], fromFile: string, cwd: string, timeoutMs: number): Cost | null {
  return importCosts([{ entries, fromFile, cwd }], timeoutMs)[0]!;
}

/**
 * `importCost` for several requests at once: the cold ones are measured in parallel, in one child process,
 * and share one time box. Without a time box (`Infinity`, a command-line run) it returns when all are
 * measured, so that a cold run reports what a warm one does.
 */
export function importCosts(requests: readonly CostRequest[], timeoutMs: number): Array<Cost | null> {
  const lookups = requests.map(lookup);
  const cold = new Map<string, Job>();
  for (const found of lookups) if (found && 'job' in found) cold.set(found.job.key, found.job);
  if (timeoutMs === Infinity) {
    if (cold.size > 0) spawnSync(process.execPath, [WORKER], { input: JSON.stringify([...cold.values()]), stdio: ['pipe', 'ignore', 'ignore'], timeout: HARD_LIMIT_MS });
  } else {
    const start = [...cold.values()].filter((job) => !inFlight.has(job.key));
    for (let i = 0; i < start.length; i += JOBS_PER_ARGUMENT) {
      const chunk = start.slice(i, i + JOBS_PER_ARGUMENT);
      for (const job of chunk) inFlight.add(job.key);
      spawn(process.execPath, [WORKER, JSON.stringify(chunk)], { stdio: 'ignore', detached: true }).unref();
    }
  }
  const deadline = Date.now() + Math.min(timeoutMs, HARD_LIMIT_MS);
  return lookups.map((found) => {
    if (!found || !('job' in found)) return found ? found.hit : null;
    const { file, key } = found.job;
    const measured = timeoutMs === Infinity ? readCache(file, key) : waitFor(file, key, deadline);
    if (!measured) return { pending: true };
    inFlight.delete(key);
    memory.set(file, measured);
    return measured;
  });
}

/** A measurement known already (memory, then disk), or the job that would measure it; null when not installed. */
function lookup({ entries, fromFile, cwd }: CostRequest): { hit: Measurement } | { job: Job } | null {
  const resolveDir = path.dirname(fromFile);
  const packages = [];
  for (const name of new Set(entries.map((e) => packageName(e.specifier)))) {
    const found = findInstalledPackage(name, resolveDir);
    if (!found) return null;
    packages.push(found);
  }
  const peers = [...new Set(packages.flatMap((p) => p.peers))].sort();
  const key = JSON.stringify({
    esbuild: esbuildVersion,
    packages: packages.map((p) => `${p.name}@${p.version}`).sort(),
    entries: entries.map((e) => [e.specifier, [...e.names].sort()]),
    peers,
  });
  const file = cacheFile(cacheDirectory(cwd), key);
  const remembered = memory.get(file);
  if (remembered) return { hit: remembered };
  const cached = readCache(file, key);
  if (cached) {
    memory.set(file, cached);
    return { hit: cached };
  }
  return { job: { entries, resolveDir: existingDirectory(resolveDir), peers, file, key } };
}

// A file not saved yet may sit in a folder that does not exist either; esbuild resolves from a real one.
function existingDirectory(dir: string): string {
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

// ESLint rules are synchronous: poll the cache file, sleeping between looks.
function waitFor(file: string, key: string, deadline: number): Measurement | undefined {
  for (;;) {
    const found = readCache(file, key);
    if (found || Date.now() >= deadline) return found;
    Atomics.wait(sleeper, 0, 0, Math.min(10, Math.max(1, deadline - Date.now())));
  }
}

const JSON_LIMIT_BYTES = 50_000_000;
const jsonCosts = new Map<string, { mtimeMs: number; cost: Measurement | null }>();

/**
 * What a JSON file of the project adds to a client bundle: bundlers inline it as an object literal, so its
 * minified text, gzipped. Null when it cannot be read or parsed (the bundler will say so, not this rule).
 */
export function jsonFileCost(file: string): Measurement | null {
  const mtimeMs = statOf(file)?.mtimeMs;
  if (mtimeMs === undefined) return null;
  const cached = jsonCosts.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.cost;
  let cost: Measurement | null = null;
  const text = readText(file, JSON_LIMIT_BYTES);
  try {
    const minified = text === null ? null : Buffer.from(JSON.stringify(JSON.parse(text)));
    if (minified) cost = { bytes: minified.length, gzip: gzipSync(minified).length };
  } catch {
    cost = null;
  }
  jsonCosts.set(file, { mtimeMs, cost });
  return cost;
}
