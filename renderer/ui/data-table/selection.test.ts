import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  extensionRange,
  isSelected,
  navigationReducer,
  selectedCount,
  serializeSelection,
  type NavigationAction,
  type NavigationState,
} from './selection';

const start: NavigationState = { focusedIndex: 0, selection: EMPTY_SELECTION };
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `r${from + i}`);

function run(...actions: NavigationAction[]): NavigationState {
  return actions.reduce(navigationReducer, start);
}

function selectedIds(state: NavigationState, upTo = 20): string[] {
  return ids(0, upTo).filter((id) => isSelected(state.selection, id));
}

describe('clicks', () => {
  it('a plain click selects only that row and focuses it', () => {
    const state = run(
      { type: 'click', index: 2, id: 'r2', toggle: false },
      { type: 'click', index: 5, id: 'r5', toggle: false },
    );
    expect(selectedIds(state)).toEqual(['r5']);
    expect(state.focusedIndex).toBe(5);
  });

  it('ctrl-click toggles a row and keeps the others', () => {
    const state = run(
      { type: 'click', index: 2, id: 'r2', toggle: false },
      { type: 'click', index: 5, id: 'r5', toggle: true },
      { type: 'click', index: 2, id: 'r2', toggle: true },
    );
    expect(selectedIds(state)).toEqual(['r5']);
  });

  it('shift-click after a plain click selects exactly the range from the anchor', () => {
    const clicked = run({ type: 'click', index: 3, id: 'r3', toggle: false });
    expect(extensionRange(clicked, 6)).toEqual({ start: 3, end: 6 });
    const state = navigationReducer(clicked, { type: 'extend', index: 6, ids: ids(3, 6) });
    expect(selectedIds(state)).toEqual(['r3', 'r4', 'r5', 'r6']);
    expect(state.focusedIndex).toBe(6);
  });

  it('shift-click after ctrl-click adds the range to what was picked before', () => {
    const picked = run(
      { type: 'click', index: 0, id: 'r0', toggle: false },
      { type: 'click', index: 8, id: 'r8', toggle: true },
    );
    const state = navigationReducer(picked, { type: 'extend', index: 6, ids: ids(6, 8) });
    expect(selectedIds(state)).toEqual(['r0', 'r6', 'r7', 'r8']);
  });

  it('a range upward from the anchor is ordered low to high', () => {
    const clicked = run({ type: 'click', index: 7, id: 'r7', toggle: false });
    expect(extensionRange(clicked, 4)).toEqual({ start: 4, end: 7 });
  });
});

describe('keyboard extension', () => {
  it('shift+j twice then shift+k shrinks the range instead of keeping stale rows', () => {
    let state = run({ type: 'focus', index: 3 });
    for (const index of [4, 5]) {
      const range = extensionRange(state, index);
      state = navigationReducer(state, { type: 'extend', index, ids: ids(range.start, range.end) });
    }
    expect(selectedIds(state)).toEqual(['r3', 'r4', 'r5']);
    const back = extensionRange(state, 4);
    state = navigationReducer(state, { type: 'extend', index: 4, ids: ids(back.start, back.end) });
    expect(selectedIds(state)).toEqual(['r3', 'r4']);
  });

  it('plain focus moves re-anchor at the new row and keep the selection', () => {
    let state = run({ type: 'click', index: 1, id: 'r1', toggle: false }, { type: 'focus', index: 9 });
    expect(selectedIds(state)).toEqual(['r1']);
    const range = extensionRange(state, 10);
    expect(range).toEqual({ start: 9, end: 10 });
    state = navigationReducer(state, { type: 'extend', index: 10, ids: ids(9, 10) });
    expect(selectedIds(state)).toEqual(['r1', 'r9', 'r10']);
  });

  it('focus with keepAnchor holds the range start while ids load', () => {
    let state = run({ type: 'focus', index: 2 });
    state = navigationReducer(state, { type: 'focus', index: 3, keepAnchor: true });
    expect(state.focusedIndex).toBe(3);
    expect(extensionRange(state, 3)).toEqual({ start: 2, end: 3 });
  });

  it('without an anchor the range starts at the focused row', () => {
    const state: NavigationState = { focusedIndex: 4, selection: EMPTY_SELECTION };
    expect(extensionRange(state, 6)).toEqual({ start: 4, end: 6 });
    const next = navigationReducer(state, { type: 'extend', index: 6, ids: ids(4, 6) });
    expect(selectedIds(next)).toEqual(['r4', 'r5', 'r6']);
  });
});

describe('x, select all and escape', () => {
  it('x toggles the focused row on and off', () => {
    let state = run({ type: 'focus', index: 4 }, { type: 'toggleFocused', id: 'r4' });
    expect(selectedIds(state)).toEqual(['r4']);
    state = navigationReducer(state, { type: 'toggleFocused', id: 'r4' });
    expect(selectedIds(state)).toEqual([]);
  });

  it('select all covers rows never loaded, and counts against the total', () => {
    const state = run({ type: 'selectAll' });
    expect(isSelected(state.selection, 'never-seen')).toBe(true);
    expect(selectedCount(state.selection, 1_000_000)).toBe(1_000_000);
  });

  it('deselecting under select all records an exception', () => {
    const state = run({ type: 'selectAll' }, { type: 'click', index: 2, id: 'r2', toggle: true });
    expect(isSelected(state.selection, 'r2')).toBe(false);
    expect(isSelected(state.selection, 'r3')).toBe(true);
    expect(selectedCount(state.selection, 10)).toBe(9);
    expect(serializeSelection(state.selection)).toEqual({ mode: 'all', except: ['r2'] });
  });

  it('a range under select all removes exceptions', () => {
    let state = run({ type: 'selectAll' }, { type: 'click', index: 2, id: 'r2', toggle: true });
    state = navigationReducer(state, { type: 'extend', index: 3, ids: ['r2', 'r3'] });
    expect(serializeSelection(state.selection)).toEqual({ mode: 'all', except: [] });
  });

  it('escape clears the selection and the anchor but keeps focus', () => {
    const state = run({ type: 'click', index: 5, id: 'r5', toggle: false }, { type: 'clear' });
    expect(selectedCount(state.selection, 100)).toBe(0);
    expect(state.selection.anchor).toBeNull();
    expect(state.focusedIndex).toBe(5);
  });

  it('reset returns to the top with nothing selected', () => {
    const state = run({ type: 'selectAll' }, { type: 'focus', index: 40 }, { type: 'reset' });
    expect(state).toEqual({ focusedIndex: 0, selection: EMPTY_SELECTION });
  });

  it('never mutates the previous state', () => {
    const before = run({ type: 'click', index: 1, id: 'r1', toggle: false });
    const snapshot = serializeSelection(before.selection);
    navigationReducer(before, { type: 'click', index: 2, id: 'r2', toggle: true });
    expect(serializeSelection(before.selection)).toEqual(snapshot);
  });

  it('serializes some-mode selections as id lists', () => {
    const state = run({ type: 'click', index: 1, id: 'r1', toggle: false });
    expect(serializeSelection(state.selection)).toEqual({ mode: 'some', ids: ['r1'] });
  });
});
