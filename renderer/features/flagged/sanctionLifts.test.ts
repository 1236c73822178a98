import { describe, expect, it } from 'vitest';
import type { AuthorAction, ConnectionCapabilities } from '@shared/domain/flagged';
import { liftEverywhere, liftState } from './sanctionLifts';

const NOW = 1_000_000;
const sandbox: ConnectionCapabilities = { connectionId: 'k1', name: 'Sandbox', kind: 'sandbox', capabilities: ['member.ban', 'member.unban', 'member.mute'], bulkRemoveLimit: null };
const manual: ConnectionCapabilities = { connectionId: 'k2', name: 'Groups', kind: 'facebook-manual', capabilities: ['member.ban'], bulkRemoveLimit: null };
const action = (change: Partial<AuthorAction>): AuthorAction => ({
  id: 'a1',
  kind: 'ban',
  communityId: 'c1',
  communityName: 'Riders',
  connectionId: 'k1',
  until: null,
  note: null,
  at: NOW - 1000,
  undone: false,
  liftedAt: null,
  platform: 'reached',
  ...change,
});

describe('liftState', () => {
  it('offers lifting a ban or mute that reached the platform and is in force', () => {
    expect(liftState(action({}), [sandbox], NOW)).toEqual({ kind: 'liftable', sanction: 'ban', block: null });
    expect(liftState(action({ until: NOW + 60_000 }), [sandbox], NOW)).toMatchObject({ kind: 'liftable' });
  });

  it('disables it with the platform’s reason, or when the connection is gone', () => {
    expect(liftState(action({ kind: 'mute' }), [sandbox], NOW)).toEqual({ kind: 'liftable', sanction: 'mute', block: '“Sandbox” cannot lift mutes (sandbox).' });
    expect(liftState(action({ connectionId: 'k2' }), [sandbox, manual], NOW)).toMatchObject({ block: '“Groups” cannot lift bans (facebook-manual).' });
    expect(liftState(action({ connectionId: 'gone' }), [sandbox], NOW)).toMatchObject({ block: '“a removed connection” cannot be reached: reconnect it in Settings.' });
    expect(liftState(action({}), undefined, NOW)).toMatchObject({ block: null });
  });

  it('says lifted, ended or waiting, and offers nothing for undone actions, kicks and removals', () => {
    expect(liftState(action({ liftedAt: NOW - 10 }), [sandbox], NOW)).toEqual({ kind: 'lifted', at: NOW - 10 });
    expect(liftState(action({ until: NOW - 1 }), [sandbox], NOW)).toEqual({ kind: 'ended' });
    expect(liftState(action({ platform: 'waiting' }), [sandbox], NOW)).toEqual({ kind: 'waiting' });
    expect(liftState(action({ platform: 'none' }), [sandbox], NOW)).toEqual({ kind: 'none' });
    expect(liftState(action({ undone: true }), [sandbox], NOW)).toEqual({ kind: 'none' });
    expect(liftState(action({ kind: 'kick' }), [sandbox], NOW)).toEqual({ kind: 'none' });
    expect(liftState(action({ kind: 'removal' }), [sandbox], NOW)).toEqual({ kind: 'none' });
  });
});

describe('liftEverywhere', () => {
  it('counts the bans in force and is blocked only when no platform can lift them', () => {
    const actions = [action({ id: 'a' }), action({ id: 'b', connectionId: 'k2' }), action({ id: 'c', liftedAt: 5 }), action({ id: 'd', kind: 'mute' })];
    expect(liftEverywhere(actions, 'ban', [sandbox, manual], NOW)).toEqual({ count: 2, block: null });
    expect(liftEverywhere([action({ connectionId: 'k2' })], 'ban', [sandbox, manual], NOW)).toEqual({ count: 1, block: '“Groups” cannot lift bans (facebook-manual).' });
    expect(liftEverywhere(actions, 'mute', [sandbox], NOW)).toEqual({ count: 1, block: '“Sandbox” cannot lift mutes (sandbox).' });
  });
});
