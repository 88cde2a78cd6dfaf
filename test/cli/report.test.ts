import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blobUrl } from '../../src/cli/format-html.js';
import { chromium, hasChromium } from '../support/chromium.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const APP = path.join(ROOT, 'fixtures/socialhub');
const scan = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [BIN, 'scan', '--exit-zero', ...args], { cwd, encoding: 'utf8' });

interface JsonReport {
  findings: Array<{ rule: string; severity: 'error' | 'warning'; file: string; line: number; column: number; message: string }>;
}

/** The findings of a dumped DOM, in page order, with whether each is hidden. */
function findingsOf(dom: string) {
  return [...dom.matchAll(/<li class="finding ([^"]*)" data-rule="([^"]*)" data-file="([^"]*)" data-line="(\d+)" data-column="(\d+)"( hidden="")?>([\s\S]*?)<\/li>/g)].map(
    (m) => ({ severity: m[1]!, rule: m[2]!, file: m[3]!, line: Number(m[4]), column: Number(m[5]), hidden: Boolean(m[6]), body: m[7]! }),
  );
}

/** The groups of a dumped DOM, in page order: their key, whether hidden, and the count in their title. */
function groupsOf(dom: string) {
  return [...dom.matchAll(/<section class="group" data-key="([^"]*)"( hidden="")?><h3>[^<]*<small>\((\d+)\)<\/small><\/h3>/g)].map((m) => ({
    key: m[1]!,
    hidden: Boolean(m[2]),
    count: Number(m[3]),
  }));
}

