import { describe, expect, it } from 'vitest';
import { keyPress as press } from './key-press';
import { globalIntent, SHORTCUTS, VIEW_IDS, VIEW_SHORTCUTS } from './shortcuts';

describe('globalIntent', () => {
  it('reads g then a view letter as navigation', () => {
    expect(globalIntent(press('g'), false)).toEqual({ kind: 'prefix' });
    expect(globalIntent(press('f'), true)).toEqual({ kind: 'go', view: 'flagged' });
    expect(globalIntent(press('z'), true)).toEqual({ kind: 'none' });
  });

  it('leaves modified keys alone so browser and OS shortcuts keep working', () => {
    expect(globalIntent(press('?', { ctrlKey: true }), false)).toEqual({ kind: 'none' });
    expect(globalIntent(press('/'), false)).toEqual({ kind: 'search' });
  });

  it('gives every view its own letter and documents it in the overlay', () => {
    expect(new Set(Object.values(VIEW_SHORTCUTS)).size).toBe(VIEW_IDS.length);
    for (const view of VIEW_IDS) expect(SHORTCUTS.some((s) => s.id === `go-${view}`)).toBe(true);
  });
});
