import { describe, expect, it } from 'vitest';
import {
  clampSize,
  defaultLayout,
  displayOrder,
  MIN_COLUMN_SIZE,
  moveColumn,
  normalizeLayout,
  resizeColumn,
  setHidden,
  setPinned,
  shiftColumn,
  visibleOrder,
} from './layout';
import type { TableLayout } from './types';

const columns = [
  { id: 'name', pinned: true, hideable: false },
  { id: 'community' },
  { id: 'age', minSize: 60, maxSize: 120 },
  { id: 'notes', hidden: true },
  { id: 'score' },
];

const base: TableLayout = { order: ['name', 'community', 'age', 'notes', 'score'], sizes: {}, hidden: [], pinned: ['name'] };

describe('default and saved layouts', () => {
  it('takes pinned and hidden defaults from the columns', () => {
    expect(defaultLayout(columns)).toEqual({ ...base, hidden: ['notes'] });
  });

  it('fits a saved layout to columns that changed since it was saved', () => {
    const saved: TableLayout = {
      order: ['score', 'gone', 'age', 'age', 'name'],
      sizes: { age: 5000, gone: 90, score: Number.NaN },
      hidden: ['gone', 'name', 'age'],
      pinned: ['gone'],
    };
    expect(normalizeLayout(saved, columns)).toEqual({
      order: ['score', 'age', 'name', 'community', 'notes'],
      sizes: { age: 120 },
      hidden: ['age', 'notes'],
      // "name" was in the saved view and unpinned there: the user's choice beats the default.
      pinned: [],
    });
  });

  it('keeps what the user chose for columns that existed when the view was saved', () => {
    const saved: TableLayout = { ...base, pinned: [], hidden: [] };
    const normalized = normalizeLayout(saved, columns);
    expect(normalized.pinned).toEqual([]);
    expect(normalized.hidden).toEqual([]);
  });

  it('never leaves every column hidden', () => {
    const onlyHideable = [{ id: 'a' }, { id: 'b' }];
    const normalized = normalizeLayout({ order: ['a', 'b'], sizes: {}, hidden: ['a', 'b'], pinned: [] }, onlyHideable);
    expect(visibleOrder(normalized)).toEqual(['a']);
  });
});

describe('sizes', () => {
  it('clamps to the column limits, or the table defaults', () => {
    expect(clampSize(columns[2]!, 10)).toBe(60);
    expect(clampSize(columns[2]!, 500)).toBe(120);
    expect(clampSize(columns[1]!, 1)).toBe(MIN_COLUMN_SIZE);
    expect(resizeColumn(base, columns[2]!, 99.6).sizes).toEqual({ age: 100 });
  });
});

describe('visibility and pinning', () => {
  it('hides and shows columns', () => {
    const hidden = setHidden(base, 'age', true);
    expect(visibleOrder(hidden)).toEqual(['name', 'community', 'notes', 'score']);
    expect(visibleOrder(setHidden(hidden, 'age', false))).toEqual(visibleOrder(base));
  });

  it('refuses to hide the last visible column', () => {
    const one: TableLayout = { order: ['a', 'b'], sizes: {}, hidden: ['b'], pinned: [] };
    expect(setHidden(one, 'a', true)).toBe(one);
  });

  it('pins after the already pinned columns and unpins back to the column order', () => {
    const pinned = setPinned(base, 'age', true);
    expect(displayOrder(pinned)).toEqual(['name', 'age', 'community', 'notes', 'score']);
    expect(displayOrder(setPinned(pinned, 'age', false))).toEqual(base.order);
  });
});

describe('reordering', () => {
  it('drops a column before or after another', () => {
    expect(moveColumn(base, 'score', 'community', 'before').order).toEqual(['name', 'score', 'community', 'age', 'notes']);
    expect(moveColumn(base, 'community', 'age', 'after').order).toEqual(['name', 'age', 'community', 'notes', 'score']);
  });

  it('reorders pinned columns among themselves', () => {
    const twoPinned = setPinned(base, 'age', true);
    expect(moveColumn(twoPinned, 'age', 'name', 'before').pinned).toEqual(['age', 'name']);
  });

  it('ignores drops across the pin boundary and onto itself', () => {
    expect(moveColumn(base, 'score', 'name', 'before')).toBe(base);
    expect(moveColumn(base, 'score', 'score', 'after')).toBe(base);
  });

  it('shifts with the keyboard past hidden columns, stopping at the region edge', () => {
    const hiddenNotes = setHidden(base, 'notes', true);
    expect(visibleOrder(shiftColumn(hiddenNotes, 'score', -1))).toEqual(['name', 'community', 'score', 'age']);
    expect(shiftColumn(hiddenNotes, 'community', -1)).toBe(hiddenNotes);
    expect(shiftColumn(hiddenNotes, 'score', 1)).toBe(hiddenNotes);
    expect(shiftColumn(hiddenNotes, 'name', 1)).toBe(hiddenNotes);
  });
});
