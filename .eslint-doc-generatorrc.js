/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  ignoreConfig: ['all'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  ruleDocSectionInclude: ['Examples', 'When not to use it'],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
