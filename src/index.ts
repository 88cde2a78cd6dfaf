import { readFileSync } from 'node:fs';
import { rules } from '../rules/index.js';
import { buildConfigs } from './configs.js';

// package.json sits two folders up in dist/ and one up in the sources that tests run.
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'eslint-plugin-hotpath' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

const plugin = {
  meta: { name: 'eslint-plugin-hotpath', version: packageVersion() },
  rules,
  configs: {} as ReturnType<typeof buildConfigs>,
};
plugin.configs = buildConfigs(plugin, rules);

// The only export: eslint-doc-generator and CommonJS `require(esm)` users read the default alone.
export default plugin;
export type { HotpathSettingsInput } from './settings.js';
