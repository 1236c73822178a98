import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type SelectionState } from '../data-table';
import { queueCount } from './queueCount';

describe('queueCount', () => {
  it('says how many rows the status filter holds, and how many are selected', () => {
    expect(queueCount({ total: 1204, totalKnown: true }, 'pending', EMPTY_SELECTION)).toBe(`${(1204).toLocaleString()} pending`);
    const some: SelectionState = { rows: { mode: 'some', ids: new Set(['a', 'b', 'c']) }, anchor: null };
    expect(queueCount({ total: 40, totalKnown: true }, 'open', some)).toBe('40 open · 3 selected');
    const all: SelectionState = { rows: { mode: 'all', except: new Set(['a']) }, anchor: null };
    expect(queueCount({ total: 40, totalKnown: true }, undefined, all)).toBe('40 in all states · 39 selected');
  });

  it('says nothing until main has counted', () => {
    expect(queueCount({ total: 0, totalKnown: false }, 'open', EMPTY_SELECTION)).toBeUndefined();
  });
});
