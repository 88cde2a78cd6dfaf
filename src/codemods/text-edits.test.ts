import { describe, expect, it } from 'vitest';
import { applyEdits } from './text-edits.js';

describe('applyEdits', () => {
  it('applies edits given in any order as ranges of the original text', () => {
    expect(applyEdits('one two three', [{ start: 8, end: 13, text: '3' }, { start: 0, end: 3, text: '1' }, { start: 4, end: 7, text: '2' }])).toBe('1 2 3');
  });

  it('keeps the order of insertions at one offset', () => {
    expect(applyEdits('ab', [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toBe('axyb');
  });

  it('allows an insertion at either end of a replaced range, and adjacent replacements', () => {
    const edits = [{ start: 1, end: 3, text: 'R' }, { start: 1, end: 1, text: '<' }, { start: 3, end: 3, text: '>' }, { start: 3, end: 4, text: 'S' }];
    expect(applyEdits('abcde', edits)).toBe('a<R>Se');
  });

  it('rejects overlapping edits, naming both ranges', () => {
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 5, text: '' }])).toThrow('overlapping edits: [0, 3) and [2, 5)');
    expect(() => applyEdits('abcdef', [{ start: 1, end: 5, text: '' }, { start: 2, end: 2, text: 'x' }])).toThrow('[1, 5) and [2, 2)');
  });
});