describe.skipIf(!hasChromium() && !process.env.CI)('hotpath scan --format html', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'hotpath-report-'));
  const html = path.join(out, 'report.html');
  const json = JSON.parse(scan(APP, '--format', 'json').stdout) as JsonReport;
  const written = scan(APP, '--format', 'html', '--output', html);
  const key = (f: { rule: string; file: string; line: number; column: number }) => `${f.rule} ${f.file}:${f.line}:${f.column}`;
  const open = (hash: string) => chromium(`${pathToFileURL(html).href}#${hash}`, { dumpDom: true });

  it('writes one self-contained page: inline style and script, nothing loaded from the network', () => {
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<link|<img|<iframe|<object|<embed|@import|url\(|src=|fetch\(|XMLHttpRequest/i);
    expect(page.match(/<script>/g)).toHaveLength(1);
    // The browser itself refuses anything but the inline style and script.
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`);
    expect(page).toMatch(/<svg role="img" aria-label="findings per rule"/);
  });

  it("is titled with the project's name (the package.json name at the scan root)", () => {
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(`<title>socialhub: ${json.findings.length} findings (hotpath)</title>`);
    expect(page).toContain('<h1>socialhub</h1>');
  });

  it('as Chromium renders it, the DOM holds every finding of the JSON output, with its frame, fix and docs', () => {
    const dom = chromium(html, { dumpDom: true });
    const items = findingsOf(dom);
    expect(items.map(key).sort()).toEqual(json.findings.map(key).sort());
    expect(json.findings.length).toBeGreaterThan(10);
    expect(items.every((i) => !i.hidden)).toBe(true);
    for (const { rule, body } of items) {
      expect(body).toMatch(/<pre class="frame">[\s\S]*&gt; \d+ \|/);
      expect(body).toContain(`href="https://`);
      expect(body).toMatch(/<b>Fixed by:<\/b> <code>/);
      if (rule === 'hotpath/no-n-plus-one') expect(body).toContain('npx hotpath codemod dataloader');
    }
    // The script ran: the filters are shown, and say that everything is.
    expect(dom).toMatch(/<form class="controls" id="controls">/);
    expect(dom).toContain(`data-shown="${json.findings.length}"`);
    // The totals: one bar per rule that ran, with its count, each a link to its rule's view.
    const counts = [...dom.matchAll(/<a href="#rule=([^"]+)"><title>[^<]*<\/title><text[^>]*class="label">([^<]+)<\/text><rect[^>]*\/?>(?:<\/rect>)?<text[^>]*class="count">(\d+)<\/text><\/a>/g)];
    const expected = new Map<string, number>();
    for (const f of json.findings) expected.set(f.rule.replace('hotpath/', ''), (expected.get(f.rule.replace('hotpath/', '')) ?? 0) + 1);
    expect(new Map(counts.map((m) => [m[2]!, Number(m[3])] as const).filter(([, n]) => n > 0))).toEqual(expected);
    expect(counts.every((m) => m[1] === m[2])).toBe(true);
  });

  it('filters by rule and severity from the hash: the other findings and their files are hidden', () => {
    const dom = open('rule=no-n-plus-one&severity=error');
    const items = findingsOf(dom);
    const wanted = json.findings.filter((f) => f.rule === 'hotpath/no-n-plus-one' && f.severity === 'error');
    expect(wanted.length).toBeGreaterThan(3);
    expect(items.filter((i) => !i.hidden).map(key).sort()).toEqual(wanted.map(key).sort());
    expect(items.filter((i) => i.hidden).length).toBe(json.findings.length - wanted.length);
    expect(dom).toContain(`data-shown="${wanted.length}"`);
    expect(dom).toContain(`${wanted.length} of ${json.findings.length} findings shown`);
    // A file with no N+1 has its group hidden; each shown group counts what it shows.
    const groups = groupsOf(dom);
    const files = new Set(wanted.map((f) => f.file));
    expect(groups.filter((g) => !g.hidden).map((g) => g.key).sort()).toEqual([...files].sort());
    for (const g of groups.filter((x) => !x.hidden)) expect(g.count).toBe(wanted.filter((f) => f.file === g.key).length);
    // The form shows the view it applies.
    expect(dom).toMatch(/<option value="no-n-plus-one" selected="">/);
    expect(dom).toMatch(/<option value="error" selected="">/);

    const several = findingsOf(open('rule=hotpath/no-offset-pagination,prefer-type-imports'));
    const rules = new Set(['hotpath/no-offset-pagination', 'hotpath/prefer-type-imports']);
    expect(several.filter((i) => !i.hidden).map(key).sort()).toEqual(json.findings.filter((f) => rules.has(f.rule)).map(key).sort());

    // Every finding of the fixture is an error: asking for warnings hides them all.
    expect(json.findings.every((f) => f.severity === 'error')).toBe(true);
    const warnings = open('severity=warning');
    expect(findingsOf(warnings).every((i) => i.hidden)).toBe(true);
    expect(warnings).toContain('data-shown="0"');
  });

  it('sorts: by file (the default), by rule, or files with the most findings first', () => {
    const byFile = groupsOf(chromium(html, { dumpDom: true })).map((g) => g.key);
    expect(byFile).toEqual([...new Set(json.findings.map((f) => f.file))].sort());

    const byRule = open('sort=rule');
    expect(groupsOf(byRule).map((g) => g.key)).toEqual([...new Set(json.findings.map((f) => f.rule))].sort());
    for (const g of groupsOf(byRule)) expect(g.count).toBe(json.findings.filter((f) => f.rule === g.key).length);
    // Within a group, findings keep their file and line order.
    const ruleItems = findingsOf(byRule);
    expect(ruleItems.map((i) => i.rule)).toEqual([...ruleItems.map((i) => i.rule)].sort());

    const byCount = groupsOf(open('sort=count'));
    const perFile = (file: string) => json.findings.filter((f) => f.file === file).length;
    expect(byCount.map((g) => g.count)).toEqual(byCount.map((g) => perFile(g.key)));
    expect(byCount.map((g) => g.count)).toEqual([...byCount.map((g) => g.count)].sort((a, b) => b - a));

    // Filters and sorting together: counts are of what is shown.
    const both = groupsOf(open('sort=count&rule=no-unbatched-redis')).filter((g) => !g.hidden);
    expect(both.map((g) => g.count)).toEqual([...both.map((g) => g.count)].sort((a, b) => b - a));
    expect(both.reduce((n, g) => n + g.count, 0)).toBe(json.findings.filter((f) => f.rule === 'hotpath/no-unbatched-redis').length);
  });

  it('renders to a screenshot (HOTPATH_UPDATE_DOCS=1 refreshes docs/images/report.png)', () => {
    const png = path.join(out, 'report.png');
    chromium(html, { screenshot: png, width: 1200, height: 900 });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
    // The README's picture: the same page, taller.
    if (process.env.HOTPATH_UPDATE_DOCS) chromium(html, { screenshot: path.join(ROOT, 'docs/images/report.png'), width: 1200, height: 1300 });
  });
});

