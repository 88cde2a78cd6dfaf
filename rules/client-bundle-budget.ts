import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { importCost, importCosts, jsonFileCost } from '../src/bundle/import-cost.js';
import { packageName, type ImportEntry } from '../src/bundle/measure.js';
import { coldTimeBox } from '../src/bundle/time-box.js';
import { createRule } from '../src/create-rule.js';
import { fixTypeImports } from '../src/fixes/type-imports.js';
import { LIGHTER_ALTERNATIVES, PER_FUNCTION_SUBPATHS } from '../src/knowledge/bundle-alternatives.js';
import { nonSourceKind } from '../src/knowledge/module-kinds.js';
import { importedName } from '../src/recognizers/chain.js';
import { recognizeClientFile } from '../src/recognizers/client-file.js';
import { getFileContext } from '../src/recognizers/file-context.js';
import { resolveProjectAsset, resolveProjectModule } from '../src/recognizers/module-graph.js';
import { recognizeServerModule } from '../src/recognizers/server-module.js';
import { importBindingUse, typeUseOptions } from '../src/recognizers/type-uses.js';

export type Options = [{ coldTimeoutMs?: number; verbatimModuleSyntax?: boolean }];
// Written once: ESLint reads `meta.defaultOptions`, typescript-eslint's creator the top-level copy.
const DEFAULTS: Options[0] = {};

export type MessageIds =
  | 'serverOnly'
  | 'cannotBundle'
  | 'overImportBudget'
  | 'overFileBudget'
  | 'useTypeImport'
  | 'useSubpaths'
  | 'useDynamic';

/** Every Next.js client bundle ships these already (the framework chunk): an import of them adds nothing. */
const FRAMEWORK = new Set(['react', 'react-dom', 'scheduler', 'next']);

const KB = 1000;
const NO_DECORATOR_METADATA = { decoratorMetadata: false };
const kb = (bytes: number) => (bytes / KB).toFixed(1);
interface Measured {
  node: TSESTree.ImportDeclaration;
  source: string;
  /** What esbuild bundles for a package; null for a JSON file of the project, measured as it is. */
  entry: ImportEntry | null;
  gzip: number;
}

