import { describe, expect, it } from 'vitest';
import { keyPress as press } from './key-press';
import { commonQueueIntent, pickerKeyIntent, readQueueLetter } from './queue-keys';

const idle = { pendingPrefix: false };
const keys = { undo: 'u', recent: 'a', showNew: 'n' };

describe('readQueueLetter', () => {
  it('gives a queue the letter lower-cased, with Shift read from the flag', () => {
    expect(readQueueLetter(press('x'), idle)).toEqual({ kind: 'letter', key: 'x', shift: false });
    expect(readQueueLetter(press('X', { shiftKey: true }), idle)).toEqual({ kind: 'letter', key: 'x', shift: true });
    expect(readQueueLetter(press('Enter'), idle)).toEqual({ kind: 'letter', key: 'Enter', shift: false });
  });

  it('leaves modified keys to the browser and the letter after g to the app', () => {
    for (const modifier of ['ctrlKey', 'metaKey', 'altKey'] as const) expect(readQueueLetter(press('a', { [modifier]: true }), idle)).toEqual({ kind: 'none' });
    expect(readQueueLetter(press('g'), idle)).toEqual({ kind: 'prefix' });
    expect(readQueueLetter(press('G', { shiftKey: true }), idle)).toEqual({ kind: 'none' });
    expect(readQueueLetter(press('a'), { pendingPrefix: true })).toEqual({ kind: 'none' });
  });
});

describe('commonQueueIntent', () => {
  it('maps the queue’s own undo, Recent actions and new-rows letters, and 1–9 to saved views', () => {
    expect(commonQueueIntent('u', keys)).toEqual({ kind: 'undo' });
    expect(commonQueueIntent('a', keys)).toEqual({ kind: 'toggleRecent' });
    expect(commonQueueIntent('r', { ...keys, recent: 'r' })).toEqual({ kind: 'toggleRecent' });
    expect(commonQueueIntent('n', keys)).toEqual({ kind: 'showNew' });
    expect(commonQueueIntent('1', keys)).toEqual({ kind: 'savedView', index: 0 });
    expect(commonQueueIntent('9', keys)).toEqual({ kind: 'savedView', index: 8 });
  });

  it('claims nothing else', () => {
    for (const key of ['0', 'r', 'q', 'Enter', ' ']) expect(commonQueueIntent(key, keys)).toEqual({ kind: 'none' });
  });
});

describe('pickerKeyIntent', () => {
  const picker = { choiceCount: 3, typing: false };
  it('picks 1–9 within the choices, confirms with Enter and cancels with Escape', () => {
    expect(pickerKeyIntent(press('2'), picker)).toEqual({ kind: 'pick', index: 1 });
    expect(pickerKeyIntent(press('4'), picker)).toEqual({ kind: 'none' });
    expect(pickerKeyIntent(press('Enter'), picker)).toEqual({ kind: 'confirm' });
    expect(pickerKeyIntent(press('Enter', { shiftKey: true }), picker)).toEqual({ kind: 'none' });
    expect(pickerKeyIntent(press('Escape'), picker)).toEqual({ kind: 'cancel' });
    expect(pickerKeyIntent(press('2', { ctrlKey: true }), picker)).toEqual({ kind: 'none' });
  });

  it('lets digits type into a text field of the picker', () => {
    expect(pickerKeyIntent(press('2'), { ...picker, typing: true })).toEqual({ kind: 'none' });
    expect(pickerKeyIntent(press('Enter'), { ...picker, typing: true })).toEqual({ kind: 'confirm' });
  });
});
