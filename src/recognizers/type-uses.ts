import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { FileContext } from './analysis-types.js';

/** What these recognizers read: the file's scopes, and the checker when linting with types. */
export type TypedSource = Pick<FileContext, 'context' | 'types'>;

/**
 * How a binding is used: only in type positions (`type`), at least once as a runtime value (`value`), or not
 * at all (`unused`, left to `no-unused-vars`).
 */
export type BindingUse = 'type' | 'value' | 'unused';

export interface TypeUseOptions {
  /**
   * `experimentalDecorators` + `emitDecoratorMetadata`: TypeScript then emits the annotated types of
   * decorated members as runtime values (`design:paramtypes`), so those annotations are value uses.
   */
  decoratorMetadata: boolean;
}

/** The compiler options that change what a type-only use is, from the program when linting with types. */
export function typeUseOptions(
  file: TypedSource,
  fallback: { emitDecoratorMetadata?: boolean; verbatimModuleSyntax?: boolean },
): TypeUseOptions & { verbatimModuleSyntax: boolean } {
  const compilerOptions = file.types?.program.getCompilerOptions();
  if (!compilerOptions) {
    return {
      decoratorMetadata: fallback.emitDecoratorMetadata ?? false,
      verbatimModuleSyntax: fallback.verbatimModuleSyntax ?? false,
    };
  }
  return {
    decoratorMetadata: Boolean(compilerOptions.experimentalDecorators && compilerOptions.emitDecoratorMetadata),
    verbatimModuleSyntax: Boolean(compilerOptions.verbatimModuleSyntax),
  };
}

/**
 * How the binding declared by an import specifier is used in the file. A re-export (`export { X }`,
 * `export default X`) is a type use only when the binding is known to be a type: typed, when the checker
 * says the imported symbol has no value meaning; untyped, never (it could be a class).
 */
export function importBindingUse(
  specifier: TSESTree.ImportClause,
  file: TypedSource,
  options: TypeUseOptions,
): BindingUse {
  const variable = file.context.sourceCode.getDeclaredVariables(specifier)[0];
  if (!variable || variable.references.length === 0) return 'unused';
  for (const reference of variable.references) {
    if (isReExport(reference)) {
      if (!isTypeOnlySymbol(specifier.local, file)) return 'value';
    } else if (!isTypeUse(reference, options)) {
      return 'value';
    }
  }
  return 'type';
}

/**
 * Is the exported binding a type only? Untyped, a local interface, type alias or `import type` binding is;
 * typed, the checker also resolves imports and `export { X } from` re-exports.
 */
export function isTypeOnlyBinding(identifier: TSESTree.Identifier, file: TypedSource, reExport: boolean): boolean {
  // Syntax answers for local types and `import type` bindings; the checker only for the rest.
  if (!reExport && isDeclaredTypeOnly(identifier, file)) return true;
  return file.types ? isTypeOnlySymbol(identifier, file) : false;
}

function isDeclaredTypeOnly(identifier: TSESTree.Identifier, file: TypedSource): boolean {
  const variable = file.context.sourceCode.getScope(identifier).set.get(identifier.name);
  if (!variable || variable.defs.length === 0) return false;
  return variable.defs.every(
    (def) =>
      def.type === 'Type' ||
      (def.type === 'ImportBinding' &&
        ((def.parent?.type === T.ImportDeclaration && def.parent.importKind === 'type') ||
          (def.node.type === T.ImportSpecifier && def.node.importKind === 'type'))),
  );
}

/** Does the identifier name something with no runtime value (an interface, a type alias, a type-only import)? */
export function isTypeOnlySymbol(identifier: TSESTree.Identifier, file: TypedSource): boolean {
  const types = file.types;
  const tsNode = types?.toTs(identifier);
  if (!types || !tsNode) return false;
  let symbol = types.checker.getSymbolAtLocation(tsNode);
  if (!symbol) return false;
  const ALIAS = 2097152; // ts.SymbolFlags.Alias
  const VALUE = 111551; // ts.SymbolFlags.Value
  if (symbol.flags & ALIAS) {
    // An alias written `import type` has no value even if its target has one.
    if (symbol.declarations?.some(isWrittenTypeOnly)) return true;
    symbol = types.checker.getAliasedSymbol(symbol);
  }
  // An unresolved import (`unknown` symbol) has every flag set and so counts as a value.
  return (symbol.flags & VALUE) === 0;
}

