import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileContext } from './analysis-types.js';
import { findExport, type FoundExport } from './project-exports.js';

const root = mkdtempSync(path.join(tmpdir(), 'hotpath-project-exports-'));
for (const [file, text] of Object.entries({
  'users.ts': 'export type User = { id: number };\nexport const User = { find() {} };\nexport function getUser() {}\n',
  'services.ts': 'export { getUser as loadUser } from "./users";\nconst helper = () => 1;\nexport { helper };\n',
  'db.ts': 'export * from "drizzle-orm";\nexport * from "./client";\n',
  'client.ts': 'export const db = drizzle();\n',
  'schema.ts': 'export * from "drizzle-orm";\n',
  'barrel.ts': 'export * from "./schema";\nexport * from "./users";\n',
  'deep.ts': 'export * from "./barrel";\n',
  'default.ts': 'export default function () {}\n',
})) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}
const from = { context: { cwd: root, settings: {} }, settings: {}, hints: {}, types: undefined } as unknown as FileContext;

/** The site as `kind name (module, stars)`, or what findExport answered instead. */
function site(file: string, name: string, options: { depthLeft?: number; callableOnly?: boolean } = {}): string | null | undefined {
  const found: FoundExport | null | undefined = findExport(path.join(root, file), name, from, options.depthLeft ?? 4, options.callableOnly);
  if (!found) return found;
  const { site: s, module, stars } = found;
  const what = s.kind === 'import' ? `${s.source}#${s.imported}` : s.kind === 'local' ? s.id.name : s.node.type;
  return `${s.kind} ${what} (${path.relative(root, module.file.context.physicalFilename)}, ${stars})`;
}

describe('findExport', () => {
  it('finds own exports: declarations, variables, local names and re-exports (not followed)', () => {
    expect(site('users.ts', 'getUser')).toBe('declaration FunctionDeclaration (users.ts, 0)');
    expect(site('client.ts', 'db')).toBe('variable VariableDeclarator (client.ts, 0)');
    expect(site('services.ts', 'helper')).toBe('local helper (services.ts, 0)');
    expect(site('services.ts', 'loadUser')).toBe('import ./users#getUser (services.ts, 0)');
    expect(site('default.ts', 'default')).toBe('default FunctionDeclaration (default.ts, 0)');
  });

  it('answers with the first declaration of a name, or with callableOnly passes over its type', () => {
    expect(site('users.ts', 'User')).toBe('declaration TSTypeAliasDeclaration (users.ts, 0)');
    expect(site('users.ts', 'User', { callableOnly: true })).toBe('variable VariableDeclarator (users.ts, 0)');
  });

  it("tries a tracked package's `export *` after the project's, and never for callableOnly", () => {
    expect(site('db.ts', 'db')).toBe('variable VariableDeclarator (client.ts, 1)');
    expect(site('db.ts', 'eq')).toBe('import drizzle-orm#eq (db.ts, 0)');
    expect(site('db.ts', 'eq', { callableOnly: true })).toBeUndefined();
    // A nested package star does not stop the search for a project function in the next `export *`.
    expect(site('deep.ts', 'getUser', { callableOnly: true })).toBe('declaration FunctionDeclaration (users.ts, 2)');
  });

  it('is undefined for a name the module does not export, null once the depth runs out', () => {
    expect(site('users.ts', 'missing')).toBeUndefined();
    expect(site('deep.ts', 'getUser', { depthLeft: 1, callableOnly: true })).toBeNull();
    expect(site('users.ts', 'getUser', { depthLeft: -1 })).toBeNull();
  });
});