describe('links from a finding to its line in the repository', () => {
  /** A small project in `services/feed` of a fresh git repository, with one N+1 at line 9. */
  function project(options: { remote?: string; packageName?: string }) {
    const repo = mkdtempSync(path.join(tmpdir(), 'hotpath-report-repo-'));
    const root = path.join(repo, 'services/feed');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    if (options.packageName) writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: options.packageName, private: true }));
    writeFileSync(path.join(root, 'src/schema.ts'), 'export const users = {} as never;\n');
    writeFileSync(
      path.join(root, 'src/authors.ts'),
      [
        'import { eq } from "drizzle-orm";',
        'import { drizzle } from "drizzle-orm/node-postgres";',
        'import { users } from "./schema";',
        '',
        'const db = drizzle(process.env.DATABASE_URL!);',
        '',
        'export async function authors(posts: Array<{ authorId: number }>) {',
        '  const out = [];',
        '  for (const post of posts) out.push(await db.select().from(users).where(eq(users.id, post.authorId)));',
        '  return out;',
        '}',
        '',
      ].join('\n'),
    );
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'feed');
    if (options.remote) git('remote', 'add', 'origin', options.remote);
    const report = path.join(repo, 'report.html');
    const result = scan(root, '--format', 'html', '--output', report);
    expect(result.status, result.stderr).toBe(0);
    return { page: readFileSync(report, 'utf8'), commit: git('rev-parse', 'HEAD') };
  }

  it('links to the line at the scanned commit, with the path from the top of the repository, and no credentials', () => {
    const { page, commit } = project({ remote: 'https://ci-bot:s3cret@github.com/acme/socialhub.git', packageName: '@acme/feed' });
    expect(page).toContain(`<a class="loc" href="https://github.com/acme/socialhub/blob/${commit}/services/feed/src/authors.ts#L9">src/authors.ts:9:`);
    expect(page).not.toContain('s3cret');
    expect(page).toContain('<h1>@acme/feed</h1>');
  });

  it('GitLab remotes get GitLab links', () => {
    const { page, commit } = project({ remote: 'git@gitlab.com:acme/platform/socialhub.git' });
    expect(page).toContain(`href="https://gitlab.com/acme/platform/socialhub/-/blob/${commit}/services/feed/src/authors.ts#L9"`);
  });

  it('no remote: no link, and the folder names the project when there is no package.json', () => {
    const { page } = project({});
    expect(page).toContain('<span class="loc">src/authors.ts:9:');
    expect(page).not.toContain('<a class="loc"');
    expect(page).toContain('<h1>feed</h1>');
  });

  it.for([
    ['git@github.com:acme/socialhub.git', 'https://github.com/acme/socialhub/blob/abc123/apps/a.ts#L3'],
    ['https://github.com/acme/socialhub', 'https://github.com/acme/socialhub/blob/abc123/apps/a.ts#L3'],
    ['ssh://git@github.com/acme/socialhub.git', 'https://github.com/acme/socialhub/blob/abc123/apps/a.ts#L3'],
    ['https://x-access-token:ghs_abc@github.com/acme/socialhub.git', 'https://github.com/acme/socialhub/blob/abc123/apps/a.ts#L3'],
    ['git@github.example.com:acme/socialhub.git', 'https://github.example.com/acme/socialhub/blob/abc123/apps/a.ts#L3'],
    ['https://gitlab.com/acme/platform/socialhub.git', 'https://gitlab.com/acme/platform/socialhub/-/blob/abc123/apps/a.ts#L3'],
    ['ssh://git@gitlab.example.com:2222/acme/socialhub.git', 'https://gitlab.example.com/acme/socialhub/-/blob/abc123/apps/a.ts#L3'],
    ['/srv/git/socialhub.git', null],
    ['file:///srv/git/socialhub.git', null],
    ['https://git.example.com/acme/socialhub.git', null],
  ] as const)('%s → %s', ([remote, url]) => {
    expect(blobUrl(remote, 'abc123', 'apps/a.ts', 3)).toBe(url);
  });

  it('encodes path segments', () => {
    expect(blobUrl('git@github.com:acme/x.git', 'abc', 'app/[id]/page #1.tsx', 7)).toBe('https://github.com/acme/x/blob/abc/app/%5Bid%5D/page%20%231.tsx#L7');
  });
});
