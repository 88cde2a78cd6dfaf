import { describe, expect, it } from 'vitest';
import type { RuleContext } from './analysis-types.js';
import { getFileContext } from './file-context.js';

// What a rule's context holds that getFileContext reads: the settings, and the parser's services.
const contextOf = (settings: Record<string, unknown>, parserServices?: unknown) =>
  ({ settings, sourceCode: { parserServices } }) as unknown as RuleContext;

describe('getFileContext', () => {
  it('reads the settings with their defaults, and has no types without a program', () => {
    const file = getFileContext(contextOf({ hotpath: { drizzle: { contextKeys: ['database'] } } }));
    expect(file.settings.drizzle.contextKeys).toEqual(['database']);
    expect(file.settings.redis.contextKeys).toEqual(['redis', 'cache']);
    expect(file.types).toBeUndefined();
    // Services without a node map are the untyped parser's: still no types.
    expect(getFileContext(contextOf({}, { program: null })).types).toBeUndefined();
  });

  it('turns the settings into origin hints once for all files that share them', () => {
    const settings = { hotpath: { drizzle: { modules: ['@acme/db'], names: ['database'] }, redis: { modules: ['@acme/cache'] } } };
    const first = getFileContext(contextOf(settings));
    const second = getFileContext(contextOf(settings));
    expect(second.hints).toBe(first.hints);
    expect([...first.hints.modules.keys()]).toEqual(['@acme/db', '@acme/cache']);
    expect([...first.hints.names.keys()]).toEqual(['database']);
    expect(getFileContext(contextOf({})).hints).not.toBe(first.hints);
  });

  it('names the bad key of invalid settings', () => {
    expect(() => getFileContext(contextOf({ hotpath: { drizzle: { contextKey: ['db'] } } }))).toThrow(/settings\.hotpath\.drizzle\.contextKey/);
  });
});
