import { describe, expect, it } from 'vitest';
import { flaggedViewCodec as codec, type FlaggedViewState } from './viewDefinition';

const state: FlaggedViewState = { filters: { status: 'open', source: 'rule', minReports: undefined }, sort: [{ column: 'reportCount', desc: true }], search: 'crypto', layout: undefined };

describe('saved views of the flagged queue', () => {
  it('round-trips filters, sort and search, dropping unset filters', () => {
    expect(codec.toDefinition(state)).toEqual({ filters: { status: 'open', source: 'rule' }, sort: [{ column: 'reportCount', desc: true }], search: 'crypto' });
    expect(codec.fromDefinition(codec.toDefinition(state))).toEqual({ ...state, filters: { status: 'open', source: 'rule' } });
    expect(codec.sameViewState(state, { ...state, filters: { status: 'open', source: 'rule' } })).toBe(true);
  });

  it('refuses a definition this version cannot read, instead of breaking the queue', () => {
    expect(codec.fromDefinition({ filters: { status: 'exploded' }, sort: [] })).toBeNull();
    expect(codec.fromDefinition({ filters: {}, sort: [{ column: 'personName', desc: false }] })).toBeNull();
  });
});
