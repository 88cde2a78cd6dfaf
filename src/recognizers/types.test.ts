import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { probe } from '../../test/support/harness.js';
import { askSubject } from '../../test/support/subject-probe.js';
import { hasProperties, isIterableType, isTypeFromPackage, type TypeServices } from './types.js';

const IMPORTS = 'import type { Redis } from "ioredis";\nimport { redis } from "./lib/redis.js";\nimport { db } from "./lib/db.js";\n';

/** What `ask` says of `subject`'s initializer in a typed run (`undefined` is shown as such). */
function askTyped(body: string, ask: (types: TypeServices, node: TSESTree.Node) => unknown): string {
  const answers = askSubject(`${IMPORTS}${body}`, 'typed', (init, file) => String(ask(file.types!, init)));
  expect(answers).toHaveLength(1);
  return answers[0]!;
}

describe('isTypeFromPackage (typed)', () => {
  const fromIoredis = (body: string) => askTyped(body, (types, node) => isTypeFromPackage(types, node, ['ioredis']));
  it.for([
    ["a client of the package's class", 'const subject = redis;', 'true'],
    ['a union with null', 'export function f(r: Redis | null) { const subject = r; }', 'true'],
    ['a project interface built on the library type', 'interface ExtendedRedis extends Redis { getJson(key: string): Promise<unknown> }\nexport function f(r: ExtendedRedis) { const subject = r; }', 'true'],
    ["another package's value", 'const subject = db;', 'false'],
    ['a plain object', 'const subject = { get: (k: string) => k };', 'false'],
    // The checker knows nothing: callers keep their syntactic answer.
    ['`any`', 'export function f(r: any) { const subject = r; }', 'undefined'],
    ['`unknown`', 'export function f(r: unknown) { const subject = r; }', 'undefined'],
    ['an import from a package not installed', 'import { client } from "@acme/not-installed";\nconst subject = client;', 'undefined'],
  ] as const)('%s', ([, body, expected]) => {
    expect(fromIoredis(body)).toBe(expected);
  });

  it('matches the package folder, not a name that starts the same', () => {
    expect(askTyped('const subject = redis;', (types, node) => isTypeFromPackage(types, node, ['iored']))).toBe('false');
  });
});

describe('hasProperties (typed)', () => {
  it('says whether a type has every property asked for (a database or a transaction has select and insert)', () => {
    const ask = (body: string) => askTyped(body, (types, node) => hasProperties(types, node, ['select', 'insert']));
    expect(ask('const subject = db;')).toBe('true');
    expect(ask('export const f = () => db.transaction(async (tx) => { const subject = tx; });')).toBe('true');
    expect(ask('const subject = redis;')).toBe('false');
  });
});

describe('isIterableType (typed)', () => {
  const iterable = (body: string) => askTyped(body, isIterableType);
  it.for([
    ['an array', 'export function f(ids: number[]) { const subject = ids; }', 'true'],
    ['a tuple', 'export function f(pair: [number, string]) { const subject = pair; }', 'true'],
    ['a Set', 'export function f(ids: Set<number>) { const subject = ids; }', 'true'],
    ['a Map', 'export function f(byId: Map<number, string>) { const subject = byId; }', 'true'],
    ['a generator', 'function* ids() { yield 1; }\nconst subject = ids();', 'true'],
    ['an array or undefined', 'export function f(ids: number[] | undefined) { const subject = ids; }', 'true'],
    ['an option with its own map()', 'export function f(maybe: { map<U>(fn: (v: number) => U): U }) { const subject = maybe; }', 'false'],
    ['a string-keyed record', 'export function f(byId: Record<string, number>) { const subject = byId; }', 'false'],
    ['`any`', 'export function f(ids: any) { const subject = ids; }', 'undefined'],
  ] as const)('%s', ([, body, expected]) => {
    expect(iterable(body)).toBe(expected);
  });
});

describe('getOptionalTypes', () => {
  it('gives no type services to an untyped run', () => {
    expect(probe('export const x = 1;', 'untyped', { on: 'Program', run: (_, file) => String(file.types) })).toEqual(['1: undefined']);
  });
});
