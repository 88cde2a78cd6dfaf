import path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { MODES, PROJECT, dedent, type Mode } from '../test/support/harness.js';
import { filenameFor, ruleTester } from '../test/support/rule-tester.js';
import rule, { type MessageIds, type Options } from './prefer-type-imports.js';
type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageIds, Options>;

const M = '"./lib/models.js"';
const typeOnly = (names: string, source = './lib/models.js') => {
  const count = names.split(',').length;
  return {
    messageId: 'typeOnlyImport' as const,
    data: {
      names,
      source,
      verb: count === 1 ? 'is' : 'are',
      types: count === 1 ? 'a type' : 'types',
    },
  };
};

/** Cases that read and fix the same with and without type information. */
const invalid: Invalid[] = [
  {
    name: 'named imports used only as types become one `import type`',
    code: dedent`
      import { User, UserId } from ${M};
      export const id = (u: User): UserId => u.id;
    `,
    output: dedent`
      import type { User, UserId } from ${M};
      export const id = (u: User): UserId => u.id;
    `,
    errors: [typeOnly('`User`, `UserId`')],
  },
  {
    name: 'a default import used only as a type',
    code: `import Service from ${M};\nexport let s: Service | undefined;`,
    output: `import type Service from ${M};\nexport let s: Service | undefined;`,
    errors: [typeOnly('`Service`')],
  },
  {
    name: 'a namespace import used only in qualified type names',
    code: `import * as models from ${M};\nexport let u: models.User | models.UserId;`,
    output: `import type * as models from ${M};\nexport let u: models.User | models.UserId;`,
    errors: [typeOnly('`models`')],
  },
  {
    name: '`typeof X` in a type position is a type use',
    code: `import { VERSION, format } from ${M};\nexport type Version = typeof VERSION;\nexport type Format = typeof format;`,
    output: `import type { VERSION, format } from ${M};\nexport type Version = typeof VERSION;\nexport type Format = typeof format;`,
    errors: [typeOnly('`VERSION`, `format`')],
  },
  {
    name: 'a mixed declaration is fixed inline by default',
    code: `import { User, format } from ${M};\nexport const f = (u: User) => format(u);`,
    output: `import { type User, format } from ${M};\nexport const f = (u: User) => format(u);`,
    errors: [typeOnly('`User`')],
  },
  {
    name: 'a mixed declaration with fixStyle separate-type-imports',
    code: `import { User, format, UserId } from ${M};\nexport const f = (u: User, id: UserId) => format(u) + id;`,
    output: `import type { User, UserId } from ${M};\nimport { format } from ${M};\nexport const f = (u: User, id: UserId) => format(u) + id;`,
    options: [{ fixStyle: 'separate-type-imports' }],
    errors: [typeOnly('`User`, `UserId`')],
  },
  {
    name: 'types join an existing `import type` from the module: no duplicate declaration',
    code: `import type { UserId } from ${M};\nimport { User } from ${M};\nexport const f = (u: User, id: UserId) => u.id === id;`,
    output: `import type { UserId, User } from ${M};\nexport const f = (u: User, id: UserId) => u.id === id;`,
    errors: [typeOnly('`User`')],
  },
  {
    name: 'separated types also join an existing `import type`',
    code: `import { User, format } from ${M};\nimport type { UserId } from ${M};\nexport const f = (u: User, id: UserId) => format(u) + id;`,
    output: `import { format } from ${M};\nimport type { UserId, User } from ${M};\nexport const f = (u: User, id: UserId) => format(u) + id;`,
    options: [{ fixStyle: 'separate-type-imports' }],
    errors: [typeOnly('`User`')],
  },
  {
    name: 'a type-only default with type-only named imports: two declarations, as TypeScript requires',
    code: `import Service, { User } from ${M};\nexport let s: [Service, User] | undefined;`,
    output: `import type { User } from ${M};\nimport type Service from ${M};\nexport let s: [Service, User] | undefined;`,
    errors: [typeOnly('`Service`, `User`')],
  },
  {
    name: 'a type-only default next to value named imports gets its own declaration',
    code: `import Service, { format } from ${M};\nexport const f = (s: Service) => format({ id: 1, name: String(s) });`,
    output: `import type Service from ${M};\nimport { format } from ${M};\nexport const f = (s: Service) => format({ id: 1, name: String(s) });`,
    errors: [typeOnly('`Service`')],
  },
  {
    name: 'inline `type` modifiers are dropped when the declaration becomes `import type`',
    code: `import { type User, UserId } from ${M};\nexport let u: User | UserId;`,
    output: `import type { User, UserId } from ${M};\nexport let u: User | UserId;`,
    errors: [typeOnly('`UserId`')],
  },
  {
    name: 'comments are kept',
    code: `import { format, /* the row */ User } from ${M}; // models\nexport const f = (u: User) => format(u);`,
    output: `import type { User } from ${M};\nimport { format/* the row */  } from ${M}; // models\nexport const f = (u: User) => format(u);`,
    options: [{ fixStyle: 'separate-type-imports' }],
    errors: [typeOnly('`User`')],
  },
  {
    name: 'a parameter that shadows the import is another binding',
    code: `import { User } from ${M};\nexport function f(User: number) { return User; }\nexport let u: User;`,
    output: `import type { User } from ${M};\nexport function f(User: number) { return User; }\nexport let u: User;`,
    errors: [typeOnly('`User`')],
  },
  {
    name: 'an enum used only as a type (`Role.Admin` in a type is a qualified name)',
    code: `import { Role } from ${M};\nexport let r: Role.Admin | undefined;`,
    output: `import type { Role } from ${M};\nexport let r: Role.Admin | undefined;`,
    errors: [typeOnly('`Role`')],
  },
  {
    name: 'an import with attributes is reported without a fix (attributes cannot go on `import type`)',
    code: `import { User } from ${M} with { type: "ts" };\nexport let u: User;`,
    errors: [typeOnly('`User`')],
  },
  {
    name: 'a re-export of an `import type` binding becomes `export type`',
    code: `import type { User } from ${M};\nexport { User };`,
    output: `import type { User } from ${M};\nexport type { User };`,
    errors: [{ messageId: 'typeOnlyExport', data: { names: '`User`', verb: 'is', types: 'a type' } }],
  },
  {
    name: 'a re-export of a local interface next to a value: inline `type`',
    code: `interface Row { id: number }\nconst limit = 20;\nexport { Row, limit };`,
    output: `interface Row { id: number }\nconst limit = 20;\nexport { type Row, limit };`,
    errors: [{ messageId: 'typeOnlyExport', data: { names: '`Row`', verb: 'is', types: 'a type' } }],
  },
];

