import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The versions this repository installs, so the scratch project installs from npm's cache.
const version = (name: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const N_PLUS_ONE = `import { drizzle } from "drizzle-orm/node-postgres";
import { eq } from "drizzle-orm";
import { users } from "./schema";

const db = drizzle(process.env.DATABASE_URL!);

export async function authorsOf(posts: Array<{ authorId: number }>) {
  const authors = [];
  for (const post of posts) {
    authors.push(await db.select().from(users).where(eq(users.id, post.authorId)));
  }
  return authors;
}
`;

const FIXED = `import { drizzle } from "drizzle-orm/node-postgres";
import { inArray } from "drizzle-orm";
import { users } from "./schema";

const db = drizzle(process.env.DATABASE_URL!);

export async function authorsOf(posts: Array<{ authorId: number }>) {
  return db.select().from(users).where(inArray(users.id, posts.map((post) => post.authorId)));
}
`;

/**
 * The README's pre-commit setup, as a user gets it: the packed tarball installed with ESLint, lint-staged and
 * simple-git-hooks in a fresh git repository, `eslint --cache` on staged files. Committing an N+1 query fails
 * with the rule's message; after the fix the commit goes through.
 */
describe('pre-commit hook with lint-staged and simple-git-hooks', () => {
  it('blocks a commit with an N+1 query, and lets the fixed file through', { timeout: 300_000 }, () => {
    const packDir = mkdtempSync(path.join(tmpdir(), 'hotpath-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', packDir, '--loglevel=error'], { cwd: ROOT, stdio: 'ignore' });
    const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
    const repo = mkdtempSync(path.join(tmpdir(), 'hotpath-precommit-'));
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'dev@example.com');
    git('config', 'user.name', 'dev');
    writeFileSync(
      path.join(repo, 'package.json'),
      JSON.stringify(
        {
          name: 'app',
          private: true,
          type: 'module',
          'simple-git-hooks': { 'pre-commit': 'npx lint-staged' },
          'lint-staged': { '*.{ts,tsx}': 'eslint --cache' },
        },
        null,
        2,
      ),
    );
    const packages = [tarball, `eslint@${version('eslint')}`, `lint-staged@${version('lint-staged')}`, `simple-git-hooks@${version('simple-git-hooks')}`];
    packages.push(`drizzle-orm@${version('drizzle-orm')}`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packages], { cwd: repo, stdio: 'ignore' });
    // npm 11 runs no install scripts of dependencies: simple-git-hooks' own command writes the hook.
    execFileSync('npx', ['simple-git-hooks'], { cwd: repo, stdio: 'ignore' });
    writeFileSync(path.join(repo, 'eslint.config.js'), 'import hotpath from "eslint-plugin-hotpath";\n\nexport default [hotpath.configs.recommended];\n');
    writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n.eslintcache\n');
    writeFileSync(path.join(repo, 'schema.ts'), 'import { integer, pgTable } from "drizzle-orm/pg-core";\n\nexport const users = pgTable("users", { id: integer("id").primaryKey() });\n');
    writeFileSync(path.join(repo, 'authors.ts'), N_PLUS_ONE);
    git('add', '.');

    const blocked = git('commit', '-m', 'authors');
    expect(blocked.status).not.toBe(0);
    const output = blocked.stdout + blocked.stderr;
    expect(output).toContain('hotpath/no-n-plus-one');
    expect(output).toContain('runs once per item of `posts`: N+1 round trips.');
    expect(git('rev-parse', '--verify', 'HEAD').status).not.toBe(0);

    writeFileSync(path.join(repo, 'authors.ts'), FIXED);
    // A client component that imports a stylesheet and a JSON file, as nearly every Next.js app has.
    mkdirSync(path.join(repo, 'app'));
    writeFileSync(path.join(repo, 'app/page.css'), 'main { margin: 0; }\n');
    writeFileSync(path.join(repo, 'app/copy.json'), '{ "title": "Authors" }\n');
    writeFileSync(path.join(repo, 'app/page.tsx'), '"use client";\nimport "./page.css";\nimport copy from "./copy.json";\n\nexport default function Page() {\n  return copy.title;\n}\n');
    git('add', 'authors.ts', 'app');
    const passed = git('commit', '-m', 'authors, in one query');
    expect(passed.stderr + passed.stdout).not.toContain('hotpath/');
    expect(passed.status).toBe(0);
    expect(git('log', '--oneline').stdout).toContain('authors, in one query');
  });
});
