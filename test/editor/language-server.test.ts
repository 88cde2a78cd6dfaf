import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { installedApp } from '../support/installed-app.js';
import { LspClient, type Incoming } from '../support/lsp-client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const FILE = 'apps/api/src/trpc/routers/notification.ts';

interface Diagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  source?: string;
  code?: string;
  codeDescription?: { href: string };
  severity: number;
}
interface Report {
  kind: 'full' | 'unchanged';
  items: Diagnostic[];
}

// What VS Code's ESLint extension sends for `workspace/configuration`, with its defaults.
const settings = (app: string) => ({
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeActionOnSave: { mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: { name: 'socialhub', uri: pathToFileURL(app).href },
  codeAction: { disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' }, showDocumentation: { enable: true } },
});

/**
 * The real ESLint language server of VS Code's ESLint extension (`vscode-eslint-language-server`), driven over
 * stdio as an editor drives it, on a copy of the fixture app with the README's flat config: our diagnostics
 * arrive with the rule's message and docs link, and follow the code through half-typed edits without a crash.
 */
describe('in the editor: vscode-eslint-language-server', () => {
  let app: string;
  let client: LspClient;
  let uri: string;
  let version = 1;
  const requests: Incoming[] = [];

  beforeAll(async () => {
    app = installedApp('lsp-app');
    uri = pathToFileURL(path.join(app, FILE)).href;
    client = new LspClient(process.execPath, [SERVER, '--stdio'], app, (request) => {
      requests.push(request);
      if (request.method === 'workspace/configuration') {
        return (request.params as { items: unknown[] }).items.map(() => settings(app));
      }
      return null;
    });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(app).href,
      workspaceFolders: [{ uri: pathToFileURL(app).href, name: 'socialhub' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { codeDescriptionSupport: true } },
      },
    });
    client.notify('initialized', {});
  }, 60_000);
  afterAll(() => client?.close());

  // The server answers pull requests (`diagnosticProvider`), as VS Code asks after each change.
  const diagnose = async () => (await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const ours = (items: Diagnostic[]) => items.filter((d) => d.code?.startsWith('hotpath/'));
  const change = async (text: string): Promise<Diagnostic[]> => {
    version += 1;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return diagnose();
  };

  it('reports the fixture file’s planted mistakes with the rule, its message and its docs link', async () => {
    const text = readFileSync(path.join(app, FILE), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const diagnostics = ours(await diagnose());
    // The app's config is `recommended`: markers of rules only in `all` (require-index) are not its findings.
    const enabled = new Set(Object.keys(plugin.configs.recommended.rules ?? {}));
    const marked = text
      .split('\n')
      .flatMap((line, i) => [...line.matchAll(/hotpath-expect: ([\w-]+)/g)].map((m) => `${i} hotpath/${m[1]}`))
      .filter((site) => enabled.has(site.split(' ')[1]!));
    expect(diagnostics.map((d) => `${d.range.start.line} ${d.code}`).sort()).toEqual(marked.sort());
    const actor = diagnostics.find((d) => d.message.startsWith('`getAuthor() → db.query.users.findFirst()` runs once per item of `rows`'))!;
    expect(actor.source).toBe('eslint');
    expect(actor.severity).toBe(1);
    expect(actor.codeDescription?.href).toBe('https://github.com/eslint-plugin-hotpath/eslint-plugin-hotpath/blob/main/docs/rules/no-n-plus-one.md');
  });

  it('lints a client component that imports a CSS module and a JSON file', async () => {
    const file = 'apps/web/src/app/feed/timeline.tsx';
    const clientUri = pathToFileURL(path.join(app, file)).href;
    const text = readFileSync(path.join(app, file), 'utf8');
    expect(text).toContain(`import copy from "./copy.json";\nimport styles from "./timeline.module.css";`);
    client.notify('textDocument/didOpen', { textDocument: { uri: clientUri, languageId: 'typescriptreact', version: 1, text } });
    const { items } = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: clientUri } });
    const marked = text.split('\n').flatMap((line, i) => (/hotpath-expect: client-bundle-budget/.test(line) ? [`${i} hotpath/client-bundle-budget`] : []));
    expect(items.map((d) => `${d.range.start.line} ${d.code}`).sort()).toEqual(marked.sort());
  });

  it('follows the code through half-typed edits, and never reports a crash', async () => {
    const original = readFileSync(path.join(app, FILE), 'utf8');
    const anchor = '        items.push({ ...n, actor, post });';
    const typed = '        const again = await ctx.db.query.notifications.findFirst({ where: eq(notifications.id, n.id) });';
    // Typing the new line a few characters at a time: most of these states do not parse.
    const states = [8, 20, 33, 47, 60, 75, 90, typed.length].map((n) => original.replace(anchor, `${typed.slice(0, n)}\n${anchor}`));
    const line = original.split('\n').indexOf(anchor);
    let parseErrors = 0;
    for (const state of states.slice(0, -1)) {
      const diagnostics = await change(state);
      // A half-typed state gives a parse error or our findings, never an exception from a rule.
      for (const d of diagnostics) expect(d.code?.startsWith('hotpath/') || /^Parsing error:/.test(d.message)).toBe(true);
      parseErrors += diagnostics.filter((d) => /^Parsing error:/.test(d.message)).length;
    }
    // The states inside the unclosed `findFirst({ … ` do not parse; the shorter ones do, through ASI, and are
    // linted as the odd partial chains they are (`ctx.db.query.noti`).
    expect(parseErrors).toBeGreaterThanOrEqual(2);
    const done = ours(await change(states.at(-1)!));
    expect(done.map((d) => d.range.start.line)).toContain(line);
    expect(done.find((d) => d.range.start.line === line)!.message).toMatch(/^`ctx\.db\.query\.notifications\.findFirst` runs once per item of `rows`/);
    // Deleting the line again: its finding goes, the others stay where they were.
    const back = ours(await change(original));
    expect(back.map((d) => d.range.start.line)).not.toContain(line);
    expect(back).toHaveLength(done.length - 1);
    const errors = client.notifications.filter(
      (m) =>
        (m.method === 'window/logMessage' && (m.params as { type: number }).type === 1) ||
        m.method === 'window/showMessage' ||
        (m.method === 'eslint/status' && (m.params as { state: number }).state !== 1),
    );
    expect(errors).toEqual([]);
    expect(requests.some((r) => r.method === 'workspace/configuration')).toBe(true);
  });
});
