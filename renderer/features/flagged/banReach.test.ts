import { describe, expect, it } from 'vitest';
import type { BanScope, ConnectionCapabilities } from '@shared/domain/flagged';
import { banConnections, banTerms, timedBanBlock } from './banReach';

const sandbox: ConnectionCapabilities = { connectionId: 'k1', name: 'Sandbox', kind: 'sandbox', capabilities: ['member.ban', 'member.banTimed'], bulkRemoveLimit: null };
const discord: ConnectionCapabilities = { connectionId: 'k2', name: 'My server', kind: 'discord', capabilities: ['member.ban'], bulkRemoveLimit: null };
const community = (id: string, platform: 'sandbox' | 'discord', connectionName: string, member = true, blocked: string | null = null): BanScope['communities'][number] => ({
  communityId: id,
  communityName: id,
  parentName: null,
  connectionName,
  platform,
  member,
  blocked,
});
const communities = [community('c1', 'sandbox', 'Sandbox'), community('c2', 'discord', 'My server'), community('c3', 'discord', 'My server', false)];
const base = { rows: [{ connectionId: 'k1' }], communities, ticked: new Set<string>(), capabilities: [sandbox, discord] };

describe('banConnections', () => {
  it('reaches the rows’ own connections for "this community"', () => {
    expect(banConnections({ ...base, scope: 'flag' })).toEqual([sandbox]);
  });

  it('reaches every community the author is in (not blocked ones, not where they were never seen)', () => {
    expect(banConnections({ ...base, scope: 'member' })).toEqual([sandbox, discord]);
    expect(banConnections({ ...base, scope: 'member', communities: [community('c1', 'sandbox', 'Sandbox'), community('c2', 'discord', 'My server', true, 'cannot')] })).toEqual([sandbox]);
  });

  it('reaches only the ticked communities when chosen', () => {
    expect(banConnections({ ...base, scope: 'choose', ticked: new Set(['c2']) })).toEqual([discord]);
    expect(banConnections({ ...base, scope: 'choose', ticked: new Set() })).toEqual([]);
  });

  it('falls back to the rows when the author’s communities are unknown (several authors)', () => {
    expect(banConnections({ ...base, scope: 'member', communities: undefined })).toEqual([sandbox]);
  });
});

describe('timedBanBlock', () => {
  it('says which connection cannot ban for a time, and nothing when all can or none is known', () => {
    expect(timedBanBlock([sandbox])).toBeNull();
    expect(timedBanBlock([])).toBeNull();
    expect(timedBanBlock([sandbox, discord])).toBe('“My server” cannot ban for a time (discord).');
  });
});

describe('banTerms', () => {
  it('sends minutes only for a timed ban and the history window only when there is one', () => {
    expect(banTerms(null, 0)).toEqual({});
    expect(banTerms(60, 0)).toEqual({ minutes: 60 });
    expect(banTerms(null, 86_400)).toEqual({ deleteHistorySeconds: 86_400 });
    expect(banTerms(10_080, 3600)).toEqual({ minutes: 10_080, deleteHistorySeconds: 3600 });
  });
});