export default createRule<Options, MessageIds>({
  name: 'client-bundle-budget',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce a size budget on what each import adds to a client bundle (minified + gzip, measured by esbuild), and disallow server-only modules in client files',
      recommended: true,
      howToFix: {
        hint: 'Import less (one function, not the package), load it with `next/dynamic`, or pick a lighter package; keep server code out of client files.',
        fixedBy: 'editor suggestions',
      },
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          coldTimeoutMs: {
            type: 'number',
            minimum: 0,
            description:
              'How long a measurement that is not cached yet may hold the linter; past it the import is skipped this run and measured in the background. `0`: no limit. Default: 500 in an editor (ESLint language server), no limit on the command line and when `CI` is set.',
          },
          verbatimModuleSyntax: {
            type: 'boolean',
            description:
              'Untyped linting: the project compiles with `verbatimModuleSyntax`, so imports used only as types still ship. Typed linting reads the tsconfig.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULTS],
    messages: {
      serverOnly:
        '`{{source}}` {{reason}}: server code ships to the browser or breaks the build. Call it via tRPC or a Server Action, or `import type`.',
      cannotBundle: '`{{source}}` cannot be bundled for the browser: {{reason}}',
      overImportBudget: '`{{source}}` adds {{size}} kB gzip to this client bundle (budget {{budget}} kB).{{hint}}',
      overFileBudget:
        'This client file’s imports add {{size}} kB gzip (budget {{budget}} kB). Largest: {{largest}}; load some with `next/dynamic`.',
      useTypeImport: 'Import only its types, with `import type`: nothing is bundled.',
      useSubpaths: 'Import each function from its own module ({{example}}).',
      useDynamic: 'Load `{{name}}` on demand with `next/dynamic`, in a chunk of its own.',
    },
  },
  defaultOptions: [DEFAULTS],
  create(context, [options]) {
    const file = getFileContext(context);
    const client = recognizeClientFile(file);
    if (!client) return {};
    const { sourceCode } = context;
    const timeoutMs = coldTimeBox(options.coldTimeoutMs);
    const { budgets } = file.settings;
    const measured: Measured[] = [];
    const imported: Array<{ node: TSESTree.ImportDeclaration; source: string; name: string; suggest: TSESLint.ReportSuggestionArray<MessageIds>; entry: ImportEntry }> = [];
    const verbatim = typeUseOptions(file, options).verbatimModuleSyntax;

    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || client.serverDataImports.has(node)) return;
        const values = node.specifiers.filter((s) => !(s.type === T.ImportSpecifier && s.importKind === 'type'));
        if (node.specifiers.length > 0 && values.length === 0) return;
        const source = node.source.value;
        // Bindings used only as types are dropped by the compilers (SWC, esbuild, tsc) unless the project
        // compiles with `verbatimModuleSyntax`: only then does the import ship. Else it is
        // `prefer-type-imports`' finding, not a bundle's.
        const typeOnly = values.length > 0 && values.every((s) => importBindingUse(s, file, NO_DECORATOR_METADATA) === 'type');
        if (typeOnly && !verbatim) return;
        const suggest: TSESLint.ReportSuggestionArray<MessageIds> =
          typeOnly && node.attributes.length === 0
            ? [{ messageId: 'useTypeImport', fix: (fixer) => fixTypeImports(fixer, sourceCode, node, new Set(values), 'inline-type-imports') }]
            : [];
        const server = recognizeServerModule(source, context.physicalFilename, file.settings, context.cwd);
        if (server) {
          context.report({ node, messageId: 'serverOnly', data: { source, reason: server.reason }, suggest });
          return;
        }
        const kind = nonSourceKind(source);
        // Styles and assets leave the JavaScript bundle (a CSS chunk, a file with a URL); JSON is inlined.
        if (kind && kind !== 'json') return;
        const json = kind === 'json' ? resolveProjectAsset(source, context.physicalFilename) : null;
        if (json) {
          const cost = jsonFileCost(json);
          if (!cost || !('gzip' in cost)) return;
          measured.push({ node, source, entry: null, gzip: cost.gzip });
          if (cost.gzip > budgets.importKb * KB) {
            context.report({
              node,
              messageId: 'overImportBudget',
              data: { source, size: kb(cost.gzip), budget: String(budgets.importKb), hint: JSON_HINT },
            });
          }
          return;
        }
        // Project modules are the app's own code, bundled whatever the import; packages are measured.
        if (source.startsWith('.') || source.startsWith('/') || resolveProjectModule(source, context.physicalFilename)) return;
        const name = packageName(source);
        if (FRAMEWORK.has(name)) return;
        imported.push({ node, source, name, suggest, entry: { specifier: source, names: values.map(importedName) } });
      },
      'Program:exit'() {
        // Measured here, all at once: cold ones in parallel, the file's total among them (it hits when every
        // import bundles, as usual), under one time box in an editor and none on a command line.
        const { physicalFilename: fromFile, cwd } = context;
        const all = imported.length > 1 ? [{ entries: imported.map((p) => p.entry), fromFile, cwd }] : [];
        const costs = importCosts([...imported.map((p) => ({ entries: [p.entry], fromFile, cwd })), ...all], timeoutMs);
        for (const [i, { node, source, name, suggest, entry }] of imported.entries()) {
          const cost = costs[i];
          if (!cost || 'pending' in cost) continue;
          if ('error' in cost) {
            context.report({ node, messageId: 'cannotBundle', data: { source, reason: cost.error } });
            continue;
          }
          measured.push({ node, source, entry, gzip: cost.gzip });
          const budget = budgets.packages[name] ?? budgets.importKb;
          if (cost.gzip <= budget * KB) continue;
          suggest.push(...subpathFix(node, name, sourceCode), ...dynamicFix(node, sourceCode));
          context.report({
            node,
            messageId: 'overImportBudget',
            data: { source, size: kb(cost.gzip), budget: String(budget), hint: hintFor(name, suggest) },
            suggest,
          });
        }
        if (measured.length === 0) return;
        measured.sort((a, b) => a.node.range[0] - b.node.range[0]);
        // Several packages are measured as one bundle, so that what they share counts once; JSON adds up.
        const entries = measured.flatMap((m) => (m.entry ? [m.entry] : []));
        const together = entries.length > 1 ? importCost(entries, context.physicalFilename, context.cwd, timeoutMs) : null;
        const packages =
          entries.length <= 1
            ? measured.find((m) => m.entry)?.gzip ?? 0
            : together && 'gzip' in together
              ? together.gzip
              : null;
        if (packages === null) return;
        const gzip = packages + measured.reduce((sum, m) => sum + (m.entry ? 0 : m.gzip), 0);
        if (gzip <= budgets.fileKb * KB) return;
        const largest = [...measured]
          .sort((a, b) => b.gzip - a.gzip)
          .slice(0, 3)
          .map((m) => `\`${m.source}\` ${kb(m.gzip)} kB`)
          .join(', ');
        context.report({
          node: measured[0]!.node,
          messageId: 'overFileBudget',
          data: { size: kb(gzip), budget: String(budgets.fileKb), largest },
        });
      },
    };
  },
});

