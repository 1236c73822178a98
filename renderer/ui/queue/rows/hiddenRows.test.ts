import { describe, expect, it } from 'vitest';
import { findHiddenPositions, indexHints, toUnderlying, toVisual } from './hiddenRows';

const ids = (list: string[]) => (index: number) => list[index];

describe('hidden rows', () => {
  it('maps visual indexes around hidden rows', () => {
    const positions = [1, 2, 5];
    // underlying: 0 1x 2x 3 4 5x 6 → visual: 0 3 4 6
    expect([0, 1, 2, 3].map((v) => toUnderlying(v, positions))).toEqual([0, 3, 4, 6]);
    expect([0, 3, 4, 6].map((u) => toVisual(u, positions))).toEqual([0, 1, 2, 3]);
    expect(toUnderlying(3, [])).toBe(3);
  });

  it('finds hidden rows at their hint or near it, and forgets rows that are gone', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'];
    expect(findHiddenPositions(ids(rows), new Map([['b', 1], ['d', 3]]), rows.length)).toEqual([1, 3]);
    // A refetch shifted rows up by one: 'd' is now at 2; 'b' has left.
    const after = ['a', 'c', 'd', 'e'];
    expect(findHiddenPositions(ids(after), new Map([['b', 1], ['d', 3]]), after.length)).toEqual([2]);
  });
});

describe('indexHints', () => {
  it('records where each id sits, or the focused index when it is not loaded', () => {
    const rows = ['a', 'b', 'c'];
    expect(indexHints(['c', 'zz'], (i) => rows[i], 1, rows.length)).toEqual(new Map([['c', 2], ['zz', 1]]));
  });
});
