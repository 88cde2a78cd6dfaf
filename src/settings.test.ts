import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HotpathSettingsError, getSettings } from './settings.js';

const read = (hotpath: unknown) => getSettings({ settings: { hotpath } });

describe('getSettings', () => {
  it('fills defaults', () => {
    const s = read(undefined);
    expect(s.drizzle.contextKeys).toEqual(['db']);
    expect(s.budgets).toEqual({ importKb: 15, fileKb: 50, packages: {} });
    // Client code follows the framework's rules; folder globs are only what the user adds.
    expect(s.clientFiles).toEqual([]);
    expect(s.serverFolders).toEqual([]);
  });

  it('keeps what the user sets', () => {
    const s = read({ drizzle: { modules: ['@acme/db'] }, budgets: { importKb: 10, packages: { moment: 30 } } });
    expect(s.drizzle.modules).toEqual(['@acme/db']);
    expect(s.budgets).toEqual({ importKb: 10, fileKb: 50, packages: { moment: 30 } });
  });

  it.for<[string, unknown, string]>([
    ['a wrong type', { budgets: { importKb: '15' } }, '`settings.hotpath.budgets.importKb`'],
    ['an unknown key', { clientFile: ['x'] }, '`settings.hotpath.clientFile`: unknown key'],
    ['a nested unknown key', { drizzle: { module: 'x' } }, '`settings.hotpath.drizzle.module`: unknown key'],
    ['a non-object', 'yes', '`settings.hotpath`: expected an object'],
    ['an empty name', { redis: { names: [''] } }, '`settings.hotpath.redis.names.0`'],
  ])('names the key of %s', ([, value, key]) => {
    expect(() => read(value)).toThrow(HotpathSettingsError);
    expect(() => read(value)).toThrow(key);
  });

  it('gives ESLint users one line, not a stack trace', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hotpath-settings-'));
    const plugin = path.resolve('dist/src/settings.js');
    writeFileSync(path.join(dir, 'a.js'), 'export const a = 1;\n');
    writeFileSync(
      path.join(dir, 'eslint.config.mjs'),
      `import { getSettings } from ${JSON.stringify(plugin)};
       const probe = { meta: { schema: [] }, create(context) { getSettings(context); return {}; } };
       export default [{ plugins: { t: { rules: { probe } } }, settings: { hotpath: { budgets: { fileKb: -1 } } }, rules: { "t/probe": "error" } }];`,
    );
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.resolve('node_modules/eslint/bin/eslint.js'), 'a.js'], {
        cwd: dir,
        stdio: 'pipe',
      });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toContain('eslint-plugin-hotpath: invalid setting `settings.hotpath.budgets.fileKb`');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
