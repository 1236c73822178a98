import { describe, expect, it } from 'vitest';
import { focusAfterDecision, locateFocus, nextUndecided } from './focus';

const ids = (list: string[]) => (index: number) => list[index];

describe('focus follows its row', () => {
  it('stays when the row is still at its index', () => {
    expect(locateFocus({ id: 'c', index: 2 }, ids(['a', 'b', 'c']), 3)).toBe(2);
  });

  it('follows the row when rows arrive above it or leave above it', () => {
    expect(locateFocus({ id: 'c', index: 2 }, ids(['n1', 'n2', 'a', 'b', 'c']), 5)).toBe(4);
    expect(locateFocus({ id: 'c', index: 2 }, ids(['b', 'c']), 2)).toBe(1);
  });

  it('keeps the index when the row left: the next row has slid into it', () => {
    expect(locateFocus({ id: 'gone', index: 1 }, ids(['a', 'b', 'c']), 3)).toBe(1);
    expect(locateFocus({ id: 'gone', index: 5 }, ids(['a', 'b']), 2)).toBe(1);
    expect(locateFocus({ id: null, index: 1 }, ids(['a', 'b']), 2)).toBe(1);
  });

  it('moves past decided rows to the next one', () => {
    const rows = ['a', 'b', 'c', 'd'];
    expect(nextUndecided(1, new Set(['b', 'c']), ids(rows), 4)).toEqual({ id: 'd', index: 3 });
    expect(nextUndecided(3, new Set(['d']), ids(rows), 4)).toEqual({ id: null, index: 3 });
  });
});

describe('focusAfterDecision', () => {
  const rows = ['a', 'b', 'c', 'd'];
  const base = { decided: ['b'], everyRowOfQuery: false, hidden: true, focusedIndex: 1, idAt: ids(rows), total: 4 };
  it('keeps the index when the decided row leaves, anchored on the row that slides in', () => {
    expect(focusAfterDecision(base)).toEqual({ id: 'c', index: 1 });
  });

  it('moves to the next undecided row when the decided ones stay in the table', () => {
    expect(focusAfterDecision({ ...base, hidden: false, decided: ['b', 'c'] })).toEqual({ id: 'd', index: 3 });
  });

  it('goes to the top after "all matching", and stays when nothing is known by id', () => {
    expect(focusAfterDecision({ ...base, everyRowOfQuery: true })).toEqual({ id: null, index: 0 });
    expect(focusAfterDecision({ ...base, decided: [] })).toBeNull();
  });
});
