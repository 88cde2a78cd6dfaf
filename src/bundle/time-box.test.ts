import { describe, expect, it } from 'vitest';
import { coldTimeBox, EDITOR_TIMEOUT_MS, isLanguageServer } from './time-box.js';

const node = '/usr/bin/node';

describe('where a cold measurement is time-boxed', () => {
  it.for([
    ['VS Code’s ESLint extension', '/home/u/.vscode/extensions/dbaeumer.vscode-eslint-3.0.10/server/out/eslintServer.js', true],
    ['Zed', '/home/u/.local/share/zed/languages/eslint/vscode-eslint-2.4.4/vscode-eslint/server/out/eslintServer.js', true],
    ['Neovim, Helix (vscode-langservers-extracted)', '/usr/lib/node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server', true],
    ['npx eslint', '/app/node_modules/eslint/bin/eslint.js', false],
    ['hotpath scan', '/app/node_modules/eslint-plugin-hotpath/dist/src/cli/bin.js', false],
    ['lint-staged', '/app/node_modules/lint-staged/bin/lint-staged.js', false],
  ] as const)('%s', ([, script, editor]) => {
    expect(isLanguageServer([node, script])).toBe(editor);
  });

  it('boxes the editor only; the option wins, 0 is no limit, CI lifts the box', () => {
    const server = [node, '/x/server/out/eslintServer.js'];
    const cli = [node, '/app/node_modules/eslint/bin/eslint.js'];
    expect(coldTimeBox(undefined, server, {})).toBe(EDITOR_TIMEOUT_MS);
    // A terminal inside VS Code has the editor's environment; it is still a command line.
    expect(coldTimeBox(undefined, cli, { TERM_PROGRAM: 'vscode', VSCODE_PID: '1' })).toBe(Infinity);
    expect(coldTimeBox(undefined, server, { CI: 'true' })).toBe(Infinity);
    expect(coldTimeBox(undefined, server, { CI: 'false' })).toBe(EDITOR_TIMEOUT_MS);
    expect(coldTimeBox(2000, server, {})).toBe(2000);
    expect(coldTimeBox(50, cli, {})).toBe(50);
    expect(coldTimeBox(0, server, {})).toBe(Infinity);
  });
});
