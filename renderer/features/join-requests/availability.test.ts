import { describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { decisionBlocks, decisionLines, idsTaking } from './availability';

const telegram: ConnectionCapabilities = { connectionId: 't', name: 'Bot', kind: 'telegram', capabilities: ['joinRequests.decide', 'member.ban'], bulkRemoveLimit: null };
const forum: ConnectionCapabilities = { connectionId: 'f', name: 'Forum', kind: 'discourse', capabilities: ['joinRequests.decide'], bulkRemoveLimit: null };
const guild: ConnectionCapabilities = { connectionId: 'g', name: 'Guild', kind: 'discord', capabilities: ['member.ban'], bulkRemoveLimit: null };
const caps = [telegram, forum, guild];
const rowsOn = (...ids: string[]) => ({ ids: ids.map((_, i) => `r${i}`), rows: ids.map((connectionId) => ({ connectionId })), except: null });

describe('decisionBlocks', () => {
  it('disables Ban for a row whose platform cannot ban, with the reason, and offers the rest', () => {
    const blocks = decisionBlocks(rowsOn('f'), caps);
    expect(blocks['decline-ban']).toEqual({ block: '“Forum” cannot ban members (discourse).', note: null });
    expect(blocks.approve.block).toBeNull();
    expect(blocks.snooze.block).toBeNull();
    expect(decisionLines(blocks)).toEqual(['Decline and ban: “Forum” cannot ban members (discourse).']);
  });

  it('disables approve, decline and ban where the connector cannot decide join requests', () => {
    expect(decisionLines(decisionBlocks(rowsOn('g'), caps))).toEqual(['Approve, Decline, Decline and ban: “Guild” cannot decide join requests (discord).']);
  });

  it('offers a mixed selection, saying how many rows stay pending and why', () => {
    const blocks = decisionBlocks(rowsOn('t', 't', 'f'), caps);
    expect(blocks['decline-ban']).toEqual({ block: null, note: '1 of 3 stay pending: “Forum” cannot ban members (discourse).' });
    expect(decisionLines(blocks)).toEqual(['Decline and ban: 1 of 3 stay pending: “Forum” cannot ban members (discourse).']);
  });

  it('disables everything without a target, and judges nothing it cannot see whole or before capabilities load', () => {
    expect(decisionBlocks(null, caps).approve.block).toMatch(/No request/);
    expect(decisionBlocks(rowsOn('f'), undefined)['decline-ban'].block).toBeNull();
    expect(decisionBlocks({ ids: [], rows: [{ connectionId: 'f' }], except: [] }, caps)['decline-ban'].block).toBeNull();
    expect(decisionBlocks({ ids: ['a', 'b'], rows: [{ connectionId: 'f' }], except: null }, caps)['decline-ban'].block).toBeNull();
  });
});

describe('idsTaking', () => {
  it('keeps the rows main will leave pending out of the optimistic update', () => {
    const rows = [{ id: 'a', connectionId: 't' }, { id: 'b', connectionId: 'f' }];
    expect(idsTaking('decline-ban', ['a', 'b', 'c'], rows, caps)).toEqual(['a', 'c']);
    expect(idsTaking('decline', ['a', 'b'], rows, caps)).toEqual(['a', 'b']);
  });
});