// A JSON file is inlined whole into the bundle of every page that imports it.
const JSON_HINT = ' Fetch it at run time, or `import()` it where it is used.';

function hintFor(name: string, suggest: TSESLint.ReportSuggestionArray<MessageIds>): string {
  const alternative = LIGHTER_ALTERNATIVES[name];
  const dynamic = suggest.some((s) => s.messageId === 'useDynamic');
  if (!alternative && !dynamic) return ' Import less of it, or load it on demand with `next/dynamic`.';
  return `${alternative ? ` Lighter: ${alternative}.` : ''}${dynamic ? ' Or load it on demand with `next/dynamic`.' : ''}`;
}

/**
 * `import { debounce } from "lodash"` → `import debounce from "lodash/debounce"`; also `import _ from
 * "lodash"` when `_` is only read as `_.name`, whose reads become the per-function imports.
 */
function subpathFix(
  node: TSESTree.ImportDeclaration,
  name: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportSuggestionArray<MessageIds> {
  if (!PER_FUNCTION_SUBPATHS.has(name) || node.source.value !== name || node.specifiers.length === 0) return [];
  const imports = new Map<string, string>(); // local name → function
  const edits: Array<{ node: TSESTree.Node; text: string }> = [];
  for (const s of node.specifiers) {
    if (s.type === T.ImportSpecifier) {
      imports.set(s.local.name, importedName(s));
      continue;
    }
    const variable = sourceCode.getDeclaredVariables(s)[0];
    const scope = sourceCode.getScope(node);
    for (const reference of variable?.references ?? []) {
      const member = reference.identifier.parent;
      if (member?.type !== T.MemberExpression || member.object !== reference.identifier || member.computed) return [];
      if (member.property.type !== T.Identifier) return [];
      const fn = member.property.name;
      // The function's name becomes a binding of the module: it must be free.
      if (scope.set.has(fn) || scope.through.some((r) => r.identifier.name === fn)) return [];
      imports.set(fn, fn);
      edits.push({ node: member, text: fn });
    }
  }
  if (imports.size === 0) return [];
  const text = [...imports]
    .map(([local, fn]) => `import ${local} from ${JSON.stringify(`${name}/${fn}`)};`)
    .join('\n');
  const example = `\`import ${[...imports][0]![0]} from "${name}/${[...imports][0]![1]}"\``;
  return [
    {
      messageId: 'useSubpaths',
      data: { example },
      fix: (fixer) => [fixer.replaceText(node, text), ...edits.map((e) => fixer.replaceText(e.node, e.text))],
    },
  ];
}

/** A component used only as a JSX element: `const Chart = dynamic(() => import("pkg"))`. */
function dynamicFix(
  node: TSESTree.ImportDeclaration,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportSuggestionArray<MessageIds> {
  if (node.specifiers.length !== 1) return [];
  const [s] = node.specifiers as [TSESTree.ImportClause];
  if (s.type === T.ImportNamespaceSpecifier) return [];
  const references = sourceCode.getDeclaredVariables(s)[0]?.references ?? [];
  const inJsx = (r: TSESLint.Scope.Reference) =>
    r.identifier.parent?.type === T.JSXOpeningElement || r.identifier.parent?.type === T.JSXClosingElement;
  if (references.length === 0 || !references.every(inJsx)) return [];
  const program = sourceCode.ast;
  const hasDynamic = program.body.some(
    (d) => d.type === T.ImportDeclaration && d.source.value === 'next/dynamic' && d.specifiers.some((x) => x.local.name === 'dynamic'),
  );
  if (!hasDynamic && (sourceCode.getScope(node).set.has('dynamic'))) return [];
  const source = JSON.stringify(node.source.value);
  const loader =
    s.type === T.ImportDefaultSpecifier ? `import(${source})` : `import(${source}).then((m) => m.${importedName(s)})`;
  const lastImport = program.body.filter((d) => d.type === T.ImportDeclaration).at(-1)!;
  const declaration = `const ${s.local.name} = dynamic(() => ${loader});`;
  return [
    {
      messageId: 'useDynamic',
      data: { name: s.local.name },
      fix: (fixer) =>
        lastImport === node
          ? fixer.replaceText(node, `${hasDynamic ? '' : 'import dynamic from "next/dynamic";\n'}\n${declaration}`)
          : [
              hasDynamic ? fixer.remove(node) : fixer.replaceText(node, 'import dynamic from "next/dynamic";'),
              fixer.insertTextAfter(lastImport, `\n\n${declaration}`),
            ],
    },
  ];
}
