import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-n-plus-one.js';
import { dedent } from '../../test/support/harness.js';
import { findLookupSites } from '../../codemods/dataloader/lookups.js';
import { findWriteSites } from '../codemods/write-sites.js';
import type { NPlusOneOptions } from './n-plus-one.js';

const FILE = path.join(import.meta.dirname, 'jobs.ts');

// Loops over short literals, and the same query on every pass: the options decide whether they are findings.
const SOURCE = dedent`
  import { eq } from "drizzle-orm";
  import { drizzle } from "drizzle-orm/node-postgres";
  import { users } from "./schema";

  const db = drizzle(process.env.DATABASE_URL!);

  export async function run(ids: number[], role: string) {
    for (const id of [1, 2, 3]) {
      await db.delete(users).where(eq(users.id, id));
    }
    for (const id of ids) {
      await db.select().from(users).where(eq(users.role, role));
    }
    for (const id of ids) {
      await db.query.users.findFirst({ where: eq(users.id, id) });
    }
    for (const id of ids) await byId(id);
  }

  async function byId(id: number) {
    return db.query.users.findFirst({ where: eq(users.id, id) });
  }
`;
// The only write: the batch-writes codemod's site, which the dataloader declines.
const WRITE_LINE = 9;

function ruleLines(options: NPlusOneOptions): number[] {
  const linter = new Linter({ cwd: import.meta.dirname });
  const config = {
    files: ['**/*.ts'],
    plugins: { hotpath: { rules: { 'no-n-plus-one': rule } } as never },
    languageOptions: { parser: tsParser as never },
    rules: { 'hotpath/no-n-plus-one': ['error', options] as never },
  };
  return linter.verify(SOURCE, [config], FILE).map((m) => m.line);
}

/** The lines each codemod rewrites or lists with a reason. */
function codemodLines(options: NPlusOneOptions): { dataloader: number[]; batchWrites: number[] } {
  const lineOf = (r: { site: { line: number } } | { bail: { line: number } }) => ('site' in r ? r.site.line : r.bail.line);
  return { dataloader: findLookupSites(SOURCE, FILE, ['db'], options).map(lineOf), batchWrites: findWriteSites(SOURCE, FILE, { rule: options }).map(lineOf) };
}

describe('the codemods take the sites of no-n-plus-one with its options', () => {
  it.for<[string, NPlusOneOptions, number[]]>([
    ['the defaults', {}, [12, 15, 17]],
    ['literal loops of any size', { ignoreLiteralArraysUpTo: 0 }, [9, 12, 15, 17]],
    ['no loop-invariant queries', { reportLoopInvariant: false }, [15, 17]],
    ['no helpers', { maxHelperDepth: 0 }, [12, 15]],
  ])('%s', ([, options, lines]) => {
    expect(ruleLines(options)).toEqual(lines);
    // The dataloader lists the writes it declines; batch-writes takes only those.
    expect(codemodLines(options)).toEqual({ dataloader: lines, batchWrites: lines.filter((line) => line === WRITE_LINE) });
  });
});
