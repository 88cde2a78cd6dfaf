import path from 'node:path';

/** Editors lint on every keystroke: there, a cold measurement waits this long, then finishes in the background. */
export const EDITOR_TIMEOUT_MS = 500;

// VS Code's ESLint extension starts `server/out/eslintServer.js` (as does Zed, with the same server); Neovim,
// Helix and Sublime start it as `vscode-eslint-language-server` from vscode-langservers-extracted.
const LANGUAGE_SERVER = /^(?:eslintServer\.js|vscode-eslint-language-server(?:\.js|\.cmd)?)$/;

/**
 * Whether this process is an editor's ESLint language server, from the script Node runs (`argv[1]`). The
 * server sets no environment variable of its own, and the editor's (`VSCODE_PID`, `TERM_PROGRAM`) reach its
 * integrated terminal too, where `npx eslint` is a command-line run: so the script, not the environment.
 */
export function isLanguageServer(argv: readonly string[] = process.argv): boolean {
  const script = argv[1];
  return script !== undefined && LANGUAGE_SERVER.test(path.basename(script));
}

/**
 * How long a cold measurement may hold the linter, in ms (`Infinity`: no limit). The `coldTimeoutMs` option
 * when set (`0` for no limit); else no limit on a command line (ESLint, a pre-commit hook, `hotpath scan`)
 * and with `CI` set, so that a first run reports what every later run does; else, in an editor's language
 * server, `EDITOR_TIMEOUT_MS`.
 */
export function coldTimeBox(option: number | undefined, argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return option === 0 ? Infinity : option;
  const ci = env.CI;
  if (ci && ci !== 'false' && ci !== '0') return Infinity;
  return isLanguageServer(argv) ? EDITOR_TIMEOUT_MS : Infinity;
}
