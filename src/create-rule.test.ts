import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from './create-rule.js';

type Options = [{ style?: string; names?: string[] }];

// A rule that hands out the options it was created with, to look at what each file's `create` gets.
function probe() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'x'>({
    name: 'probe',
    meta: {
      type: 'suggestion',
      docs: { description: 'probe', recommended: false, howToFix: { hint: 'probe', fixedBy: 'nothing' } },
      schema: [{ type: 'object', properties: { style: { type: 'string' }, names: { type: 'array' } } }],
      defaultOptions: [{ style: 'auto', names: ['a'] }],
      messages: { x: 'x' },
    },
    defaultOptions: [{ style: 'auto', names: ['a'] }],
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  const create = (options: unknown[]) => rule.create({ options } as unknown as Readonly<TSESLint.RuleContext<'x', Options>>);
  return { seen, create, rule };
}

describe('createRule', () => {
  it('points the docs URL at the rule page', () => {
    expect(probe().rule.meta.docs?.url).toMatch(/\/docs\/rules\/probe\.md$/);
  });

  it('merges the defaults under what the user set', () => {
    const { seen, create } = probe();
    create([]);
    create([{ style: 'separate' }]);
    expect(seen).toEqual([[{ style: 'auto', names: ['a'] }], [{ style: 'separate', names: ['a'] }]]);
  });

  it('merges once per configuration, even when each file gets a new options array', () => {
    const { seen, create } = probe();
    create([{ style: 'separate' }]);
    create([{ style: 'separate' }]);
    create([{ style: 'inline' }]);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });

  it('tells an option set to undefined from one left out', () => {
    const { seen, create } = probe();
    create([{}]);
    create([{ style: undefined }]);
    expect(seen[0]![0].style).toBe('auto');
    expect(seen[1]![0].style).toBeUndefined();
  });

  it('freezes the shared options so that no file changes them for the next', () => {
    const { seen, create } = probe();
    create([]);
    expect(() => (seen[0]![0].names as string[]).push('b')).toThrow(TypeError);
    create([]);
    expect(seen[1]![0].names).toEqual(['a']);
  });
});
