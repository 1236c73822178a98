import { describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '../domain/flagged';
import { actionBlock, canDo, liftBlock } from './actions';

const sandbox: ConnectionCapabilities = { connectionId: 'a', name: 'Sandbox', kind: 'sandbox', capabilities: ['message.remove', 'member.ban', 'member.kick', 'member.mute', 'member.muteTimed', 'reports.resolve'], bulkRemoveLimit: 100 };
const discourse: ConnectionCapabilities = { connectionId: 'b', name: 'Forum', kind: 'discourse', capabilities: ['message.remove', 'member.ban', 'member.muteTimed'], bulkRemoveLimit: null };
const facebook: ConnectionCapabilities = { connectionId: 'c', name: 'FB group', kind: 'facebook-manual', capabilities: [], bulkRemoveLimit: null };
const offline: ConnectionCapabilities = { connectionId: 'd', name: 'Old bot', kind: 'telegram', capabilities: null, bulkRemoveLimit: null };

describe('capability-aware actions', () => {
  it('allows an action when every connection it reaches can do it', () => {
    expect(actionBlock('remove', [sandbox, discourse])).toBeNull();
    expect(actionBlock('dismiss', [facebook, offline])).toBeNull();
  });

  it('disables it with the reason, naming the connections and platforms that cannot', () => {
    expect(actionBlock('kick', [sandbox, discourse])).toBe('“Forum” cannot kick members (discourse).');
    expect(actionBlock('remove', [facebook])).toBe('“FB group” cannot remove messages (facebook-manual).');
    expect(actionBlock('ban', [offline])).toBe('“Old bot” cannot be reached: reconnect it in Settings.');
  });

  it('tells a timed mute from an indefinite one, and lets purge use single removals when there is no bulk removal', () => {
    expect(canDo(discourse, 'mute', true)).toBe(true);
    expect(canDo(discourse, 'mute', false)).toBe(false);
    expect(canDo(discourse, 'purge', true)).toBe(true);
  });
});

describe('remove and warn, timed bans and lifting', () => {
  const warner: ConnectionCapabilities = { ...sandbox, capabilities: [...(sandbox.capabilities ?? []), 'member.warn', 'member.unban'] };

  it('needs a warning of its own besides the removal, and names the platform that cannot send one', () => {
    expect(actionBlock('remove-warn', [warner])).toBeNull();
    expect(actionBlock('remove-warn', [warner, discourse])).toBe('“Forum” cannot send warnings (discourse).');
    expect(actionBlock('remove-warn', [facebook])).toBe('“FB group” cannot remove messages (facebook-manual). “FB group” cannot send warnings (facebook-manual).');
  });

  it('bans permanently unless asked for an end, which needs the timed ban', () => {
    expect(canDo(sandbox, 'ban')).toBe(true);
    expect(actionBlock('ban', [sandbox], true)).toBe('“Sandbox” cannot ban for a time (sandbox).');
    expect(canDo({ ...sandbox, capabilities: ['member.banTimed'] }, 'ban', true)).toBe(true);
  });

  it('lifts only where the platform can', () => {
    expect(liftBlock('ban', [warner])).toBeNull();
    expect(liftBlock('mute', [warner])).toBe('“Sandbox” cannot lift mutes (sandbox).');
    expect(liftBlock('ban', [offline])).toBe('“Old bot” cannot be reached: reconnect it in Settings.');
  });
});
