import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** The packed tarball, installed the way users install it, must load in a flat config on ESLint 9 and 10. */
describe('the published package', () => {
  const packDir = mkdtempSync(path.join(tmpdir(), 'hotpath-pack-'));
  npm(['pack', '--pack-destination', packDir], ROOT);
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);

  it('ships only dist/, docs/, README and LICENSE', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const top = new Set(listing.map((f) => f.replace(/^package\//, '').split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'dist', 'docs', 'package.json']);
    expect(listing.some((f) => f.endsWith('.test.js'))).toBe(false);
  });

  it.for(['9', '10'])('loads in a flat config on ESLint %s, untyped and typed', { timeout: 300_000 }, (major) => {
    const project = mkdtempSync(path.join(tmpdir(), `hotpath-eslint${major}-`));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    npm(['install', tarball, `eslint@${major}`, 'typescript@~5.9'], project);
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['*.ts'] }));
    // A database the rules know only by name, so the scratch project needs no Drizzle install.
    writeFileSync(
      path.join(project, 'feed.ts'),
      'declare const db: any;\nexport async function load(ids: number[]) {\n  for (const id of ids) await db.select().from("users").where(id);\n}\n',
    );
    const settings = '{ settings: { hotpath: { drizzle: { names: ["db"] } } } }';
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      `import hotpath from "eslint-plugin-hotpath";\nexport default [hotpath.configs.recommended, ${settings}];\n`,
    );
    writeFileSync(
      path.join(project, 'eslint.typed.config.js'),
      [
        'import hotpath from "eslint-plugin-hotpath";',
        'export default [',
        '  hotpath.configs["recommended-type-checked"],',
        '  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },',
        `  ${settings},`,
        '];',
      ].join('\n'),
    );
    const eslint = path.join(project, 'node_modules/eslint/bin/eslint.js');
    const run = (config: string) =>
      JSON.parse(
        spawnSync(process.execPath, [eslint, '-c', config, '--format', 'json', 'feed.ts'], { cwd: project, encoding: 'utf8' })
          .stdout,
      ) as Array<{ messages: Array<{ ruleId: string | null; line: number }> }>;
    for (const config of ['eslint.config.js', 'eslint.typed.config.js']) {
      const [result] = run(config);
      expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 hotpath/no-n-plus-one']);
    }
    const printed = JSON.parse(
      execFileSync(process.execPath, [eslint, '--print-config', 'feed.ts'], { cwd: project, encoding: 'utf8' }),
    ) as { plugins: string[] };
    expect(printed.plugins.some((p) => p.startsWith('hotpath:eslint-plugin-hotpath@'))).toBe(true);
  });
});
