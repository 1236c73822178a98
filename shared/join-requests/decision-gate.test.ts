import { describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '../domain/flagged';
import { canTakeDecision, decisionReach, decisionRefusal, leftPendingNote } from './decision-gate';

const telegram: ConnectionCapabilities = { connectionId: 't', name: 'Bot', kind: 'telegram', capabilities: ['joinRequests.decide', 'member.ban'], bulkRemoveLimit: null };
const forum: ConnectionCapabilities = { connectionId: 'f', name: 'Forum', kind: 'discourse', capabilities: ['joinRequests.decide'], bulkRemoveLimit: null };
const discordOff: ConnectionCapabilities = { connectionId: 'd', name: 'Guild', kind: 'discord', capabilities: ['member.ban'], bulkRemoveLimit: null };
const facebook: ConnectionCapabilities = { connectionId: 'fb', name: 'FB', kind: 'facebook-manual', capabilities: [], bulkRemoveLimit: null };
const gone: ConnectionCapabilities = { connectionId: 'g', name: 'Old bot', kind: 'telegram', capabilities: null, bulkRemoveLimit: null };

describe('join decision gate', () => {
  it('needs joinRequests.decide to approve or decline, and member.ban besides to ban; snoozing needs nothing', () => {
    expect(canTakeDecision(forum, 'decline')).toBe(true);
    expect(canTakeDecision(forum, 'decline-ban')).toBe(false);
    expect(canTakeDecision(discordOff, 'approve')).toBe(false);
    expect(canTakeDecision(discordOff, 'snooze')).toBe(true);
    expect(canTakeDecision(gone, 'approve')).toBe(false);
  });

  it('lets a manual connection record anything: nothing is pushed', () => {
    expect(canTakeDecision(facebook, 'decline-ban')).toBe(true);
  });

  it('splits a selection by what each row’s connection can take, naming the ones that cannot', () => {
    const reach = decisionReach('decline-ban', [
      { connection: telegram, rows: 120 },
      { connection: forum, rows: 30 },
      { connection: facebook, rows: 2 },
    ]);
    expect(reach).toEqual({ able: 122, unable: 30, reason: '“Forum” cannot ban members (discourse).' });
    expect(leftPendingNote({ count: reach.unable, reason: reach.reason ?? '' }, reach.able)).toBe('30 of 152 stay pending: “Forum” cannot ban members (discourse).');
    expect(decisionReach('approve', [{ connection: discordOff, rows: 1 }]).reason).toBe('“Guild” cannot decide join requests (discord).');
    expect(decisionReach('approve', [{ connection: gone, rows: 4 }])).toEqual({ able: 0, unable: 4, reason: '“Old bot” cannot be reached: reconnect it in Settings.' });
    expect(decisionReach('approve', [{ connection: telegram, rows: 4 }]).reason).toBeNull();
  });

  it('words a refusal as main sends it and the status line shows it', () => {
    expect(decisionRefusal('decline-ban', '“Forum” cannot ban members (discourse).')).toBe('Decline and ban is not possible: “Forum” cannot ban members (discourse).');
  });
});
