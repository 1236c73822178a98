import { describe, expect, it } from 'vitest';
import { keyPress as press } from './key-press';
import { FLAGGED_ACTION_KEYS, FLAGGED_SHORTCUTS, flaggedKeyIntent } from './flagged-keys';
import { JOIN_REQUEST_SHORTCUTS } from './join-request-keys';
import { SHORTCUTS } from './shortcuts';

const idle = { pendingPrefix: false };

describe('flaggedKeyIntent', () => {
  it('maps the action letters to actions on the selection or focused row', () => {
    expect(flaggedKeyIntent(press('r'), idle)).toEqual({ kind: 'act', action: 'remove', scope: 'target' });
    expect(flaggedKeyIntent(press('w'), idle)).toEqual({ kind: 'act', action: 'remove-warn', scope: 'target' });
    expect(flaggedKeyIntent(press('m'), idle)).toEqual({ kind: 'act', action: 'mute', scope: 'target' });
    expect(flaggedKeyIntent(press('b'), idle)).toEqual({ kind: 'act', action: 'ban', scope: 'target' });
    expect(flaggedKeyIntent(press('i'), idle)).toEqual({ kind: 'act', action: 'dismiss', scope: 'target' });
  });

  it('turns Shift into "all open flags of this author"', () => {
    expect(flaggedKeyIntent(press('R', { shiftKey: true }), idle)).toEqual({ kind: 'act', action: 'remove', scope: 'author' });
    expect(flaggedKeyIntent(press('I', { shiftKey: true }), idle)).toEqual({ kind: 'act', action: 'dismiss', scope: 'author' });
  });

  it('has undo, Recent actions, new rows, export and saved views', () => {
    expect(flaggedKeyIntent(press('u'), idle)).toEqual({ kind: 'undo' });
    expect(flaggedKeyIntent(press('a'), idle)).toEqual({ kind: 'toggleRecent' });
    expect(flaggedKeyIntent(press('n'), idle)).toEqual({ kind: 'showNew' });
    expect(flaggedKeyIntent(press('e'), idle)).toEqual({ kind: 'export' });
    expect(flaggedKeyIntent(press('3'), idle)).toEqual({ kind: 'savedView', index: 2 });
  });

  it('leaves the table, the app and the browser their keys', () => {
    for (const key of ['j', 'k', 'x', 'Enter', 'Escape', '?', '/', '0']) expect(flaggedKeyIntent(press(key), idle)).toEqual({ kind: 'none' });
    expect(flaggedKeyIntent(press('J', { shiftKey: true }), idle)).toEqual({ kind: 'none' });
    expect(flaggedKeyIntent(press('r', { ctrlKey: true }), idle)).toEqual({ kind: 'none' });
    expect(flaggedKeyIntent(press('g'), idle)).toEqual({ kind: 'prefix' });
    // `g f` goes to Flagged: after the prefix nothing is ours.
    expect(flaggedKeyIntent(press('b'), { pendingPrefix: true })).toEqual({ kind: 'none' });
  });

  it('gives every action its own key, none taken by the table, and lists them in the overlay', () => {
    const keys = Object.values(FLAGGED_ACTION_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(['j', 'k', 'x', 'g', 'u', 'a', 'n', 'e']).not.toContain(key);
    for (const key of keys) expect(FLAGGED_SHORTCUTS.some((s) => s.keys[0] === key)).toBe(true);
    expect(SHORTCUTS).toEqual(expect.arrayContaining([...FLAGGED_SHORTCUTS]));
    expect(JOIN_REQUEST_SHORTCUTS.every((s) => s.scope === 'join-requests')).toBe(true);
  });
});
