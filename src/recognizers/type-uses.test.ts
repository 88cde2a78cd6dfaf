import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { importBindingUse, isTypeOnlyBinding, typeUseOptions } from './type-uses.js';

const MODELS = 'import { User, UserId, Post, Role, VERSION, format } from "./lib/models.js";\n';

/** `name: use` for each binding of the file's value imports, as `importBindingUse` sees it. */
const uses = (body: string, mode: Mode, fallback: { emitDecoratorMetadata?: boolean } = {}) =>
  probe(`${MODELS}${body}`, mode, {
    on: 'ImportDeclaration',
    run(node, file) {
      const options = typeUseOptions(file, fallback);
      return (node as TSESTree.ImportDeclaration).specifiers.map((s) => `${s.local.name}: ${importBindingUse(s, file, options)}`).join(', ');
    },
  }).map((line) => line.replace(/^\d+: /, ''));

/** The use of one binding of `MODELS` in `body`. */
const useOf = (name: string, body: string, mode: Mode, fallback?: { emitDecoratorMetadata?: boolean }) =>
  uses(body, mode, fallback)[0]!.split(', ').find((entry) => entry.startsWith(`${name}:`))!.split(': ')[1];

describe.for(MODES)('importBindingUse (%s)', (mode) => {
  it.for([
    ['an interface in an annotation', 'User', 'export const f = (u: User) => u.id;', 'type'],
    ['a class only in annotations', 'Post', 'export let latest: Post | undefined;', 'type'],
    ['a class constructed', 'Post', 'export const p = new Post(1);', 'value'],
    ['`typeof` a constant', 'VERSION', 'export type Version = typeof VERSION;', 'type'],
    ['`typeof` a member of an enum', 'Role', 'export type Admin = typeof Role.Admin;', 'type'],
    ['an enum member read at run time', 'Role', 'export const admin = Role.Admin;', 'value'],
    ['a function called', 'format', 'export const name = (u: User) => format(u);', 'value'],
    ['a binding never referenced', 'UserId', 'export const x = 1;', 'unused'],
    ['`export type { X }`', 'User', 'export type { User };', 'type'],
    ['a class re-exported (`export { X }`)', 'Post', 'export { Post };', 'value'],
  ] as const)('%s', ([, name, body, expected]) => {
    expect(useOf(name, body, mode)).toBe(expected);
  });

  it('calls a re-exported interface a type only when the checker says it has no value', () => {
    expect(useOf('User', 'export { User };', mode)).toBe(mode === 'typed' ? 'type' : 'value');
  });
});

// emitDecoratorMetadata serializes the annotations of decorated members; untyped, the rule's option says whether it is on.
describe('importBindingUse with decorator metadata (untyped)', () => {
  const metadata = { emitDecoratorMetadata: true };
  it.for([
    ['the type of a decorated property', 'declare const Column: any;\nexport class Row { @Column() author!: Post; }', 'value'],
    ['a decorated property typed `T | null`', 'declare const Column: any;\nexport class Row { @Column() author!: Post | null; }', 'value'],
    ['a parameter of a decorated method', 'declare const Get: any;\nexport class Api { @Get() find(post: Post) { return post; } }', 'value'],
    ['a constructor parameter of a decorated class', 'declare const Injectable: any;\n@Injectable()\nexport class Service { constructor(private readonly post: Post) {} }', 'value'],
    ['a type argument, which is never emitted', 'declare const Column: any;\nexport class Row { @Column() authors!: Array<Post>; }', 'type'],
    ['a member without a decorator', 'export class Row { author!: Post; }', 'type'],
  ] as const)('%s', ([, body, expected]) => {
    expect(useOf('Post', body, 'untyped', metadata)).toBe(expected);
    expect(useOf('Post', body, 'untyped')).toBe('type');
  });

  it("typed, takes the program's compiler options over the fallback (the fixture project emits no metadata)", () => {
    const body = 'declare const Column: any;\nexport class Row { @Column() author!: Post; }';
    expect(useOf('Post', body, 'typed', metadata)).toBe('type');
  });
});

describe('typeUseOptions', () => {
  const options = (mode: Mode, fallback: { emitDecoratorMetadata?: boolean; verbatimModuleSyntax?: boolean }) =>
    probe('export {};', mode, { on: 'Program', run: (_, file) => JSON.stringify(typeUseOptions(file, fallback)) });
  it('untyped, is the fallback (off when not given)', () => {
    expect(options('untyped', { verbatimModuleSyntax: true })).toEqual(['1: {"decoratorMetadata":false,"verbatimModuleSyntax":true}']);
  });
  it("typed, is the program's", () => {
    expect(options('typed', { emitDecoratorMetadata: true, verbatimModuleSyntax: true })).toEqual([
      '1: {"decoratorMetadata":false,"verbatimModuleSyntax":false}',
    ]);
  });
});

/** `name: type-only?` for each specifier of the file's `export { … }` declarations. */
const exported = (code: string, mode: Mode) =>
  probe(code, mode, {
    on: 'ExportSpecifier',
    run(node, file) {
      const spec = node as TSESTree.ExportSpecifier;
      if (spec.local.type !== T.Identifier) return null;
      const declaration = spec.parent as TSESTree.ExportNamedDeclaration;
      return `${spec.local.name}: ${isTypeOnlyBinding(spec.local, file, declaration.source !== null)}`;
    },
  }).map((line) => line.replace(/^\d+: /, ''));

describe.for(MODES)('isTypeOnlyBinding (%s)', (mode) => {
  it('knows local types and `import type` bindings without the checker', () => {
    const code = dedent`
      import type { Role } from "./lib/models.js";
      import { type UserId } from "./lib/models.js";
      interface Local { id: number }
      type Alias = Local;
      class Kept {}
      export { Local, Alias, Role, UserId, Kept };
    `;
    expect(exported(code, mode)).toEqual(['Local: true', 'Alias: true', 'Role: true', 'UserId: true', 'Kept: false']);
  });

  it('asks the checker, typed, about value imports and `export { X } from` re-exports', () => {
    const code = 'import { User } from "./lib/models.js";\nexport { User };\nexport { UserId, Post } from "./lib/models.js";';
    const typed = mode === 'typed';
    expect(exported(code, mode)).toEqual([`User: ${typed}`, `UserId: ${typed}`, 'Post: false']);
  });
});
