import plugin from './configs.js';

export default plugin;
// `require("eslint-plugin-hotpath")` (from an eslint.config.cjs, on Node.js 20.19+) returns the value exported
// under this name instead of the module namespace `{ default }`, so `.configs` is there as with `import`.
export { plugin as 'module.exports' };
export type { ConfigName, HotpathConfigs, HotpathPlugin, HotpathRule, HotpathSettingsInput } from './configs.js';
