import { hasCapability, isConnectorFailure } from '@shared/connectors';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxConnector } from './connector';

let server: SandboxServer;
let connector: ReturnType<typeof createSandboxConnector>;
beforeEach(async () => {
  server = await startQuietSandbox({ volume: 10, reports: 10 });
  connector = createSandboxConnector({ baseUrl: server.url, token: server.token });
});
afterEach(() => server.close());

async function reportedMessage() {
  const page = await connector.pullReports(null, { limit: 1 });
  const item = page.items[0];
  if (!item) throw new Error('no report');
  return { communityExternalId: item.message.communityExternalId, personExternalId: item.message.author.externalId, messageExternalId: item.message.externalId };
}

describe('warnings, unbans and unmutes on the Sandbox', () => {
  it('declares them, and sends a warning about the message once per idempotency key', async () => {
    for (const capability of ['member.warn', 'member.unban', 'member.unmute', 'member.banTimed'] as const) expect(hasCapability(connector.describe(), capability)).toBe(true);
    const target = await reportedMessage();
    const warn = { type: 'warn' as const, ...target, text: 'Your message broke the rule “Be kind”.' };
    expect(await connector.moderate(warn, { idempotencyKey: 'warn-1' })).toMatchObject({ status: 'applied' });
    expect(await connector.moderate(warn, { idempotencyKey: 'warn-1' })).toMatchObject({ status: 'applied' });
    expect(server.world().moderation.warningsTo(target.communityExternalId, target.personExternalId).map((w) => w.text)).toEqual([warn.text]);
    expect(await connector.reconcile('warn-1')).toMatchObject({ state: 'applied', outcome: { status: 'applied' } });

    const missing = await connector.moderate({ ...warn, messageExternalId: 'msg_nope' }, { idempotencyKey: 'warn-2' }).then(
      () => null,
      (e: unknown) => (isConnectorFailure(e) ? e.error : e),
    );
    expect(missing).toMatchObject({ class: 'not-found', what: 'message' });
  });

  it('lifts a timed ban and a mute; lifting again is already-handled, not an error', async () => {
    const target = await reportedMessage();
    const member = { communityExternalId: target.communityExternalId, personExternalId: target.personExternalId };
    await connector.moderate({ type: 'ban', ...member, until: Date.now() + 86_400_000, deleteHistorySeconds: 3_600, reason: null }, { idempotencyKey: 'ban' });
    await connector.moderate({ type: 'mute', ...member, until: null, reason: null }, { idempotencyKey: 'mute' });
    expect(server.world().moderation.banOf(member.communityExternalId, member.personExternalId, Date.now())).toMatchObject({ deleteHistorySeconds: 3_600 });

    expect(await connector.moderate({ type: 'unban', ...member }, { idempotencyKey: 'unban-1' })).toMatchObject({ status: 'applied' });
    expect(await connector.moderate({ type: 'unban', ...member }, { idempotencyKey: 'unban-2' })).toMatchObject({ status: 'already-handled', currentState: 'not banned' });
    expect(await connector.moderate({ type: 'unmute', ...member }, { idempotencyKey: 'unmute-1' })).toMatchObject({ status: 'applied' });
    expect(server.world().moderation.isBanned(member.communityExternalId, member.personExternalId, Date.now())).toBe(false);
    expect(server.world().moderation.isMuted(member.communityExternalId, member.personExternalId, Date.now())).toBe(false);
  });
});
