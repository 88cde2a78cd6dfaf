import { describe, expect, it } from 'vitest';
import { removeDeadImports } from './dead-imports.js';

const lines = (...l: string[]) => l.join('\n');
const prune = (before: string, after: string, file = 'file.ts') => removeDeadImports(before, after, file);

describe('removeDeadImports', () => {
  it('removes a binding the rewrite made unused, and the declaration with its line when none is left', () => {
    const before = lines('import { eq } from "drizzle-orm";', 'import { db } from "./db.js";', '', 'export const f = () => db.query(eq);', '');
    const after = lines('import { eq } from "drizzle-orm";', 'import { db } from "./db.js";', '', 'export const f = (ctx: { q(): void }) => ctx.q();', '');
    expect(prune(before, after)).toBe(lines('export const f = (ctx: { q(): void }) => ctx.q();', ''));
  });

  it('keeps a binding that was unused before the rewrite: that one is the user\'s business', () => {
    const before = lines('import { eq, unusedAlready } from "drizzle-orm";', 'export const f = () => eq;', '');
    const after = lines('import { eq, unusedAlready } from "drizzle-orm";', 'export const f = () => 1;', '');
    expect(prune(before, after)).toBe(lines('import { unusedAlready } from "drizzle-orm";', 'export const f = () => 1;', ''));
  });

  it('keeps a whole declaration whose bindings were all unused before', () => {
    const before = lines('import { a } from "a";', 'import { b } from "b";', 'b();', '');
    const after = lines('import { a } from "a";', 'import { b } from "b";', 'c();', '');
    expect(prune(before, after)).toBe(lines('import { a } from "a";', 'c();', ''));
  });

  it('counts a use in a type as a use, before and after', () => {
    const before = lines('import { users, type User } from "./schema.js";', 'export const f = (u: User) => users;', '');
    // `users` is now used only in a type, `User` not at all.
    const after = lines('import { users, type User } from "./schema.js";', 'export const f = (u: (typeof users)["$inferSelect"]) => u;', '');
    expect(prune(before, after)).toBe(lines('import { users } from "./schema.js";', 'export const f = (u: (typeof users)["$inferSelect"]) => u;', ''));
    // Used only as a type before the rewrite: it was used, so it goes once nothing uses it.
    expect(prune(lines('import type { User } from "./t.js";', 'let u: User;', 'u;', ''), lines('import type { User } from "./t.js";', 'let u = 1;', 'u;', ''))).toBe(
      lines('let u = 1;', 'u;', ''),
    );
  });

  it('keeps side-effect imports and imports the rewrite did not touch', () => {
    const before = lines('import "./polyfill.js";', 'import {} from "./empty.js";', 'import { a } from "a";', 'a();', '');
    const after = lines('import "./polyfill.js";', 'import {} from "./empty.js";', 'import { a } from "a";', '', '');
    expect(prune(before, after)).toBe(lines('import "./polyfill.js";', 'import {} from "./empty.js";', '', ''));
  });

  it('removes names from anywhere in a list, with their commas, on one line or several', () => {
    const before = lines('import { a, b, c, d } from "m";', 'a; b; c; d;', '');
    expect(prune(before, lines('import { a, b, c, d } from "m";', 'b; d;', ''))).toBe(lines('import { b, d } from "m";', 'b; d;', ''));
    expect(prune(before, lines('import { a, b, c, d } from "m";', 'a;', ''))).toBe(lines('import { a } from "m";', 'a;', ''));
    expect(prune(before, lines('import { a, b, c, d } from "m";', 'd;', ''))).toBe(lines('import { d } from "m";', 'd;', ''));
    const multi = lines('import {', '  a,', '  b as bee,', '  c,', '} from "m";', '');
    expect(prune(`${multi}a; bee; c;\n`, `${multi}a;\n`)).toBe(lines('import {', '  a,', '} from "m";', 'a;', ''));
    expect(prune(`${multi}a; bee; c;\n`, `${multi}bee;\n`)).toBe(lines('import {', '  b as bee,', '} from "m";', 'bee;', ''));
  });

  it('removes a default or namespace binding and keeps the rest of the clause', () => {
    const before = lines('import React, { useState } from "react";', 'import def, * as ns from "m";', 'React; useState; def; ns;', '');
    expect(prune(before, lines('import React, { useState } from "react";', 'import def, * as ns from "m";', 'useState; def;', ''))).toBe(
      lines('import { useState } from "react";', 'import def from "m";', 'useState; def;', ''),
    );
    expect(prune(before, lines('import React, { useState } from "react";', 'import def, * as ns from "m";', 'React; ns;', ''))).toBe(
      lines('import React from "react";', 'import * as ns from "m";', 'React; ns;', ''),
    );
  });

  it('treats a name imported from another module, or under another name, as another import', () => {
    const before = lines('import { a } from "one";', 'a;', '');
    expect(prune(before, lines('import { a } from "two";', '1;', ''))).toBe(lines('import { a } from "two";', '1;', ''));
    expect(prune(before, lines('import { b as a } from "one";', '1;', ''))).toBe(lines('import { b as a } from "one";', '1;', ''));
  });

  it('follows scopes: a local of the same name is not a use of the import', () => {
    const before = lines('import { db } from "./db.js";', 'export const f = () => db;', '');
    const after = lines('import { db } from "./db.js";', 'export const f = (db: number) => db;', '');
    expect(prune(before, after)).toBe(lines('export const f = (db: number) => db;', ''));
  });

  it('keeps a comment on the line above, drops one on the import\'s own line, and leaves no double blank line', () => {
    const before = lines('// the database', 'import { db } from "./db.js"; // eslint-disable-line', '', 'db;', '');
    expect(prune(before, lines('// the database', 'import { db } from "./db.js"; // eslint-disable-line', '', '1;', ''))).toBe(lines('// the database', '', '1;', ''));
    const only = lines('import { db } from "./db.js";', '', 'db;', '');
    expect(prune(only, lines('import { db } from "./db.js";', '', '1;', ''))).toBe(lines('1;', ''));
  });

  it('returns the text unchanged when nothing changed or it does not parse, and is stable on its own output', () => {
    const before = lines('import { a, b } from "m";', 'a; b;', '');
    expect(prune(before, before)).toBe(before);
    expect(prune(before, 'import { a, b } from "m";\nconst =;')).toBe('import { a, b } from "m";\nconst =;');
    const once = prune(before, lines('import { a, b } from "m";', 'a;', ''));
    expect(prune(once, once)).toBe(once);
  });

  it('reads JSX in .tsx files', () => {
    const before = lines('import { Card } from "./card.js";', 'export const v = <Card />;', '');
    expect(prune(before, lines('import { Card } from "./card.js";', 'export const v = <div />;', ''), 'view.tsx')).toBe(lines('export const v = <div />;', ''));
  });
});
