import { describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '../domain/flagged';
import { actionBlock, canDo } from './actions';

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
