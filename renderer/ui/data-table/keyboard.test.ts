import { describe, expect, it } from 'vitest';
import { gridKeyIntent, headerKeyIntent, RESIZE_STEP, type GridKeyContext, type KeyInput } from './keyboard';

function key(value: string, modifiers: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return { key: value, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers };
}

const middle: GridKeyContext = { focusedIndex: 50, total: 1000, pageRows: 20 };

describe('grid keys', () => {
  it.each([
    ['j', 51],
    ['ArrowDown', 51],
    ['k', 49],
    ['ArrowUp', 49],
    ['PageDown', 70],
    ['PageUp', 30],
    ['Home', 0],
    ['End', 999],
  ])('%s moves focus to %i', (value, index) => {
    expect(gridKeyIntent(key(value), middle)).toEqual({ type: 'focus', index, extend: false });
  });

  it('leaves g to the app, where it starts view shortcuts', () => {
    expect(gridKeyIntent(key('g'), middle)).toBeNull();
    expect(gridKeyIntent(key('G', { shiftKey: true }), middle)).toBeNull();
  });

  it.each([
    ['J', 51],
    ['K', 49],
    ['ArrowDown', 51],
    ['ArrowUp', 49],
    ['End', 999],
    ['PageDown', 70],
  ])('shift+%s extends the selection to %i', (value, index) => {
    expect(gridKeyIntent(key(value, { shiftKey: true }), middle)).toEqual({ type: 'focus', index, extend: true });
  });

  it('clamps moves at both ends', () => {
    expect(gridKeyIntent(key('j'), { ...middle, focusedIndex: 999 })).toEqual({ type: 'focus', index: 999, extend: false });
    expect(gridKeyIntent(key('PageUp'), { ...middle, focusedIndex: 3 })).toEqual({ type: 'focus', index: 0, extend: false });
    expect(gridKeyIntent(key('k'), { ...middle, focusedIndex: 0 })).toEqual({ type: 'focus', index: 0, extend: false });
  });

  it('clamps a focus index left past the end after the total shrank', () => {
    expect(gridKeyIntent(key('k'), { ...middle, focusedIndex: 5000 })).toEqual({ type: 'focus', index: 998, extend: false });
  });

  it('moves by at least one row when the viewport has no room', () => {
    expect(gridKeyIntent(key('PageDown'), { ...middle, pageRows: 0 })).toEqual({ type: 'focus', index: 51, extend: false });
  });

  it('ArrowUp on the first row moves to the header; k does not', () => {
    const top = { ...middle, focusedIndex: 0 };
    expect(gridKeyIntent(key('ArrowUp'), top)).toEqual({ type: 'toHeader' });
    expect(gridKeyIntent(key('k'), top)).toEqual({ type: 'focus', index: 0, extend: false });
  });

  it('maps Enter, x, space, ctrl/cmd-A and Escape', () => {
    expect(gridKeyIntent(key('Enter'), middle)).toEqual({ type: 'activate' });
    expect(gridKeyIntent(key('x'), middle)).toEqual({ type: 'toggle' });
    expect(gridKeyIntent(key(' '), middle)).toEqual({ type: 'toggle' });
    expect(gridKeyIntent(key('a', { ctrlKey: true }), middle)).toEqual({ type: 'selectAll' });
    expect(gridKeyIntent(key('a', { metaKey: true }), middle)).toEqual({ type: 'selectAll' });
    expect(gridKeyIntent(key('Escape'), middle)).toEqual({ type: 'clear' });
  });

  it('leaves feature keys and browser shortcuts alone', () => {
    for (const value of ['a', 'd', 'b', '/', 'Tab']) expect(gridKeyIntent(key(value), middle)).toBeNull();
    expect(gridKeyIntent(key('j', { ctrlKey: true }), middle)).toBeNull();
    expect(gridKeyIntent(key('j', { altKey: true }), middle)).toBeNull();
    expect(gridKeyIntent(key('r', { metaKey: true }), middle)).toBeNull();
    expect(gridKeyIntent(key('A', { ctrlKey: true, shiftKey: true }), middle)).toBeNull();
  });

  it('ignores navigation on an empty table but still clears', () => {
    const empty = { focusedIndex: 0, total: 0, pageRows: 20 };
    expect(gridKeyIntent(key('j'), empty)).toBeNull();
    expect(gridKeyIntent(key('a', { ctrlKey: true }), empty)).toBeNull();
    expect(gridKeyIntent(key('Escape'), empty)).toEqual({ type: 'clear' });
  });

  it('moving down from no focus lands on the first row', () => {
    expect(gridKeyIntent(key('j'), { ...middle, focusedIndex: -1 })).toEqual({ type: 'focus', index: 0, extend: false });
  });
});

describe('header keys', () => {
  it('Enter and Space sort; shift adds a secondary sort', () => {
    expect(headerKeyIntent(key('Enter'))).toEqual({ type: 'sort', multi: false });
    expect(headerKeyIntent(key(' '))).toEqual({ type: 'sort', multi: false });
    expect(headerKeyIntent(key('Enter', { shiftKey: true }))).toEqual({ type: 'sort', multi: true });
  });

  it('alt+arrows resize, alt+shift+arrows reorder', () => {
    expect(headerKeyIntent(key('ArrowLeft', { altKey: true }))).toEqual({ type: 'resize', delta: -RESIZE_STEP });
    expect(headerKeyIntent(key('ArrowRight', { altKey: true }))).toEqual({ type: 'resize', delta: RESIZE_STEP });
    expect(headerKeyIntent(key('ArrowLeft', { altKey: true, shiftKey: true }))).toEqual({ type: 'move', delta: -1 });
    expect(headerKeyIntent(key('ArrowRight', { altKey: true, shiftKey: true }))).toEqual({ type: 'move', delta: 1 });
  });

  it('plain arrows walk the headers; ArrowDown and Escape return to the rows', () => {
    expect(headerKeyIntent(key('ArrowRight'))).toEqual({ type: 'focusSibling', delta: 1 });
    expect(headerKeyIntent(key('ArrowLeft'))).toEqual({ type: 'focusSibling', delta: -1 });
    expect(headerKeyIntent(key('ArrowDown'))).toEqual({ type: 'toBody' });
    expect(headerKeyIntent(key('Escape'))).toEqual({ type: 'toBody' });
  });

  it('ignores other keys and command chords', () => {
    expect(headerKeyIntent(key('j'))).toBeNull();
    expect(headerKeyIntent(key('ArrowUp', { altKey: true }))).toBeNull();
    expect(headerKeyIntent(key('ArrowLeft', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
