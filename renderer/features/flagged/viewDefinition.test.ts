import { describe, expect, it } from 'vitest';
import { fromDefinition, sameViewState, toDefinition, type FlaggedViewState } from './viewDefinition';

const state: FlaggedViewState = { filters: { status: 'open', source: 'rule', minReports: undefined }, sort: [{ column: 'reportCount', desc: true }], search: 'crypto', layout: undefined };

describe('saved views of the flagged queue', () => {
  it('round-trips filters, sort and search, dropping unset filters', () => {
    expect(toDefinition(state)).toEqual({ filters: { status: 'open', source: 'rule' }, sort: [{ column: 'reportCount', desc: true }], search: 'crypto' });
    expect(fromDefinition(toDefinition(state))).toEqual({ ...state, filters: { status: 'open', source: 'rule' } });
    expect(sameViewState(state, { ...state, filters: { status: 'open', source: 'rule' } })).toBe(true);
  });

  it('refuses a definition this version cannot read, instead of breaking the queue', () => {
    expect(fromDefinition({ filters: { status: 'exploded' }, sort: [] })).toBeNull();
    expect(fromDefinition({ filters: {}, sort: [{ column: 'personName', desc: false }] })).toBeNull();
  });
});
