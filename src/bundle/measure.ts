import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, buildSync, version as esbuildVersion, type BuildOptions, type BuildResult } from 'esbuild';
import { readJsonObject } from '../recognizers/disk.js';

export { esbuildVersion };

/** What one import takes from a package: `default`, named exports, `*` (a namespace), or nothing (side effects). */
export interface ImportEntry {
  /** The import specifier as written: `lodash`, `lodash/debounce`, `@scope/pkg/sub`. */
  specifier: string;
  /** Imported names; `*` for `import * as ns`; empty for `import "pkg"`. */
  names: string[];
}

export type Measurement = { bytes: number; gzip: number } | { error: string };

/**
 * Bundles exactly what `entries` import, for the browser, as a production build would: ESM, minified,
 * tree-shaken, `process.env.NODE_ENV` = "production", resolved from `resolveDir` (the user's installed
 * versions). Peer dependencies of the measured packages are left out: the app ships them anyway (React).
 * Returns the minified and gzipped sizes in bytes, or the reason esbuild cannot bundle it for a browser.
 */
export function measure(entries: readonly ImportEntry[], resolveDir: string, peers: readonly string[]): Measurement {
  try {
    return sizes(buildSync(buildOptions(entries, resolveDir, peers)));
  } catch (error) {
    return failure(error);
  }
}

/**
 * `measure`, in esbuild's service: several of these at once bundle in parallel (esbuild builds on all
 * cores), which is how a cold command-line run measures a file's imports together.
 */
export async function measureAsync(entries: readonly ImportEntry[], resolveDir: string, peers: readonly string[]): Promise<Measurement> {
  try {
    return sizes(await build(buildOptions(entries, resolveDir, peers)));
  } catch (error) {
    return failure(error);
  }
}

function buildOptions(entries: readonly ImportEntry[], resolveDir: string, peers: readonly string[]): BuildOptions & { write: false } {
  return {
    stdin: { contents: entries.map((entry, i) => entryCode(entry, i)).join('\n'), resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: [...peers, ...peers.map((p) => `${p}/*`)],
    write: false,
    logLevel: 'silent',
    absWorkingDir: resolveDir,
    outfile: path.join(resolveDir, 'hotpath-measure.js'),
  };
}

function sizes(result: BuildResult<{ write: false }>): Measurement {
  const output = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents;
  return { bytes: output.length, gzip: gzipSync(output).length };
}

function failure(error: unknown): Measurement {
  const errors = (error as { errors?: Array<{ text: string }> }).errors;
  return { error: errors?.[0]?.text ?? String(error) };
}

// Each entry re-exports what it takes, under a unique alias, so that tree-shaking keeps exactly that.
function entryCode({ specifier, names }: ImportEntry, i: number): string {
  const from = JSON.stringify(specifier);
  if (names.length === 0) return `import ${from};`;
  if (names.includes('*')) return `export * as __ns${i} from ${from};`;
  const name = (n: string) => (/^[A-Za-z_$][\w$]*$/.test(n) ? n : JSON.stringify(n));
  return `export { ${names.map((n, j) => `${name(n)} as __${i}_${j}`).join(', ')} } from ${from};`;
}

/** `@scope/pkg/sub` → `@scope/pkg`; `pkg/sub` → `pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export interface InstalledPackage {
  name: string;
  version: string;
  peers: string[];
}

const installed = new Map<string, InstalledPackage | null>();

/**
 * The package as installed where `fromDir` resolves it (walking up `node_modules` folders), or null. Each
 * folder on the way keeps its answer: the files of one app ask from many folders, which share their parents.
 */
export function findInstalledPackage(name: string, fromDir: string): InstalledPackage | null {
  const key = `${fromDir}\0${name}`;
  const known = installed.get(key);
  if (known !== undefined) return known;
  const json = readJsonObject(path.join(fromDir, 'node_modules', name, 'package.json'));
  const parent = path.dirname(fromDir);
  const found = json
    ? { name, version: typeof json.version === 'string' ? json.version : '0.0.0', peers: Object.keys(asRecord(json.peerDependencies)) }
    : parent === fromDir
      ? null
      : findInstalledPackage(name, parent);
  installed.set(key, found);
  return found;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
