import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Installed by `npm test` (scripts/ensure-chromium.sh) where it can be. */
export const hasChromium = (): boolean => spawnSync('chromium', ['--version']).status === 0;

/**
 * Headless Chromium on a local file, with the flags this closed network needs (no background networking,
 * no component updates) and a fresh profile: `--dump-dom` prints the DOM, `screenshot` writes a PNG.
 * `file` may also be a `file:` URL, to open the page with a hash.
 */
export function chromium(file: string, mode: { dumpDom: true } | { screenshot: string; width: number; height: number }): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'hotpath-chromium-'));
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    ...('dumpDom' in mode ? ['--dump-dom'] : [`--screenshot=${mode.screenshot}`, `--window-size=${mode.width},${mode.height}`]),
    file.startsWith('file:') ? file : pathToFileURL(file).href,
  ];
  try {
    return execFileSync('chromium', flags, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
