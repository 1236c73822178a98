import { describe, expect, it } from 'vitest';
import { fromDefinition, sameViewState, toDefinition, type QueueViewState } from './savedViewDefinition';

const state: QueueViewState = {
  filters: { status: 'pending', communityTree: 'c_1', signals: ['new-account'] },
  sort: [{ column: 'requestedAt', desc: true }],
  search: 'crypto',
  layout: { order: ['personName', 'status'], sizes: { personName: 180 }, hidden: ['platform'], pinned: ['personName'] },
};

describe('saved view definitions', () => {
  it('round-trips the queue state', () => {
    const stored = JSON.parse(JSON.stringify(toDefinition(state))) as unknown;
    expect(fromDefinition(stored)).toEqual(state);
    expect(sameViewState(fromDefinition(stored)!, state)).toBe(true);
  });

  it('refuses definitions that are not a queue state', () => {
    expect(fromDefinition({ filters: { status: 'nonsense' }, sort: [] })).toBeNull();
    expect(fromDefinition({ filters: {}, sort: [{ column: 'firstAnswer', desc: false }] })).toBeNull();
    expect(fromDefinition('nope')).toBeNull();
  });

  it('notices any change, the column layout included', () => {
    expect(sameViewState(state, { ...state, search: '' })).toBe(false);
    expect(sameViewState(state, { ...state, layout: undefined })).toBe(false);
  });
});
