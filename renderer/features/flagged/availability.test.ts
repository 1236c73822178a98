import { describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { actionBlocks, blockedLines } from './availability';

const telegram: ConnectionCapabilities = { connectionId: 't', name: 'Bot', kind: 'telegram', capabilities: ['message.remove', 'member.ban', 'member.kick', 'member.muteTimed'], bulkRemoveLimit: null };

describe('actionBlocks', () => {
  it('disables what the target’s platform lacks, with the reason, and enables the rest', () => {
    const blocks = actionBlocks([{ connectionId: 't' }], [telegram]);
    expect(blocks.remove).toBeNull();
    expect(blocks.dismiss).toBeNull();
    expect(blocks.purge).toBeNull();
    expect(blocks.mute).toBeNull();
    expect(actionBlocks([{ connectionId: 't' }], [{ ...telegram, capabilities: ['message.remove'] }]).ban).toBe('“Bot” cannot ban members (telegram).');
  });

  it('disables everything when there is no target, and nothing while capabilities load', () => {
    expect(actionBlocks(null, [telegram]).remove).toMatch(/No flagged message/);
    expect(actionBlocks([{ connectionId: 't' }], undefined).ban).toBeNull();
  });
});

describe('blockedLines', () => {
  it('puts on screen why remove and warn is refused for a connection without member.warn, one line per reason', () => {
    const lines = blockedLines(actionBlocks([{ connectionId: 't' }], [{ ...telegram, capabilities: ['message.remove', 'member.muteTimed'] }]));
    expect(lines).toEqual([
      'Remove and warn: “Bot” cannot send warnings (telegram).',
      'Kick: “Bot” cannot kick members (telegram).',
      'Ban: “Bot” cannot ban members (telegram).',
    ]);
    expect(blockedLines(actionBlocks([{ connectionId: 't' }], [telegram]))).toEqual(['Remove and warn: “Bot” cannot send warnings (telegram).']);
  });
});
