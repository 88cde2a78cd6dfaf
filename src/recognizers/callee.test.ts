import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, PROJECT, dedent, probe, type Mode } from '../../test/support/harness.js';
import { resolveCallee } from './callee.js';

/** `name → file:line` (from the fixture project) of the function each call of `code` runs, for calls that resolve. */
const callees = (code: string, mode: Mode, at: { filename?: string; cwd?: string } = {}) =>
  probe(code, mode, {
    on: 'CallExpression',
    run(node, file) {
      const target = resolveCallee(node as TSESTree.CallExpression, file);
      if (!target) return null;
      // Modules read from disk are parsed without locations: the line is counted from the text.
      const line = target.file.context.sourceCode.text.slice(0, target.fn.range[0]).split('\n').length;
      return `${target.name} → ${path.relative(PROJECT, target.file.context.physicalFilename)}:${line}`;
    },
  }, at).map((line) => line.replace(/^\d+: /, ''));

describe.for(MODES)('resolveCallee (%s)', (mode) => {
  it.for([
    ['a local function', 'function helper() { return 1; }\nexport const f = () => helper();', 'helper → file.ts:1'],
    ['a local arrow', 'const helper = async (id: number) => id;\nexport const f = () => helper(1);', 'helper → file.ts:1'],
    ['a method of a local object literal (`as const`)', 'const repo = { find: async (id: number) => id } as const;\nexport const f = () => repo.find(1);', 'repo.find → file.ts:1'],
    ['a method of the enclosing class', 'export class Feed {\n  load() { return 1; }\n  run() { return this.load(); }\n}', 'this.load → file.ts:2'],
    ['a function of a relative module', 'import { getAuthor } from "./lib/users.js";\nexport const f = () => getAuthor(1);', 'getAuthor → lib/users.ts:5'],
    ['an arrow of a module through a tsconfig alias', 'import { getAuthorsByIds } from "~/users.js";\nexport const f = () => getAuthorsByIds([1]);', 'getAuthorsByIds → lib/users.ts:9'],
    ['a re-export under another name (`export { getAuthor as loadAuthor } from`)', 'import { loadAuthor } from "./lib/services.js";\nexport const f = () => loadAuthor(1);', 'loadAuthor → lib/users.ts:5'],
    ['an `export *` of a barrel', 'import { formatName } from "./lib/services.js";\nexport const f = () => formatName(" a ");', 'formatName → lib/users.ts:21'],
    ['a member of a namespace import', 'import * as users from "./lib/users.js";\nexport const f = () => users.getProfile(1);', 'users.getProfile → lib/users.ts:11'],
    ['a method of an imported object literal', 'import { userService } from "./lib/users.js";\nexport const f = () => userService.byId(1);', 'userService.byId → lib/users.ts:26'],
    ['a default export', 'import countPosts from "./lib/users.js";\nexport const f = () => countPosts(1);', 'countPosts → lib/users.ts:40'],
  ] as const)('%s', ([, code, expected]) => {
    expect(callees(code, mode)).toEqual([expected]);
  });

  it.for([
    ['a library function', 'import { eq } from "drizzle-orm";\nimport { users } from "./lib/schema.js";\nexport const f = () => eq(users.id, 1);'],
    ['a function passed as a value', 'export const f = (load: (id: number) => unknown) => load(1);'],
    ['a computed member (dynamic dispatch)', 'const handlers: Record<string, () => number> = { a: () => 1 };\nexport const f = (name: string) => handlers[name]!();'],
    ['an export that is not a function', 'import { VERSION } from "./lib/models.js";\nexport const f = () => (VERSION as unknown as () => void)();'],
    ['a global', 'export const f = () => Math.max(1, 2);'],
  ] as const)('resolves nothing for %s', ([, code]) => {
    expect(callees(code, mode)).toEqual([]);
  });
});

describe('resolveCallee, typed only', () => {
  it('finds the method of an instance passed in, through the checker', () => {
    const code = dedent`
      import type { UserRepository } from "./lib/users.js";
      export const f = (repository: UserRepository) => repository.find(1);
    `;
    expect(callees(code, 'untyped')).toEqual([]);
    expect(callees(code, 'typed')).toEqual(['repository.find → lib/users.ts:35']);
  });
});

describe('resolveCallee in a monorepo (untyped: the fixture app is not the test project)', () => {
  it('finds a function of a workspace package', () => {
    const app = path.resolve(import.meta.dirname, '../../fixtures/socialhub');
    const filename = path.relative(PROJECT, path.join(app, 'apps/api/src/services/callee.case.ts'));
    const code = 'import { formatHandle } from "@socialhub/db";\nexport const f = () => formatHandle("a");';
    const definedIn = path.relative(PROJECT, path.join(app, 'packages/db/src/index.ts'));
    expect(callees(code, 'untyped', { filename, cwd: app })).toEqual([`formatHandle → ${definedIn}:5`]);
  });
});
