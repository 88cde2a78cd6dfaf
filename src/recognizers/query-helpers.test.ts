import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { MODES, dedent, probe, type Mode } from '../../test/support/harness.js';
import { findDatabasePassedBlind, findQueryThroughHelpers } from './query-helpers.js';

const IMPORTS = 'import { eq } from "drizzle-orm";\nimport { db } from "./lib/db.js";\nimport { users } from "./lib/schema.js";\n';

/** `helper → helper: query` for each call of `body` that runs a query through helpers, `maxDepth` deep. */
const throughHelpers = (body: string, mode: Mode, maxDepth = 3) =>
  probe(`${IMPORTS}${body}`, mode, {
    on: 'CallExpression',
    run(node, file) {
      const found = findQueryThroughHelpers(node as TSESTree.CallExpression, file, maxDepth);
      return found && `${found.helpers.join(' → ')}: ${found.query.description}`;
    },
  }).map((line) => line.replace(/^\d+: /, ''));

/** `callee(database)` for each call of `body` that hands a database to code that is not in the checkout. */
const passedBlind = (body: string, mode: Mode) =>
  probe(`${IMPORTS}${body}`, mode, {
    on: 'CallExpression',
    run(node, file) {
      const found = findDatabasePassedBlind(node as TSESTree.CallExpression, file);
      return found && `${found.callee}(${found.database})`;
    },
  }).map((line) => line.replace(/^\d+: /, ''));

describe.for(MODES)('findQueryThroughHelpers (%s)', (mode) => {
  it.for([
    ['a helper of a project module', 'import { getAuthor } from "./lib/users.js";\nexport const f = () => getAuthor(1);', ['getAuthor: db.query.users.findFirst']],
    ['helpers three deep, named from the call down', 'import { getCard } from "./lib/users.js";\nexport const f = () => getCard(1);', ['getCard → getProfile → getAuthor: db.query.users.findFirst']],
    ['a local helper', 'const load = (id: number) => db.select().from(users).where(eq(users.id, id));\nexport const f = () => load(1);', ['load: db.select().from(users)']],
    ['a method of an exported object', 'import { userService } from "./lib/users.js";\nexport const f = () => userService.byId(1);', ['userService.byId: db.select().from(users)']],
  ] as const)('%s', ([, body, expected]) => {
    expect(throughHelpers(body, mode)).toEqual(expected);
  });

  it('stops at the depth it is given', () => {
    const body = 'import { getCard } from "./lib/users.js";\nexport const f = () => getCard(1);';
    expect(throughHelpers(body, mode, 2)).toEqual([]);
    expect(throughHelpers(body, mode, 0)).toEqual([]);
  });

  it.for([
    ['a helper that runs no query', 'import { formatName } from "./lib/users.js";\nexport const f = () => formatName(" a ");'],
    ['a helper of a module that does not reach drizzle-orm', 'import { format } from "./lib/models.js";\nexport const f = () => format({ id: 1, name: "a" });'],
    ['a library function', 'export const f = () => eq(users.id, 1);'],
    [
      'a query in a callback the helper only registers (it runs later, not per call)',
      dedent`
        import { EventEmitter } from "node:events";
        const bus = new EventEmitter();
        function watch() { bus.on("user", async (id: number) => { await db.select().from(users).where(eq(users.id, id)); }); }
        export const f = () => watch();
      `,
    ],
    ['helpers that call each other without a query', 'function a(n: number): number { return n > 0 ? b(n - 1) : 0; }\nfunction b(n: number): number { return a(n); }\nexport const f = () => a(3);'],
  ] as const)('finds nothing for %s', ([, body]) => {
    expect(throughHelpers(body, mode)).toEqual([]);
  });
});

describe.for(MODES)('findDatabasePassedBlind (%s)', (mode) => {
  it.for([
    ['a transaction handed to a function of a package not in the checkout', 'import { updateInvoice } from "@acme/billing";\nexport const f = (id: number) => db.transaction(async (tx) => { await updateInvoice(tx, id); });', ['updateInvoice(tx)']],
    ['the database as an option of a namespace member', 'import * as billing from "@acme/billing";\nexport const f = (id: number) => billing.sync({ db, id });', ['billing.sync(db)']],
  ] as const)('%s', ([, body, expected]) => {
    expect(passedBlind(body, mode)).toEqual(expected);
  });

  it.for([
    ['a function of the project (its code is read by the helper search)', 'import { getAuthor } from "./lib/users.js";\nexport const f = () => (getAuthor as (d: unknown) => unknown)(db);'],
    ["drizzle-orm's own helper, which builds rather than runs", 'import { migrate } from "drizzle-orm/node-postgres/migrator";\nexport const f = () => migrate(db, { migrationsFolder: "drizzle" });'],
    ['a callback passed in (the caller judges it)', 'export const f = (step: (d: typeof db) => Promise<void>) => db.transaction(async (tx) => { await step(tx); });'],
    ['no database among the arguments', 'import { updateInvoice } from "@acme/billing";\nexport const f = (id: number) => updateInvoice(id);'],
  ] as const)('finds nothing for %s', ([, body]) => {
    expect(passedBlind(body, mode)).toEqual([]);
  });
});