const valid: Valid[] = [
  { name: 'a value use', code: `import { format } from ${M};\nexport const f = format;` },
  { name: 'used as a value and as a type', code: `import { Post } from ${M};\nexport const p: Post = new Post(1);` },
  { name: 'already `import type`', code: `import type { User } from ${M};\nexport let u: User;` },
  { name: 'already inline', code: `import { type User, format } from ${M};\nexport const f = (u: User) => format(u);` },
  { name: 'a side-effect import', code: `import ${M};` },
  { name: 'an unused import is left to no-unused-vars', code: `import { User } from ${M};` },

  // Not `file.tsx`: beside `file.ts`, TypeScript would leave it out of the project.
  { name: 'JSX use is a value use', code: `import Service from ${M};\nexport const el = <Service />;`, filename: 'view.tsx' },
  {
    name: 'JSX member use is a value use',
    code: `import * as models from ${M};\nexport const el = <models.default />;`,
    filename: 'view.tsx',
  },
  { name: 'an enum member read as a value', code: `import { Role } from ${M};\nexport const admin = Role.Admin;` },
];

const CLIENT = 'apps/web/src/components/feed.tsx';
const server = (names: string, source: string, reason: string) => ({
  messageId: 'serverCodeInClient' as const,
  data: { names, source, verb: 'is', types: 'a type', reason },
});

/** A client component that takes its router type from the API app and a type from the db module. */
const clientCases: Invalid[] = [
  {
    name: 'escalates a type-only value import of the API router in a client file',
    code: dedent`
      "use client";
      import { AppRouter } from "../../../api/src/router.js";
      export let router: AppRouter | undefined;
    `,
    output: dedent`
      "use client";
      import type { AppRouter } from "../../../api/src/router.js";
      export let router: AppRouter | undefined;
    `,
    errors: [server('`AppRouter`', '../../../api/src/router.js', 'imports `@trpc/server`')],
  },
  {
    name: 'escalates a module that reaches drizzle-orm',
    code: dedent`
      "use client";
      import { Database } from "../../../../lib/db.js";
      export let db: Database | undefined;
    `,
    output: dedent`
      "use client";
      import type { Database } from "../../../../lib/db.js";
      export let db: Database | undefined;
    `,
    errors: [server('`Database`', '../../../../lib/db.js', 'imports `drizzle-orm`')],
  },
  {
    name: 'onlyServerCode keeps the escalation',
    code: `"use client";\nimport { AppRouter } from "../../../api/src/router.js";\nexport let r: AppRouter | undefined;`,
    output: `"use client";\nimport type { AppRouter } from "../../../api/src/router.js";\nexport let r: AppRouter | undefined;`,
    options: [{ onlyServerCode: true }],
    errors: [server('`AppRouter`', '../../../api/src/router.js', 'imports `@trpc/server`')],
  },
];
const clientValid: Valid[] = [
  {
    name: 'onlyServerCode leaves other type-only imports to the style rule',
    code: `"use client";\nimport { User } from "../../../../lib/models.js";\nexport let u: User | undefined;`,
    options: [{ onlyServerCode: true }],
  },
];

