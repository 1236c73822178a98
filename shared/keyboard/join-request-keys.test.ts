import { describe, expect, it } from 'vitest';
import { keyPress as press } from './key-press';
import { JOIN_REQUEST_SHORTCUTS, queueKeyIntent } from './join-request-keys';
import { SHORTCUTS } from './shortcuts';

const idle = { pendingPrefix: false };

describe('queueKeyIntent', () => {
  it('maps a, d, b, s to decisions on the target, and with shift on the whole cluster', () => {
    expect(queueKeyIntent(press('a'), idle)).toEqual({ kind: 'decide', decision: 'approve', scope: 'target' });
    expect(queueKeyIntent(press('d'), idle)).toEqual({ kind: 'decide', decision: 'decline', scope: 'target' });
    expect(queueKeyIntent(press('b'), idle)).toEqual({ kind: 'decide', decision: 'decline-ban', scope: 'target' });
    expect(queueKeyIntent(press('s'), idle)).toEqual({ kind: 'decide', decision: 'snooze', scope: 'target' });
    expect(queueKeyIntent(press('D', { shiftKey: true }), idle)).toEqual({ kind: 'decide', decision: 'decline', scope: 'cluster' });
  });

  it('maps u, r, n and the digits 1–9', () => {
    expect(queueKeyIntent(press('u'), idle)).toEqual({ kind: 'undo' });
    expect(queueKeyIntent(press('r'), idle)).toEqual({ kind: 'toggleRecent' });
    expect(queueKeyIntent(press('n'), idle)).toEqual({ kind: 'showNew' });
    expect(queueKeyIntent(press('1'), idle)).toEqual({ kind: 'savedView', index: 0 });
    expect(queueKeyIntent(press('9'), idle)).toEqual({ kind: 'savedView', index: 8 });
    expect(queueKeyIntent(press('0'), idle)).toEqual({ kind: 'none' });
  });

  it('maps c to the focused cluster and Shift+r to Rules (r alone stays Recent actions)', () => {
    expect(queueKeyIntent(press('c'), idle)).toEqual({ kind: 'toggleCluster' });
    expect(queueKeyIntent(press('R', { shiftKey: true }), idle)).toEqual({ kind: 'openRules' });
    expect(queueKeyIntent(press('c'), { pendingPrefix: true })).toEqual({ kind: 'none' });
  });

  it('leaves the letter after g to the app, so `g a` goes to Announcements instead of approving', () => {
    expect(queueKeyIntent(press('g'), idle)).toEqual({ kind: 'prefix' });
    expect(queueKeyIntent(press('a'), { pendingPrefix: true })).toEqual({ kind: 'none' });
  });

  it('leaves modified keys and unknown keys alone', () => {
    expect(queueKeyIntent(press('a', { ctrlKey: true }), idle)).toEqual({ kind: 'none' });
    expect(queueKeyIntent(press('d', { metaKey: true }), idle)).toEqual({ kind: 'none' });
    expect(queueKeyIntent(press('s', { altKey: true }), idle)).toEqual({ kind: 'none' });
    expect(queueKeyIntent(press('U', { shiftKey: true }), idle)).toEqual({ kind: 'none' });
    expect(queueKeyIntent(press('q'), idle)).toEqual({ kind: 'none' });
    expect(queueKeyIntent(press('Enter'), idle)).toEqual({ kind: 'none' });
  });

  it('does not take keys the table owns', () => {
    for (const key of ['j', 'k', 'x', ' ', 'Escape', 'Home', 'End', 'PageDown']) {
      expect(queueKeyIntent(press(key), idle)).toEqual({ kind: 'none' });
    }
  });
});

describe('JOIN_REQUEST_SHORTCUTS', () => {
  it('are all listed in the overlay, under their own scope', () => {
    for (const shortcut of JOIN_REQUEST_SHORTCUTS) {
      expect(SHORTCUTS).toContain(shortcut);
      expect(shortcut.scope).toBe('join-requests');
    }
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it('never binds g, which starts the app’s view switch', () => {
    expect(JOIN_REQUEST_SHORTCUTS.some((s) => s.keys.includes('g'))).toBe(false);
  });
});
