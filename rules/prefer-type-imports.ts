import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { fixTypeExports, fixTypeImports, type FixStyle } from '../src/fixes/type-imports.js';
import { recognizeClientFile } from '../src/recognizers/client-file.js';
import { getOptionalTypes } from '../src/recognizers/types.js';
import { getSettings } from '../src/settings.js';
import { recognizeServerModule } from '../src/recognizers/server-module.js';
import { importBindingUse, isTypeOnlyBinding, typeUseOptions, type TypedSource, type TypeUseOptions } from '../src/recognizers/type-uses.js';

export type Options = [
  {
    fixStyle?: FixStyle | 'auto';
    onlyServerCode?: boolean;
    emitDecoratorMetadata?: boolean;
    verbatimModuleSyntax?: boolean;
  },
];
export type MessageIds = 'typeOnlyImport' | 'serverCodeInClient' | 'sideEffectImport' | 'typeOnlyExport';

// Written once: ESLint reads `meta.defaultOptions`, typescript-eslint's creator the top-level copy.
const DEFAULTS: Options[0] = { fixStyle: 'auto', onlyServerCode: false, emitDecoratorMetadata: false, verbatimModuleSyntax: false };

export default createRule<Options, MessageIds>({
  name: 'prefer-type-imports',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `import type` for imports used only as types, above all for server code imported into client files',
      recommended: true,
      howToFix: {
        hint: 'Import what is used only as a type with `import type`, so no runtime import (and no server code) is kept.',
        fixedBy: 'npx eslint --fix (autofix)',
      },
    },
    fixable: 'code',
    schema: [
      {
        type: 'object',
        properties: {
          fixStyle: {
            type: 'string',
            enum: ['auto', 'inline-type-imports', 'separate-type-imports'],
            description:
              'How mixed declarations are fixed: `type` before each type (`inline-type-imports`) or a separate `import type` (`separate-type-imports`). `auto` inlines. A declaration of types only always becomes `import type`.',
          },
          onlyServerCode: {
            type: 'boolean',
            description:
              'Report only type-only imports of server code into client files (when another rule enforces the style).',
          },
          emitDecoratorMetadata: {
            type: 'boolean',
            description:
              'Untyped linting: the project compiles with `experimentalDecorators` and `emitDecoratorMetadata`. Typed linting reads the tsconfig.',
          },
          verbatimModuleSyntax: {
            type: 'boolean',
            description: 'Untyped linting: the project compiles with `verbatimModuleSyntax`. Typed linting reads the tsconfig.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULTS],
    messages: {
      typeOnlyImport: '{{names}} from `{{source}}` {{verb}} only used as {{types}}: write `import type` so that every compiler drops the import.',
      serverCodeInClient:
        '{{names}} from `{{source}}` {{verb}} only {{types}}, but this import of server code (it {{reason}}) can reach the browser. Use `import type`.',
      sideEffectImport:
        'Every specifier is `type`, so under `verbatimModuleSyntax` this import still loads `{{source}}` at runtime. Write `import type { … }`.',
      typeOnlyExport: '{{names}} {{verb}} only {{types}}: re-export with `export type` so the export is erased (`isolatedModules` needs it).',
    },
  },
  defaultOptions: [DEFAULTS],
  create(context, [options]) {
    const typed = { context, types: getOptionalTypes(context) };
    const uses = typeUseOptions(typed, options);
    const style: FixStyle = options.fixStyle === 'separate-type-imports' ? 'separate-type-imports' : 'inline-type-imports';
    const { sourceCode } = context;
    // Settings and the client check are only needed once an import is reported, and the client check (which
    // works out the client modules of the whole app) only once the import is server code.
    const settings = () => getSettings(context);
    let client: boolean | undefined;
    const isClient = () => (client ??= recognizeClientFile({ context, settings: settings() }) !== null);
    // Import attributes (`with { type: "json" }`) cannot be written on a type-only import.
    const importFix = (node: TSESTree.ImportDeclaration, types: ReadonlySet<TSESTree.ImportClause>) =>
      node.attributes.length === 0 ? (fixer: Parameters<typeof fixTypeImports>[0]) => fixTypeImports(fixer, sourceCode, node, types, style) : null;

    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || node.specifiers.length === 0) return;
        const types = typeOnlySpecifiers(node, typed, uses);
        const source = node.source.value;
        if (types.size === 0) {
          const allInline = node.specifiers.every((s) => s.type === T.ImportSpecifier && s.importKind === 'type');
          if (allInline && uses.verbatimModuleSyntax && !options.onlyServerCode) {
            context.report({ node, messageId: 'sideEffectImport', data: { source }, fix: importFix(node, types) });
          }
          return;
        }
        const serverModule = recognizeServerModule(source, context.physicalFilename, settings(), context.cwd);
        const server = serverModule && isClient() ? serverModule : null;
        if (!server && options.onlyServerCode) return;
        context.report({
          node,
          messageId: server ? 'serverCodeInClient' : 'typeOnlyImport',
          data: { ...namesData([...types].map((s) => s.local.name)), source, reason: server?.reason ?? '' },
          fix: importFix(node, types),
        });
      },
      ExportNamedDeclaration(node) {
        if (node.exportKind === 'type' || node.declaration || options.onlyServerCode) return;
        const types = new Set(
          node.specifiers.filter((s) => s.exportKind !== 'type' && s.local.type === T.Identifier && isTypeOnlyBinding(s.local, typed, node.source !== null)),
        );
        if (types.size === 0) return;
        context.report({
          node,
          messageId: 'typeOnlyExport',
          data: namesData([...types].map((s) => sourceCode.getText(s.local))),
          fix: node.attributes.length === 0 ? (fixer) => fixTypeExports(fixer, sourceCode, node, types, style) : null,
        });
      },
    };
  },
});

/** The specifiers written without `type` whose bindings are only used as types (an empty set is shared). */
function typeOnlySpecifiers(node: TSESTree.ImportDeclaration, typed: TypedSource, uses: TypeUseOptions): ReadonlySet<TSESTree.ImportClause> {
  // Most imports are values: a plain loop, and a set only once a type-only binding shows up.
  let types: Set<TSESTree.ImportClause> | undefined;
  for (const s of node.specifiers) {
    if (!(s.type === T.ImportSpecifier && s.importKind === 'type') && importBindingUse(s, typed, uses) === 'type') (types ??= new Set()).add(s);
  }
  return types ?? NONE;
}

const NONE: ReadonlySet<TSESTree.ImportClause> = new Set();

/** `\`A\`, \`B\` are types`: the message words for one name or several. */
function namesData(names: string[]) {
  const one = names.length === 1;
  return {
    names: names.map((n) => `\`${n}\``).join(', '),
    verb: one ? 'is' : 'are',
    types: one ? 'a type' : 'types',
  };
}
