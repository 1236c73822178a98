import { describe, expect, it } from 'vitest';
import { joinRequestViewCodec as codec, type JoinRequestViewState } from './savedViewDefinition';

const state: JoinRequestViewState = {
  filters: { status: 'pending', communityTree: 'c_1', signals: ['new-account'] },
  sort: [{ column: 'requestedAt', desc: true }],
  search: 'crypto',
  layout: { order: ['personName', 'status'], sizes: { personName: 180 }, hidden: ['platform'], pinned: ['personName'] },
};

describe('saved views of the join-request queue', () => {
  it('round-trips the queue state', () => {
    const stored = JSON.parse(JSON.stringify(codec.toDefinition(state))) as unknown;
    expect(codec.fromDefinition(stored)).toEqual(state);
    expect(codec.sameViewState(codec.fromDefinition(stored)!, state)).toBe(true);
  });

  it('refuses definitions that are not a state of this queue', () => {
    expect(codec.fromDefinition({ filters: { status: 'nonsense' }, sort: [] })).toBeNull();
    expect(codec.fromDefinition({ filters: {}, sort: [{ column: 'firstAnswer', desc: false }] })).toBeNull();
    // A flagged queue's view does not open here.
    expect(codec.fromDefinition({ filters: { status: 'open' }, sort: [{ column: 'lastReportedAt', desc: false }] })).toBeNull();
  });
});
