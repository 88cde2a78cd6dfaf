import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, hasChromium } from '../support/chromium.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'dist/src/cli/bin.js');
const APP = path.join(ROOT, 'fixtures/socialhub');
const scan = (...args: string[]) => spawnSync(process.execPath, [BIN, 'scan', '--exit-zero', ...args], { cwd: APP, encoding: 'utf8' });

interface JsonReport {
  findings: Array<{ rule: string; file: string; line: number; column: number; message: string }>;
}

describe.skipIf(!hasChromium() && !process.env.CI)('hotpath scan --format html', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'hotpath-report-'));
  const html = path.join(out, 'report.html');
  const json = JSON.parse(scan('--format', 'json').stdout) as JsonReport;
  const written = scan('--format', 'html', '--output', html);

  it('writes one self-contained page: nothing loaded from the network, no script', () => {
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    expect(page).toMatch(/<svg role="img" aria-label="findings per rule"/);
  });

  it('as Chromium renders it, the DOM holds every finding of the JSON output, with its frame, fix and docs', () => {
    const dom = chromium(html, { dumpDom: true });
    const items = [...dom.matchAll(/<li class="finding [^"]*" data-rule="([^"]*)" data-file="([^"]*)" data-line="(\d+)" data-column="(\d+)">([\s\S]*?)<\/li>/g)];
    const key = (rule: string, file: string, line: number | string, column: number | string) => `${rule} ${file}:${line}:${column}`;
    expect(items.map((m) => key(m[1]!, m[2]!, m[3]!, m[4]!)).sort()).toEqual(json.findings.map((f) => key(f.rule, f.file, f.line, f.column)).sort());
    expect(json.findings.length).toBeGreaterThan(10);
    for (const [, rule, , , , body] of items) {
      expect(body).toMatch(/<pre class="frame">[\s\S]*&gt; \d+ \|/);
      expect(body).toContain(`href="https://`);
      expect(body).toMatch(/<b>Fixed by:<\/b> <code>/);
      if (rule === 'hotpath/no-n-plus-one') expect(body).toContain('npx hotpath codemod dataloader');
    }
    // The totals: one bar per rule that ran, with its count.
    const counts = [...dom.matchAll(/<text[^>]*class="label">([^<]+)<\/text><rect[^>]*\/?>(?:<\/rect>)?<text[^>]*class="count">(\d+)<\/text>/g)];
    const expected = new Map<string, number>();
    for (const f of json.findings) expected.set(f.rule.replace('hotpath/', ''), (expected.get(f.rule.replace('hotpath/', '')) ?? 0) + 1);
    expect(new Map(counts.map((m) => [m[1]!, Number(m[2])] as const).filter(([, n]) => n > 0))).toEqual(expected);
  });

  it('renders to a screenshot', () => {
    const png = path.join(out, 'report.png');
    chromium(html, { screenshot: png, width: 1200, height: 900 });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});
