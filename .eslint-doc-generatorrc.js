/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  // disable-type-checked only turns rules off, for files without types: no rule is "in" it.
  ignoreConfig: ['all', 'disable-type-checked'],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  ruleDocSectionInclude: ['Examples', 'When not to use it'],
  urlRuleDoc: (name) => `docs/rules/${name}.md`,
};
