import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { UsageError } from '../usage-error.js';
import { ALWAYS_IGNORED } from '../knowledge/ignored-paths.js';

const SOURCE = /\.[cm]?[jt]sx?$/;

/** The JavaScript and TypeScript files under `paths` (files or folders), absolute and sorted; each path must hold one. */
export async function listSourceFiles(cwd: string, paths: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    if (!existsSync(absolute)) throw new UsageError(`no such file or directory: ${p}`);
    const found = SOURCE.test(absolute)
      ? [absolute]
      : await glob('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}', { cwd: absolute, absolute: true, ignore: ALWAYS_IGNORED });
    // ESLint's CLI stops here too: a typo in a path must not pass as a clean result.
    if (found.length === 0) throw new UsageError(`no JavaScript or TypeScript files in ${p}`);
    for (const file of found) files.add(path.normalize(file));
  }
  return [...files].sort();
}
