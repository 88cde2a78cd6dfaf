import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const TRANSFORMS = path.join(ROOT, 'test/fixtures/codemods');

const SOURCE = `import { getUser } from "./users";

export async function profile(id: number) {
  const user = await getUser(id);
  return user;
}

export const loaders = [getUser];
`;

let repo: string;
const file = () => path.join(repo, 'src/profile.ts');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'codemod', ...args], { cwd: repo, encoding: 'utf8' });
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hotpath-codemod-'));
  git('init', '-q');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  execFileSync('mkdir', ['-p', path.join(repo, 'src')]);
  writeFileSync(file(), SOURCE);
  writeFileSync(path.join(repo, 'src/users.ts'), 'export async function getUser(id: number) {\n  return { id };\n}\n');
  git('add', '.');
  git('commit', '-qm', 'initial');
});

describe('hotpath codemod', () => {
  it('lists codemods and rejects an unknown name with one line and exit code 2', () => {
    expect(run('--list').status).toBe(0);
    const unknown = run('no-such-codemod', 'src');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/unknown codemod "no-such-codemod"/);
  });

  it('checks codemod options: an unknown value or an option the codemod lacks is a usage error', () => {
    const bad = run('dataloader', 'src', '--strategy', 'batch-everything');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('hotpath: --strategy must be one of auto, context, inline (got "batch-everything")');
    const other = run('cursor-pagination', 'src', '--strategy', 'inline');
    expect(other.status).toBe(2);
    expect(other.stderr.trim()).toBe('hotpath: the cursor-pagination codemod has no --strategy option');
    const flag = run('dataloader', 'src', '--keep-total');
    expect(flag.status).toBe(2);
    expect(flag.stderr.trim()).toBe('hotpath: the dataloader codemod has no --keep-total option');
  });

  it('dataloader --dry on the fixture app: the diff includes the new loaders module, and the summary says what to install', () => {
    const app = path.join(ROOT, 'fixtures/socialhub');
    const dry = spawnSync(process.execPath, [BIN, 'codemod', 'dataloader', 'apps/api/src', '--dry'], { cwd: app, encoding: 'utf8' });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+++ b/apps/api/src/trpc/loaders.ts');
    expect(dry.stdout).toContain('+          author: await ctx.loaders.usersById.load(post.authorId)');
    expect(dry.stderr).toContain('Would change: 4 file(s)');
    expect(dry.stderr).toContain('Next: add the dataloader package: npm install dataloader');
    expect(dry.stderr).toMatch(/skipped apps\/api\/src\/trpc\/routers\/user\.ts:37: `countMutualFollows\(\)`/);
  });

  it('--include/--exclude choose the files, --report writes a summary per file for tracking a migration', () => {
    writeFileSync(path.join(repo, 'src/other.ts'), SOURCE);
    writeFileSync(path.join(repo, 'src/skip.ts'), SOURCE);
    git('add', '.');
    git('commit', '-qm', 'more');
    const result = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--include', 'src/*.ts', '--exclude', 'src/skip.ts', '--report', 'migration.json');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(repo, 'src/skip.ts'), 'utf8')).toBe(SOURCE);
    expect(readFileSync(path.join(repo, 'src/other.ts'), 'utf8')).toContain('await loadUser(id)');
    const report = JSON.parse(readFileSync(path.join(repo, 'migration.json'), 'utf8')) as { totals: Record<string, number>; files: Array<{ file: string; status: string }> };
    expect(report.files.map((f) => `${f.file} ${f.status}`)).toEqual([
      'src/other.ts changed',
      'src/profile.ts changed',
      'src/users.ts unchanged',
    ]);
    expect(report.totals).toEqual({ changed: 2, unchanged: 1, skipped: 0, failed: 0 });
  });

  it.skipIf(!existsSync('/usr/bin/script'))('shows a progress bar on stderr on a terminal for long runs, and only there', () => {
    for (let i = 0; i < 60; i++) writeFileSync(path.join(repo, `src/m${i}.ts`), SOURCE);
    const log = path.join(repo, 'tty.log');
    const transform = path.join(TRANSFORMS, 'rename-get-user.mjs');
    // `script` gives the CLI a pseudo-terminal; stdout goes to a file, so only stderr reaches it.
    spawnSync('script', ['-qec', `node ${BIN} codemod ${transform} src --force --dry > out.diff`, log], { cwd: repo, encoding: 'utf8' });
    expect(readFileSync(log, 'utf8')).toMatch(/rename-get-user \[[=-]+\] 62\/62 files/);
    const piped = run(transform, 'src', '--force', '--dry');
    expect(piped.stderr).not.toMatch(/\/62 files/);
    expect(piped.stderr).toMatch(/^Would change: 61 file\(s\)/);
  });

  it('refuses a dirty git tree unless --force, and says how to continue', () => {
    writeFileSync(path.join(repo, 'src/users.ts'), '// an uncommitted edit\n');
    const refused = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/uncommitted changes[\s\S]*--force/);
    expect(readFileSync(file(), 'utf8')).toBe(SOURCE);
    expect(run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--force').status).toBe(0);
    expect(readFileSync(file(), 'utf8')).toContain('await loadUser(id)');
  });

  it('--dry prints a unified diff and writes nothing', () => {
    const dry = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--dry');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('--- a/src/profile.ts');
    expect(dry.stdout).toContain('-  const user = await getUser(id);');
    expect(dry.stdout).toContain('+  const user = await loadUser(id);');
    expect(readFileSync(file(), 'utf8')).toBe(SOURCE);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('reads the ESLint config: one that does not load is a usage error naming --no-config-lookup, which runs without it', () => {
    writeFileSync(path.join(repo, 'eslint.config.js'), 'throw new Error("broken config");\n');
    const broken = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--dry');
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim()).toBe('hotpath: cannot read the ESLint config: broken config (--no-config-lookup runs the codemod without it)');
    expect(run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--dry', '--no-config-lookup').status).toBe(0);
    expect(run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--dry', '--config', 'eslint.config.js', '--no-config-lookup').stderr.trim()).toBe(
      'hotpath: --config and --no-config-lookup cannot be used together',
    );
  });

  it('--print prints the new source', () => {
    const printed = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src/profile.ts', '--print', '--dry');
    expect(printed.stdout).toContain('const user = await loadUser(id);');
  });

  it('lists what it left alone, marks it with --mark, and a second run changes nothing', () => {
    const first = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--mark');
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/skipped src\/profile\.ts:8: getUser is passed as a value/);
    const marked = readFileSync(file(), 'utf8');
    expect(marked).toContain('// hotpath-todo(rename-get-user): getUser is passed as a value: rename it by hand\nexport const loaders');
    git('commit', '-qam', 'codemod');
    const second = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'src', '--mark');
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/Changed: 0 file/);
    expect(readFileSync(file(), 'utf8')).toBe(marked);
  });

  it('does not write an output that does not parse, and reports it', () => {
    const broken = run(path.join(TRANSFORMS, 'break-syntax.mjs'), 'src');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/failed +src\/profile\.ts: its output does not parse/);
    expect(readFileSync(file(), 'utf8')).toBe(SOURCE);
    expect(git('status', '--porcelain')).toBe('');
  });

  it('-d, -p and -f are --dry, --print and --force', () => {
    const transform = path.join(TRANSFORMS, 'rename-get-user.mjs');
    const dry = run(transform, 'src/profile.ts', '-d', '-p');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('+  const user = await loadUser(id);');
    expect(dry.stdout).toContain('const user = await loadUser(id);\n  return user;');
    expect(readFileSync(file(), 'utf8')).toBe(SOURCE);
    writeFileSync(path.join(repo, 'src/users.ts'), '// an uncommitted edit\n');
    expect(run(transform, 'src').status).toBe(1);
    expect(run(transform, 'src', '-f').status).toBe(0);
    expect(readFileSync(file(), 'utf8')).toContain('await loadUser(id)');
  });

  it('without paths, says what it would rewrite and refuses in a script; --dry goes ahead, writing nothing', () => {
    const transform = path.join(TRANSFORMS, 'rename-get-user.mjs');
    const refused = run(transform);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe(
      `hotpath: no paths given: this would rewrite 2 file(s) under ${repo} (src/profile.ts, src/users.ts); name the paths (\`.\` for this folder), or see the diff first with --dry`,
    );
    expect(git('status', '--porcelain')).toBe('');
    const dry = run(transform, '--dry');
    expect(dry.status).toBe(0);
    expect(dry.stderr).toMatch(/^No paths given: looking at 2 file\(s\) under .* \(src\/profile\.ts, src\/users\.ts\)\.\nWould change: 1 file/);
    expect(git('status', '--porcelain')).toBe('');
    expect(run(transform, '.').status).toBe(0);
    expect(readFileSync(file(), 'utf8')).toContain('await loadUser(id)');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('without paths on a terminal, asks first: no leaves the folder alone, yes rewrites it', () => {
    const transform = path.join(TRANSFORMS, 'rename-get-user.mjs');
    // `script` gives the CLI a pseudo-terminal and types the answer into it.
    const answer = (text: string) =>
      spawnSync('bash', ['-c', `printf '${text}\\n' | script -qec "${process.execPath} ${BIN} codemod ${transform}" /dev/null`], { cwd: repo, encoding: 'utf8' });
    const no = answer('n');
    expect(no.stdout).toMatch(/No paths given: rewrite 2 file\(s\) under .*\? \[y\/N\]/);
    expect(no.stdout).toContain('Nothing changed.');
    expect(readFileSync(file(), 'utf8')).toBe(SOURCE);
    const yes = answer('y');
    expect(yes.stdout).toMatch(/Changed: 1 file/);
    expect(readFileSync(file(), 'utf8')).toContain('await loadUser(id)');
  });

  it('a path with no source file is one line and exit 2', () => {
    writeFileSync(path.join(repo, 'notes.md'), '# notes\n');
    const result = run(path.join(TRANSFORMS, 'rename-get-user.mjs'), 'notes.md');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('hotpath: no JavaScript or TypeScript files in notes.md');
  });

  it('runs ts-morph transforms with the same conventions', () => {
    const result = run(path.join(TRANSFORMS, 'add-return-types.mjs'), 'src/users.ts');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(repo, 'src/users.ts'), 'utf8')).toContain('getUser(id: number): Promise<{ id: number; }>');
    git('commit', '-qam', 'types');
    expect(run(path.join(TRANSFORMS, 'add-return-types.mjs'), 'src/users.ts').stderr).toMatch(/Changed: 0 file/);
  });
});
