import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flagAuthor } from '../queries/flag-author';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { undoFlagAction } from './flag-undo';
import { liftSanctions } from './lift-sanctions';
import { recentFlagActions } from './recent-flag-actions';
import { count, decide, flagIdOf, ingest, NOW, sandboxCapabilities } from './testing';

let temp: TempStore;
let annId: string;
beforeEach(async () => {
  temp = await openTempStore('modboard-lift-');
  await addConnection(temp.store);
  const ann = person('ann', { displayName: 'Ann' });
  await ingest(temp.store, [
    report('p1', { message: message('m1', { author: ann, communityExternalId: 'c1' }) }),
    report('p2', { message: message('m2', { author: ann, communityExternalId: 'c2', conversationId: 'x' }) }),
  ]);
  annId = (await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM members WHERE external_id = 'ann'`))!.id;
});
afterEach(() => temp.cleanup());

const DAY_MIN = 24 * 60;
const lift = (over: Partial<Parameters<typeof liftSanctions>[1]> = {}) =>
  liftSanctions(temp.store, {
    personId: annId,
    communities: 'all',
    kind: 'ban',
    connections: [sandboxCapabilities()],
    actor: 'me',
    device: 'desk-1',
    graceMs: 8_000,
    now: NOW + 60_000,
    ...over,
  });
const standing = async () => (await flagAuthor(temp.store.reader, (await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM messages WHERE external_id = 'm1'`))!.id, annId))?.standing;
const payloads = (type: string) =>
  temp.store.reader.all<{ payload: string; state: string; idempotency_key: string; target_key: string }>(
    sql`SELECT payload, state, idempotency_key, target_key FROM outbox WHERE json_extract(payload, '$.type') = ${type} ORDER BY seq`,
  );
const reachPlatform = (type: string) => temp.store.writer.transaction((tx) => tx.run(sql`UPDATE outbox SET state = 'done' WHERE json_extract(payload, '$.type') = ${type}`));

