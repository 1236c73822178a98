import type { JoinDecision } from '@shared/connectors';
import { isConnectorFailure } from '@shared/connectors';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { OTHER_ADMINS } from '@services/sandbox/text/names';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxConnector } from './connector';

let server: SandboxServer;
let connector: ReturnType<typeof createSandboxConnector>;
beforeEach(async () => {
  server = await startQuietSandbox({ volume: 200, reports: 20 });
  connector = createSandboxConnector({ baseUrl: server.url, token: server.token });
});
afterEach(() => server.close());

const decision = (id: string, overrides: Partial<JoinDecision> = {}): JoinDecision => ({
  requestExternalId: id,
  communityExternalId: server.world().joinRequests.get(Number(id.slice(3))).communityId,
  version: '1',
  decision: 'approve',
  reason: null,
  ban: false,
  ...overrides,
});

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (isConnectorFailure(e) ? e.error : e));

describe('decisions', () => {
  it('applies once per idempotency key and answers a retry with the same outcome', async () => {
    const first = await connector.decideJoinRequest(decision('jr_4'), { idempotencyKey: 'decide-4' });
    const retry = await connector.decideJoinRequest(decision('jr_4'), { idempotencyKey: 'decide-4' });
    expect(first).toMatchObject({ status: 'applied', externalId: 'jr_4' });
    expect(retry).toEqual(first);
    expect(server.actions().map((a) => [a.idempotencyKey, a.effect])).toEqual([
      ['decide-4', 'applied'],
      ['decide-4', 'duplicate'],
    ]);
  });

  it('reports a decision beaten by another admin as already-handled, naming them', async () => {
    server.handleElsewhere({ joinRequestIds: ['jr_9'] });
    const outcome = await connector.decideJoinRequest(decision('jr_9'), { idempotencyKey: 'k9' });
    expect(outcome.status).toBe('already-handled');
    expect(outcome.status === 'already-handled' && OTHER_ADMINS.includes(outcome.by?.name ?? '')).toBe(true);
    expect(outcome.status === 'already-handled' && outcome.currentState).toMatch(/approved|declined/);
  });

  it('does the same when the fault makes another admin win the race', async () => {
    server.setFaults({ handledElsewhere: { rate: 1, times: 1 } });
    expect((await connector.decideJoinRequest(decision('jr_10'), { idempotencyKey: 'k10' })).status).toBe('already-handled');
    expect((await connector.decideJoinRequest(decision('jr_11'), { idempotencyKey: 'k11' })).status).toBe('applied');
  });

  it('maps a stale version to conflict and an unknown request to not-found', async () => {
    expect(await failureOf(connector.decideJoinRequest(decision('jr_12', { version: '5' }), { idempotencyKey: 'a' }))).toEqual({ class: 'conflict', reason: 'stale-version' });
    expect(await failureOf(connector.decideJoinRequest({ ...decision('jr_12'), requestExternalId: 'jr_99999' }, { idempotencyKey: 'b' }))).toEqual({ class: 'not-found', what: 'request' });
    expect(await failureOf(connector.decideJoinRequest(decision('jr_12', { version: 'v2' }), { idempotencyKey: 'c' }))).toMatchObject({ class: 'invalid' });
  });

  it('declines with a ban, after which banning again is already-handled', async () => {
    const request = server.world().joinRequests.get(13);
    await connector.decideJoinRequest(decision('jr_13', { decision: 'decline', ban: true, reason: 'raid' }), { idempotencyKey: 'd13' });
    const ban = { type: 'ban', communityExternalId: request.communityId, personExternalId: request.person.id, until: null, deleteHistorySeconds: 0, reason: null } as const;
    expect((await connector.moderate(ban, { idempotencyKey: 'ban13' })).status).toBe('already-handled');
  });
});

