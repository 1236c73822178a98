import { describe, expect, it } from 'vitest';
import { assignRowSlots, NO_SLOTS, type RowSlots } from './row-slots';

const window = (first: number, last: number, previous: RowSlots = NO_SLOTS) => assignRowSlots(previous, first, last);

describe('row slots', () => {
  it('gives a first window distinct keys', () => {
    expect(window(0, 4).keys).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the keys of rows that stay and gives entering rows new ones, scrolling down or up', () => {
    const start = window(10, 14);
    const down = window(12, 16, start);
    expect(down.keys).toEqual([2, 3, 4, 5, 6]);
    const up = window(9, 13, down);
    // Rows 12 and 13 kept their keys; 9..11 are new (not 5 and 6 again, which would reorder the DOM).
    expect(up.keys).toEqual([7, 8, 9, 2, 3]);
  });

  it('reuses every key in place on a jump that keeps no row', () => {
    const start = window(0, 4);
    const jump = window(500_000, 500_004, start);
    expect(jump.keys).toEqual([0, 1, 2, 3, 4]);
    expect(window(999_990, 999_999, jump).keys).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('never repeats a key within a window, whatever the sequence of windows', () => {
    let slots = NO_SLOTS;
    const starts = [0, 3, 40, 41, 39, 1000, 995, 0, 2, 7];
    for (const [k, first] of starts.entries()) {
      slots = window(first, first + 10 + (k % 3), slots);
      expect(new Set(slots.keys).size).toBe(slots.keys.length);
    }
  });

  it('handles an empty window', () => {
    const empty = window(0, -1, window(0, 4));
    expect(empty.keys).toEqual([]);
    expect(window(0, 2, empty).keys).toEqual([5, 6, 7]);
  });
});
