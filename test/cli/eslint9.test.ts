import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The oldest ESLint that the peer range `^9 || ^10` allows.
const OLDEST = '9.0.0';
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const N_PLUS_ONE = `import { drizzle } from "drizzle-orm/node-postgres";

const db = drizzle(process.env.DATABASE_URL);

export async function seed(ids, store) {
  for (const id of ids) await db.select().from("users").where(id);
  for (const id of ids) await store.select().from("users").where(id);
}
`;

/**
 * `hotpath scan` from the packed tarball, installed beside ESLint 9.0.0 in one `npm install`: it passes
 * ESLint only the options that version knows (multithread linting came in 9.34), reads the user's config,
 * and a flag the installed ESLint cannot serve is a usage error, exit 2.
 */
describe(`hotpath scan on ESLint ${OLDEST}`, { timeout: 300_000 }, () => {
  const packDir = mkdtempSync(path.join(tmpdir(), 'hotpath-pack-'));
  npm(['pack', '--pack-destination', packDir], ROOT);
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
  const project = mkdtempSync(path.join(tmpdir(), 'hotpath-eslint-oldest-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  npm(['install', tarball, `eslint@${OLDEST}`], project);
  mkdirSync(path.join(project, 'src'));
  writeFileSync(path.join(project, 'src/seed.js'), N_PLUS_ONE);
  const bin = path.join(project, 'node_modules/eslint-plugin-hotpath/dist/src/cli/bin.js');
  const scan = (...args: string[]) => spawnSync(process.execPath, [bin, 'scan', ...args], { cwd: project, encoding: 'utf8' });
  const lines = (stdout: string) => (JSON.parse(stdout) as { findings: Array<{ line: number }> }).findings.map((f) => f.line);

  it('is the ESLint installed', () => {
    const pkg = JSON.parse(readFileSync(path.join(project, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(OLDEST);
  });

  it('scans: findings and exit 1, not a crash', () => {
    const result = scan('--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(lines(result.stdout)).toEqual([6]);
  });

  it('reads settings.hotpath from eslint.config.js', () => {
    writeFileSync(path.join(project, 'eslint.config.js'), 'export default [{ settings: { hotpath: { drizzle: { names: ["store"] } } } }];\n');
    expect(lines(scan('--format', 'json').stdout)).toEqual([6, 7]);
    expect(lines(scan('--format', 'json', '--no-config-lookup').stdout)).toEqual([6]);
  });

  it('--concurrency, which needs ESLint 9.34, is a usage error: one line, exit 2', () => {
    const result = scan('--concurrency', '2');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`hotpath: --concurrency needs ESLint 9.34 or newer (this is ESLint ${OLDEST})\n`);
  });
});