describe('moderation', () => {
  it('removes a message once; a second removal with a new key is already-handled', async () => {
    const message = server.world().reports.get(0).message;
    const action = { type: 'removeMessage', communityExternalId: message.communityId, messageExternalId: message.id, reason: 'spam' } as const;
    expect((await connector.moderate(action, { idempotencyKey: 'rm-1' })).status).toBe('applied');
    expect((await connector.moderate(action, { idempotencyKey: 'rm-2' })).status).toBe('already-handled');
    expect(await failureOf(connector.moderate({ ...action, messageExternalId: 'm_0_99' }, { idempotencyKey: 'rm-3' }))).toEqual({ class: 'not-found', what: 'message' });
  });

  it('reports a bulk removal with unknown ids as partial', async () => {
    const { before } = server.world().reports.get(1);
    const ids = before.slice(0, 3).map((m) => m.id);
    const outcome = await connector.moderate(
      { type: 'removeMessages', communityExternalId: before[0]?.communityId ?? '', messageExternalIds: [...ids, 'm_1_77'], reason: null },
      { idempotencyKey: 'bulk' },
    );
    expect(outcome).toEqual({ status: 'partial', succeeded: ids, failed: [{ id: 'm_1_77', error: { class: 'not-found', what: 'message' } }] });
  });

  it('kicks, mutes for a while, bans for a while and resolves reports', async () => {
    const { message } = server.world().reports.get(2);
    const member = { communityExternalId: message.communityId, personExternalId: message.author.id };
    expect((await connector.moderate({ type: 'kick', ...member, reason: null }, { idempotencyKey: 'kick' })).status).toBe('applied');
    expect((await connector.moderate({ type: 'mute', ...member, until: Date.now() + 3_600_000, reason: null }, { idempotencyKey: 'mute' })).status).toBe('applied');
    expect((await connector.moderate({ type: 'ban', ...member, until: Date.now() + 86_400_000, deleteHistorySeconds: 3600, reason: 'x' }, { idempotencyKey: 'ban' })).status).toBe('applied');
    const resolve = { type: 'resolveReport', reportExternalId: 'rp_2', version: '1', resolution: 'actioned' } as const;
    expect((await connector.moderate(resolve, { idempotencyKey: 'res' })).status).toBe('applied');
    expect((await connector.moderate(resolve, { idempotencyKey: 'res-again' })).status).toBe('already-handled');
    expect(await failureOf(connector.moderate({ type: 'kick', communityExternalId: 'c_404', personExternalId: 'u_1', reason: null }, { idempotencyKey: 'k404' }))).toEqual({ class: 'not-found', what: 'community' });
  });
});

describe('announcements', () => {
  it('sends, edits and deletes, with the message id and URL', async () => {
    const community = server.world().communities[1]?.id ?? '';
    const sent = await connector.sendAnnouncement({ communityExternalId: community, text: 'Meetup moved to Sunday' }, { idempotencyKey: 'ann-1' });
    expect(sent).toMatchObject({ status: 'applied', externalId: 'an_1', url: expect.stringContaining(`/c/${community}/m/an_1`) });
    const target = { communityExternalId: community, messageExternalId: 'an_1' };
    expect((await connector.editAnnouncement({ ...target, text: 'Meetup moved to Monday' }, { idempotencyKey: 'ann-1-edit' })).status).toBe('applied');
    expect((await connector.deleteAnnouncement(target, { idempotencyKey: 'ann-1-del' })).status).toBe('applied');
    expect((await connector.deleteAnnouncement(target, { idempotencyKey: 'ann-1-del-2' })).status).toBe('already-handled');
    expect(await failureOf(connector.editAnnouncement({ ...target, text: 'late' }, { idempotencyKey: 'ann-1-edit-2' }))).toEqual({ class: 'not-found', what: 'message' });
    expect(await failureOf(connector.sendAnnouncement({ communityExternalId: community, text: 'x'.repeat(5_000) }, { idempotencyKey: 'long' }))).toMatchObject({ class: 'invalid' });
  });
});

describe('reconcile', () => {
  it('says not-applied for a key the platform never saw', async () => {
    expect(await connector.reconcile('never-sent')).toEqual({ state: 'not-applied' });
  });

  it('finds a push whose answer was lost, and a re-send with its key changes nothing', async () => {
    server.setFaults({ dropAfterApply: { rate: 1, times: 1 } });
    const lost = await failureOf(connector.decideJoinRequest(decision('jr_20'), { idempotencyKey: 'lost' }));
    expect(lost).toMatchObject({ class: 'transient' });
    const reconciled = await connector.reconcile('lost');
    expect(reconciled).toMatchObject({ state: 'applied', outcome: { status: 'applied', externalId: 'jr_20' } });
    const resent = await connector.decideJoinRequest(decision('jr_20'), { idempotencyKey: 'lost' });
    expect(reconciled.state === 'applied' && resent).toEqual(reconciled.state === 'applied' && reconciled.outcome);
    expect(server.actions().map((a) => a.effect)).toEqual(['applied', 'duplicate']);
  });

  it('reports an already-handled push as applied, and a refused one as not-applied', async () => {
    server.handleElsewhere({ joinRequestIds: ['jr_21'] });
    await connector.decideJoinRequest(decision('jr_21'), { idempotencyKey: 'beaten' });
    expect(await connector.reconcile('beaten')).toMatchObject({ state: 'applied', outcome: { status: 'already-handled' } });
    await failureOf(connector.decideJoinRequest(decision('jr_22', { version: '9' }), { idempotencyKey: 'stale' }));
    expect(await connector.reconcile('stale')).toEqual({ state: 'not-applied' });
  });
});