// `import type { X }`, `import { type X }`, `export type { X }`: the flag sits on the specifier or its clause.
function isWrittenTypeOnly(declaration: ts.Node): boolean {
  for (let node: ts.Node | undefined = declaration, depth = 0; node && depth < 3; node = node.parent, depth++) {
    if ((node as { isTypeOnly?: boolean }).isTypeOnly) return true;
  }
  return false;
}

// `export { X }`, `export default X`, `export = X`; `export type { X }` is a plain type use.
function isReExport(reference: TSESLint.Scope.Reference): boolean {
  const parent = reference.identifier.parent;
  if (parent?.type === T.ExportSpecifier) return parent.exportKind !== 'type' && parent.parent.exportKind !== 'type';
  return parent?.type === T.ExportDefaultDeclaration || parent?.type === T.TSExportAssignment;
}

/** A reference that needs no runtime value: a type position, `typeof X` in a type, a key of a type literal. */
export function isTypeUse(reference: TSESLint.Scope.Reference, options: TypeUseOptions): boolean {
  const identifier = reference.identifier as TSESTree.Node;
  if (reference.isValueReference) return isValueNameInTypePosition(identifier);
  if (!reference.isTypeReference) return false;
  return !(options.decoratorMetadata && isEmittedAsMetadata(identifier));
}

// `typeof X`, `typeof X.y`, `{ [X]: T }` in a type: the scope manager calls these value references, yet they
// are erased like any type.
function isValueNameInTypePosition(identifier: TSESTree.Node): boolean {
  let child = identifier;
  let parent = identifier.parent;
  while (parent) {
    switch (parent.type) {
      case T.TSTypeQuery:
        return true;
      case T.TSQualifiedName:
        if (parent.left !== child) return false;
        break;
      case T.MemberExpression:
        if (parent.object !== child) return false;
        break;
      case T.TSPropertySignature:
        return parent.key === child;
      default:
        return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * Is this type reference serialized by `emitDecoratorMetadata`? TypeScript emits the annotation of a
 * decorated property or accessor, the parameter and return types of a decorated method, and the constructor
 * parameter types of a decorated class (or of a constructor with decorated parameters). Only the type's
 * name is emitted (also through `T | null`), never type arguments.
 */
function isEmittedAsMetadata(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  while (node.parent?.type === T.TSQualifiedName) node = node.parent;
  if (node.parent?.type !== T.TSTypeReference || node.parent.typeName !== node) return false;
  node = node.parent;
  while (node.parent?.type === T.TSUnionType) node = node.parent;
  const annotation = node.parent;
  if (annotation?.type !== T.TSTypeAnnotation) return false;
  const owner = annotation.parent;
  switch (owner?.type) {
    case T.PropertyDefinition:
    case T.AccessorProperty:
      return owner.decorators.length > 0;
    case T.FunctionExpression:
      return owner.returnType === annotation && isDecoratedMethod(owner);
    default:
      return isDecoratedParameter(owner);
  }
}

function isDecoratedMethod(fn: TSESTree.FunctionExpression): boolean {
  const method = fn.parent;
  if (method?.type !== T.MethodDefinition) return false;
  if (method.decorators.length > 0) return true;
  if (fn.params.some((p) => p.decorators.length > 0)) return true;
  const owner = method.parent.parent;
  return method.kind === 'constructor' && (owner.type === T.ClassDeclaration || owner.type === T.ClassExpression)
    ? owner.decorators.length > 0
    : false;
}

function isDecoratedParameter(node: TSESTree.Node | undefined): boolean {
  let param = node;
  if (param?.parent?.type === T.AssignmentPattern) param = param.parent;
  if (param?.parent?.type === T.TSParameterProperty) param = param.parent;
  const fn = param?.parent;
  if (fn?.type !== T.FunctionExpression || !fn.params.includes(param as TSESTree.Parameter)) return false;
  return isDecoratedMethod(fn);
}
