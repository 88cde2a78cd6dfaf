import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

// What codemod outputs must pass: strict, and no import or local left unused by a rewrite.
export const STRICT_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUnusedLocals: true, noEmit: true, skipLibCheck: true, types: ['node'] },
};

/**
 * An empty ESM project under `.cache/<name>` inside the repository (so that imports resolve from its
 * node_modules), with a strict tsconfig, for a codemod's fixture pairs to run in together.
 */
export function scratchProject(name: string, dependencies: Record<string, string> = {}): string {
  const dir = path.join(ROOT, '.cache', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(STRICT_TSCONFIG));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', dependencies }));
  return dir;
}

/** The compiler's complaints about the project in `dir`, or `''` when it type-checks. */
export function typeCheck(dir: string): string {
  try {
    execFileSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}
