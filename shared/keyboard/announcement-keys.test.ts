import { describe, expect, it } from 'vitest';
import { keyPress as press } from './key-press';
import { deskKeyIntent } from './announcement-keys';

describe('deskKeyIntent', () => {
  it('binds letters only in their table', () => {
    expect(deskKeyIntent(press('n'), 'list')).toEqual({ kind: 'new' });
    expect(deskKeyIntent(press('N'), 'list')).toEqual({ kind: 'new' });
    expect(deskKeyIntent(press('n'), 'preview')).toEqual({ kind: 'none' });
    expect(deskKeyIntent(press('e'), 'preview')).toEqual({ kind: 'toggleExclude' });
    expect(deskKeyIntent(press('r'), 'receipts')).toEqual({ kind: 'retry' });
    expect(deskKeyIntent(press('r'), 'preview')).toEqual({ kind: 'none' });
  });

  it('never takes letters while typing in the editor', () => {
    for (const key of ['n', 'e', 'r', 'a']) expect(deskKeyIntent(press(key), 'editor')).toEqual({ kind: 'none' });
  });

  it('sends with Mod+Enter from a draft, and leaves modified letters to the browser', () => {
    expect(deskKeyIntent(press('Enter', { ctrlKey: true }), 'editor')).toEqual({ kind: 'send' });
    expect(deskKeyIntent(press('Enter', { metaKey: true }), 'preview')).toEqual({ kind: 'send' });
    expect(deskKeyIntent(press('Enter', { ctrlKey: true }), 'list')).toEqual({ kind: 'none' });
    expect(deskKeyIntent(press('e', { ctrlKey: true }), 'preview')).toEqual({ kind: 'none' });
    expect(deskKeyIntent(press('n', { shiftKey: true }), 'list')).toEqual({ kind: 'none' });
  });

  it('goes back to the list with Escape from the editor', () => {
    expect(deskKeyIntent(press('Escape'), 'editor')).toEqual({ kind: 'close' });
    expect(deskKeyIntent(press('Escape'), 'list')).toEqual({ kind: 'none' });
  });
});