/** Without types the rule reads compiler options from its options; typed, from the tsconfig. */
const untypedOnly: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [
    {
      name: 'decorator metadata makes the parameter types of a decorated method values',
      code: dedent`
        import { User } from ${M};
        declare const Log: MethodDecorator;
        export class Controller {
          @Log
          handle(user: User) { return user.id; }
        }
      `,
      options: [{ emitDecoratorMetadata: true }],
    },
    {
      name: 'decorator metadata: constructor parameters of a decorated class',
      code: dedent`
        import Service from ${M};
        declare const Injectable: ClassDecorator;
        @Injectable
        export class Controller {
          constructor(private readonly service: Service) {}
        }
      `,
      options: [{ emitDecoratorMetadata: true }],
    },
    {
      name: 're-exports of imported bindings are unknown without types',
      code: `import { User } from ${M};\nexport { User };`,
    },
  ],
  invalid: [
    {
      name: 'decorator metadata: types in generic arguments and undecorated members are still types',
      code: dedent`
        import { User, UserId } from ${M};
        declare const Log: MethodDecorator;
        export class Controller {
          @Log
          handle(users: Array<User>) { return users.length; }
          plain(id: UserId) { return id; }
        }
      `,
      output: dedent`
        import type { User, UserId } from ${M};
        declare const Log: MethodDecorator;
        export class Controller {
          @Log
          handle(users: Array<User>) { return users.length; }
          plain(id: UserId) { return id; }
        }
      `,
      options: [{ emitDecoratorMetadata: true }],
      errors: [typeOnly('`User`, `UserId`')],
    },
    {
      name: 'verbatimModuleSyntax: a declaration of inline types only still loads the module',
      code: `import { type User, type UserId } from ${M};\nexport let u: User | UserId;`,
      output: `import type { User, UserId } from ${M};\nexport let u: User | UserId;`,
      options: [{ verbatimModuleSyntax: true }],
      errors: [{ messageId: 'sideEffectImport', data: { source: './lib/models.js' } }],
    },
  ],
};

/** The checker knows what a re-exported import is. */
const typedOnly: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [
    { name: 'a re-exported class is a value', code: `import { Post } from ${M};\nexport { Post };` },
    { name: 'a re-export from a module of values', code: `export { format, VERSION } from ${M};` },
  ],
  invalid: [
    {
      name: 'a re-exported interface: both the import and the export become type-only',
      code: `import { User } from ${M};\nexport { User };`,
      output: `import type { User } from ${M};\nexport type { User };`,
      errors: [typeOnly('`User`'), { messageId: 'typeOnlyExport', data: { names: '`User`', verb: 'is', types: 'a type' } }],
    },
    {
      name: '`export { … } from` with types and values',
      code: `export { User, format } from ${M};`,
      output: `export { type User, format } from ${M};`,
      errors: [{ messageId: 'typeOnlyExport', data: { names: '`User`', verb: 'is', types: 'a type' } }],
    },
    {
      name: 'without emitDecoratorMetadata in the tsconfig, decorated members are plain types',
      code: dedent`
        import { User } from ${M};
        declare const Log: MethodDecorator;
        export class Controller {
          @Log
          handle(user: User) { return user.id; }
        }
      `,
      output: dedent`
        import type { User } from ${M};
        declare const Log: MethodDecorator;
        export class Controller {
          @Log
          handle(user: User) { return user.id; }
        }
      `,
      options: [{ emitDecoratorMetadata: true }],
      errors: [typeOnly('`User`')],
    },
  ],
};

const filenameOf = (mode: Mode, name: string | undefined) =>
  name === undefined ? filenameFor(mode) : mode === 'typed' ? name : path.join(PROJECT, name);

for (const mode of MODES) {
  const extra = mode === 'typed' ? typedOnly : untypedOnly;
  const at = <T extends { filename?: string }>(cases: T[], name?: string): T[] =>
    cases.map((c) => ({ ...c, filename: filenameOf(mode, c.filename ?? name) }));
  ruleTester(mode).run(`prefer-type-imports (${mode})`, rule, {
    valid: [...at(valid), ...at(clientValid, CLIENT), ...at(extra.valid)],
    invalid: [...at(invalid), ...at(clientCases, CLIENT), ...at(extra.invalid)],
  });
}
