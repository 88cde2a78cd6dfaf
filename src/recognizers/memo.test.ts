import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearMemos, Memo } from './memo.js';

describe('Memo', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps at most `max` entries, the oldest going first', () => {
    const memo = new Memo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c'), memo.size]).toEqual([undefined, 2, 3, 2]);
  });

  it('with `recent`, keeps what was used last', () => {
    const memo = new Memo<number>(2, true);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.get('a');
    memo.set('c', 3);
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([1, undefined, 3]);
  });

  it('answers a remembered "not found" for two seconds, then asks again; found answers stay', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const memo = new Memo<string | null>(8);
    expect(memo.set('missing', null)).toBeNull();
    memo.set('found', 'x');
    vi.advanceTimersByTime(1999);
    expect(memo.get('missing')).toBeNull();
    vi.advanceTimersByTime(1);
    expect(memo.get('missing')).toBeUndefined();
    expect(memo.get('found')).toBe('x');
  });

  it('clearMemos empties every memo', () => {
    const one = new Memo<number>(4);
    const two = new Memo<number>(4);
    one.set('a', 1);
    two.set('b', 2);
    clearMemos();
    expect([one.size, two.size]).toEqual([0, 0]);
  });
});