describe('timed bans and lifting a sanction after it reached the platform', () => {
  it('bans for a time with a delete-history window, and refuses a timed ban where the platform only bans for good', async () => {
    const id = await flagIdOf(temp.store, 'm1');
    const onlyForGood = { ...sandboxCapabilities(), capabilities: ['member.ban' as const] };
    await expect(decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'ban', scope: { kind: 'flag-community' }, minutes: DAY_MIN }, { connections: [onlyForGood] })).rejects.toMatchObject({
      code: 'forbidden',
      message: '“Sandbox” cannot ban for a time (sandbox).',
    });
    const ban = await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'ban', scope: { kind: 'member-communities' }, minutes: 7 * DAY_MIN, deleteHistorySeconds: 3_600 });
    expect(ban).toMatchObject({ communities: 2, pushes: 3 });
    const bans = (await payloads('ban')).map((p) => JSON.parse(p.payload) as Record<string, unknown>);
    expect(bans.map((b) => [b.communityExternalId, b.until, b.deleteHistorySeconds])).toEqual([
      ['c1', NOW + 7 * 86_400_000, 3_600],
      ['c2', NOW + 7 * 86_400_000, 3_600],
    ]);
    expect(await temp.store.reader.all(sql`SELECT until FROM member_sanctions WHERE kind = 'ban'`)).toEqual([{ until: NOW + 7 * 86_400_000 }, { until: NOW + 7 * 86_400_000 }]);
    expect(await temp.store.reader.get(sql`SELECT summary FROM moderation_actions WHERE id = ${ban.actionId}`)).toEqual({ summary: 'Banned Ann from 2 communities for 7 days' });
  });

  it('lifts a ban everywhere once it reached the platform: an unban push per community, standing and audit updated, undoable', async () => {
    await decide(temp.store, { kind: 'ids', ids: [await flagIdOf(temp.store, 'm1')] }, { kind: 'ban', scope: { kind: 'member-communities' } });
    // Still waiting out its grace period: undo is the way back, not a lift.
    await expect(lift()).rejects.toMatchObject({ code: 'conflict', message: 'That ban has not reached the platform yet: undo it in Recent actions instead.' });
    await reachPlatform('ban');
    expect(await standing()).toEqual({ removals: 0, mutes: 0, bans: 2 });

    const noUnban = { ...sandboxCapabilities(), capabilities: ['member.ban' as const] };
    await expect(lift({ connections: [noUnban] })).rejects.toMatchObject({ code: 'forbidden', message: '“Sandbox” cannot lift bans (sandbox).' });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox WHERE json_extract(payload, '$.type') = 'unban'`)).toBe(0);

    const lifted = await lift();
    expect(lifted).toMatchObject({ pushes: 2, communities: 2, graceUntil: NOW + 68_000 });
    const unbans = await payloads('unban');
    expect(unbans.map((p) => JSON.parse(p.payload))).toEqual(['c1', 'c2'].map((c) => ({ type: 'unban', communityExternalId: c, personExternalId: 'ann' })));
    expect(new Set(unbans.map((p) => p.idempotency_key)).size).toBe(2);
    expect(unbans.map((p) => p.target_key)).toEqual(['c1/ann', 'c2/ann']);
    expect(await standing()).toEqual({ removals: 0, mutes: 0, bans: 0 });
    expect(await temp.store.reader.all(sql`SELECT action, subject_id, summary FROM audit_log WHERE action = 'flag.lift-ban' ORDER BY summary`)).toEqual([
      { action: 'flag.lift-ban', subject_id: annId, summary: 'Lifted the ban on Ann in c1' },
      { action: 'flag.lift-ban', subject_id: annId, summary: 'Lifted the ban on Ann in c2' },
    ]);
    const [recent] = await recentFlagActions(temp.store.reader, 5);
    expect(recent).toMatchObject({ id: lifted.actionId, decision: 'lift-ban', summary: 'Lifted the ban on Ann in 2 communities', undoable: 2, pushed: 0 });
    await expect(lift()).rejects.toMatchObject({ code: 'conflict', message: 'Ann has no ban in force there to lift.' });

    // Taken back within its grace period: nothing is sent, the bans stand again.
    expect(await undoFlagAction(temp.store, { actionId: lifted.actionId, actor: 'me', device: 'desk-1', now: NOW + 61_000 })).toEqual({ restored: 0, alreadyPushed: 0 });
    expect((await payloads('unban')).map((p) => p.state)).toEqual(['discarded', 'discarded']);
    expect(await standing()).toEqual({ removals: 0, mutes: 0, bans: 2 });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'flag.lift-undo'`)).toBe(2);
  });

  it('lifts a mute in the chosen community only, and shows it in the author’s history as lifted', async () => {
    await decide(temp.store, { kind: 'author', flagId: await flagIdOf(temp.store, 'm1') }, { kind: 'mute', minutes: DAY_MIN });
    await reachPlatform('mute');
    const c2 = (await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM communities WHERE external_id = 'c2'`))!.id;
    const lifted = await lift({ kind: 'mute', communities: [c2] });
    expect(lifted).toMatchObject({ pushes: 1, communities: 1 });
    expect((await payloads('unmute')).map((p) => JSON.parse(p.payload))).toEqual([{ type: 'unmute', communityExternalId: 'c2', personExternalId: 'ann' }]);
    expect(await standing()).toEqual({ removals: 0, mutes: 1, bans: 0 });
    const author = await flagAuthor(temp.store.reader, (await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM messages WHERE external_id = 'm1'`))!.id, annId);
    expect(author?.actions.map((a) => [a.kind, a.communityName, a.liftedAt, a.platform]).sort()).toEqual([
      ['mute', 'c1', null, 'reached'],
      ['mute', 'c2', NOW + 60_000, 'reached'],
    ]);
    // An expired mute is not in force: nothing to lift.
    await expect(lift({ kind: 'mute', now: NOW + 2 * 86_400_000 })).rejects.toMatchObject({ code: 'conflict' });
  });
});
