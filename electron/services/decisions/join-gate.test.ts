import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { AppFailure } from '@shared/result';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { DISCOURSE_DESCRIPTOR } from '../connectors/discourse/descriptor';
import { SANDBOX_DESCRIPTOR } from '../connectors/sandbox/descriptor';
import { openTempStore, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { previewDecision } from './decision-preview';
import { decideJoinRequests, type DecisionInput } from './join-decisions';

/**
 * The capability gate on a real SQLite file: a seeded Sandbox connection (every
 * capability) and a forum whose descriptor lacks member.ban, each with pending requests.
 */
const NOW = 1_800_000_000_000;
const SEED = 'SEEDCONNECTION000000000000';
const FORUM_COMMUNITY = 'SEEDCOMMUNITY0000000000001';
const sandbox: ConnectionCapabilities = { connectionId: SEED, name: 'Seeded sandbox', kind: 'sandbox', capabilities: SANDBOX_DESCRIPTOR.capabilities, bulkRemoveLimit: 100 };
const forum: ConnectionCapabilities = { connectionId: 'FORUM', name: 'Forum', kind: 'discourse', capabilities: DISCOURSE_DESCRIPTOR.capabilities.filter((c) => c !== 'member.ban'), bulkRemoveLimit: null };
const capabilities = [sandbox, forum];

let temp: TempStore;
let forumIds: string[];
let sandboxIds: string[];

beforeEach(async () => {
  temp = await openTempStore('modboard-join-gate-');
  await seedQueue(temp.store, { joinRequests: 60, communities: 3, now: NOW });
  await temp.store.writer.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('FORUM', 'discourse', 'Forum', 1, 1)`);
    await tx.run(sql`INSERT INTO connections (id, kind, name, created_at, updated_at) VALUES ('FB', 'facebook-manual', 'FB groups', 1, 1)`);
    await tx.run(sql`UPDATE communities SET connection_id = 'FORUM' WHERE id = ${FORUM_COMMUNITY}`);
    await tx.run(sql`UPDATE join_requests SET connection_id = 'FORUM' WHERE community_id = ${FORUM_COMMUNITY}`);
  });
  const ids = await temp.store.reader.all<{ id: string; connection_id: string }>(sql`SELECT id, connection_id FROM join_requests WHERE status = 'pending' ORDER BY id`);
  forumIds = ids.filter((r) => r.connection_id === 'FORUM').map((r) => r.id);
  sandboxIds = ids.filter((r) => r.connection_id === SEED).map((r) => r.id);
});
afterEach(() => temp.cleanup());

const decide = (over: Partial<DecisionInput> & Pick<DecisionInput, 'target' | 'decision'>) =>
  decideJoinRequests(temp.store, { reason: 'spam', snoozeUntil: null, actor: 'me', device: 'desk', graceMs: 8_000, now: NOW, capabilities, ...over });
const count = async (query: ReturnType<typeof sql>) => (await temp.store.reader.get<{ n: number }>(query))?.n ?? -1;
const written = async () => ({
  decided: await count(sql`SELECT count(*) AS n FROM join_requests WHERE status <> 'pending'`),
  outbox: await count(sql`SELECT count(*) AS n FROM outbox`),
  audit: await count(sql`SELECT count(*) AS n FROM audit_log`),
  actions: await count(sql`SELECT count(*) AS n FROM moderation_actions`),
});
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppFailure ? { code: error.code, message: error.message } : error));

describe('the join-decision gate', () => {
  it('refuses decline-and-ban on a connection without member.ban and writes no row, outbox entry or audit line', async () => {
    expect(forumIds.length).toBeGreaterThan(0);
    expect(await refusal(decide({ target: { kind: 'ids', ids: forumIds }, decision: 'decline-ban' }))).toEqual({
      code: 'forbidden',
      message: 'Decline and ban is not possible: “Forum” cannot ban members (discourse).',
    });
    expect(await written()).toEqual({ decided: 0, outbox: 0, audit: 0, actions: 0 });
  });

  it('still declines there without the ban, and pushes it', async () => {
    const result = await decide({ target: { kind: 'ids', ids: forumIds.slice(0, 2) }, decision: 'decline' });
    expect(result).toMatchObject({ count: 2 });
    expect(result.leftPending).toBeUndefined();
    expect(await written()).toMatchObject({ decided: 2, outbox: 2 });
  });

  it('decides the rows of a mixed selection that can take the decision and leaves the others pending, saying how many and why', async () => {
    const mixed = [...sandboxIds.slice(0, 3), ...forumIds.slice(0, 2)];
    const result = await decide({ target: { kind: 'ids', ids: mixed }, decision: 'decline-ban' });
    expect(result).toMatchObject({ count: 3, leftPending: { count: 2, reason: '“Forum” cannot ban members (discourse).' } });
    const outbox = await temp.store.reader.all<{ connection_id: string; ban: number }>(sql`SELECT connection_id, json_extract(payload, '$.ban') AS ban FROM outbox`);
    expect(outbox).toHaveLength(3);
    expect(outbox.every((row) => row.connection_id === SEED && row.ban === 1)).toBe(true);
    expect(await count(sql`SELECT count(*) AS n FROM join_requests WHERE connection_id = 'FORUM' AND status = 'pending'`)).toBe(forumIds.length);
    expect(await count(sql`SELECT count(*) AS n FROM audit_log`)).toBe(3);
    expect(await temp.store.reader.get(sql`SELECT count, summary FROM moderation_actions`)).toEqual({ count: 3, summary: 'Declined and banned 3 join requests' });
  });

  it('applies the same split to a whole-query target, so the bulk confirmation and the decision agree', async () => {
    const target = { kind: 'query' as const, filters: { status: 'pending' as const }, except: [] };
    const preview = await previewDecision(temp.store.reader, target, NOW, { decision: 'decline-ban', capabilities });
    expect(preview.total).toBe(sandboxIds.length);
    expect(preview.leftPending).toEqual({ count: forumIds.length, reason: '“Forum” cannot ban members (discourse).' });
    expect(preview.perCommunity.some((c) => c.communityId === FORUM_COMMUNITY)).toBe(false);
    expect(await previewDecision(temp.store.reader, target, NOW, null)).toMatchObject({ total: 60 });
    const result = await decide({ target, decision: 'decline-ban' });
    expect(result).toMatchObject({ count: preview.total, leftPending: preview.leftPending });
  });

  it('refuses the preview too when no row can take the decision', async () => {
    const target = { kind: 'cluster' as const, clusterKey: 'none' };
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE join_requests SET cluster_key = 'none' WHERE connection_id = 'FORUM'`));
    expect(await refusal(previewDecision(temp.store.reader, target, NOW, { decision: 'decline-ban', capabilities }))).toMatchObject({ code: 'forbidden' });
  });

  it('refuses approve and decline where the connector cannot decide join requests', async () => {
    const off = [sandbox, { ...forum, capabilities: forum.capabilities?.filter((c) => c !== 'joinRequests.decide') ?? [] }];
    expect(await refusal(decide({ target: { kind: 'ids', ids: forumIds }, decision: 'approve', capabilities: off }))).toEqual({
      code: 'forbidden',
      message: 'Approve is not possible: “Forum” cannot decide join requests (discourse).',
    });
    // Snoozing stays local: no capability needed.
    expect(await decide({ target: { kind: 'ids', ids: forumIds }, decision: 'snooze', capabilities: off })).toMatchObject({ count: forumIds.length });
  });

  it('says a connection it cannot describe cannot be reached', async () => {
    expect(await refusal(decide({ target: { kind: 'ids', ids: forumIds }, decision: 'approve', capabilities: [sandbox] }))).toEqual({
      code: 'forbidden',
      message: 'Approve is not possible: “Forum” cannot be reached: reconnect it in Settings.',
    });
  });

  it('records a Facebook decision by hand with no capability at all, and never pushes it', async () => {
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE join_requests SET connection_id = 'FB' WHERE community_id = ${FORUM_COMMUNITY}`));
    const facebook: ConnectionCapabilities = { connectionId: 'FB', name: 'FB groups', kind: 'facebook-manual', capabilities: [], bulkRemoveLimit: null };
    const result = await decide({ target: { kind: 'ids', ids: forumIds }, decision: 'decline-ban', capabilities: [sandbox, facebook] });
    expect(result.count).toBe(forumIds.length);
    expect(await written()).toMatchObject({ outbox: 0, audit: forumIds.length });
    expect(await count(sql`SELECT count(*) AS n FROM join_requests WHERE connection_id = 'FB' AND sync_state = 'synced' AND status = 'declined'`)).toBe(forumIds.length);
  });
});
