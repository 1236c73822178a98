import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPush } from '../store/repositories/outbox-payloads';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { count, decide, flagIdOf, ingest, NOW, reportedMessages, sandboxCapabilities } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-flags-');
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

const outbox = async () =>
  (await temp.store.reader.all<{ id: string; kind: string; payload: string; idempotency_key: string; not_before: number; subject_id: string }>(
    sql`SELECT id, kind, payload, idempotency_key, not_before, subject_id FROM outbox ORDER BY seq`,
  )).map((row) => {
    const push = readPush(row.kind, row.payload);
    return { ...row, push, action: push?.kind === 'moderate' ? push.payload : null };
  });

describe('actions on flagged messages', () => {
  it('shows three reports of one message as one row with count 3; dismissing resolves all three, here and on the platform', async () => {
    const reported = message('m1', { body: 'buy cheap followers' });
    await ingest(temp.store, ['p1', 'p2', 'p3'].map((id, i) => report(id, { message: reported, reason: i === 1 ? 'harassment' : 'spam', reportedAt: NOW - 1000 + i })));
    expect(await temp.store.reader.all(sql`SELECT report_count, reasons FROM flags`)).toEqual([{ report_count: 3, reasons: '["spam","harassment"]' }]);
    const id = await flagIdOf(temp.store, 'm1');

    const result = await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'dismiss', note: 'Banter between friends' });
    expect(result).toMatchObject({ count: 1, pushes: 3, graceUntil: NOW + 8_000 });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM reports WHERE status = 'resolved' AND resolved_by_action = ${result.actionId}`)).toBe(3);
    const pushes = await outbox();
    expect(pushes.map((p) => p.push)).toEqual(
      ['p1', 'p2', 'p3'].map((ext) => ({ kind: 'moderate', payload: { type: 'resolveReport', reportExternalId: ext, version: '1', resolution: 'dismissed' } })),
    );
    expect(pushes.every((p) => p.not_before === NOW + 8_000 && p.subject_id === id)).toBe(true);
    expect(await temp.store.reader.get(sql`SELECT status, decision, decision_note, sync_state FROM flags`)).toEqual({
      status: 'dismissed',
      decision: 'dismiss',
      decision_note: 'Banter between friends',
      sync_state: 'pending-push',
    });
    // Decided once: a second decision on it is a conflict and writes nothing.
    await expect(decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'remove' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox`)).toBe(3);
  });

  it('removes and warns everything matching a query (2,000 flags) in one transaction: a removal and a separate warning per message, each written once', async () => {
    await ingest(temp.store, reportedMessages(2_000, { communities: 4 }));
    const started = performance.now();
    const result = await decide(
      temp.store,
      { kind: 'query', filters: { status: 'open', communityId: undefined }, except: [] },
      { kind: 'remove-warn', reasonId: 'x' },
      { warning: { rule: 'No spam', template: 'Removed from {{community}} ({{rule}}), {{author}}.' } },
    );
    console.log(`remove and warn of ${result.count} flags: ${(performance.now() - started).toFixed(0)} ms`);
    expect(result).toMatchObject({ count: 2_000, pushes: 6_000 });
    const pushes = await outbox();
    expect(new Set(pushes.map((p) => p.idempotency_key)).size).toBe(6_000);
    const removals = pushes.filter((p) => p.action?.type === 'removeMessage');
    const warnings = pushes.filter((p) => p.action?.type === 'warn');
    expect(removals).toHaveLength(2_000);
    expect(warnings).toHaveLength(2_000);
    expect(new Set(removals.map((p) => p.subject_id)).size).toBe(2_000);
    const rm7 = (type: string) => pushes.find((p) => p.action?.type === type && 'messageExternalId' in p.action && p.action.messageExternalId === 'rm7');
    expect(rm7('removeMessage')?.action).toEqual({ type: 'removeMessage', communityExternalId: 'c3', messageExternalId: 'rm7', reason: 'No spam' });
    expect(rm7('warn')?.action).toEqual({ type: 'warn', communityExternalId: 'c3', personExternalId: 'a7', messageExternalId: 'rm7', text: 'Removed from c3 (No spam), Author 7.' });
    // The warning goes after its removal: same target (community and person), written later.
    const removal = pushes.indexOf(rm7('removeMessage')!);
    expect(pushes.indexOf(rm7('warn')!)).toBeGreaterThan(removal);
    expect(await count(temp.store, sql`SELECT count(DISTINCT target_key) AS n FROM outbox WHERE id IN (${rm7('warn')!.id}, ${rm7('removeMessage')!.id})`)).toBe(1);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM messages WHERE removed_at = ${NOW}`)).toBe(2_000);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM member_sanctions WHERE kind = 'removal' AND note LIKE 'Removed from %'`)).toBe(2_000);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM audit_log WHERE action = 'flag.remove-warn'`)).toBe(2_000);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM flag_evidence`)).toBe(2_000);
    expect(await count(temp.store, sql`SELECT sum(n) AS n FROM queue_counts WHERE queue = 'flags' AND status = 'actioned'`)).toBe(2_000);
    // Again: nothing left to decide, nothing written twice.
    await expect(decide(temp.store, { kind: 'query', filters: {}, except: [] }, { kind: 'remove' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox`)).toBe(6_000);
  });

  it('refuses remove-and-warn where a platform cannot send warnings, naming it, and writes nothing', async () => {
    await ingest(temp.store, reportedMessages(3));
    const noWarn = { ...sandboxCapabilities('CONN', 'Old Sandbox'), capabilities: sandboxCapabilities().capabilities?.filter((c) => c !== 'member.warn') ?? null };
    const attempt = decide(temp.store, { kind: 'query', filters: { status: 'open' }, except: [] }, { kind: 'remove-warn', warningText: 'x' }, {
      warning: { rule: 'Rules', template: 'Please stop' },
      connections: [noWarn],
    });
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden', message: '“Old Sandbox” cannot send warnings (sandbox).' });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox`)).toBe(0);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM flags WHERE status = 'open'`)).toBe(3);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM flag_evidence`)).toBe(0);
    // The same without the warning goes through.
    await expect(decide(temp.store, { kind: 'query', filters: { status: 'open' }, except: [] }, { kind: 'remove' }, { connections: [noWarn] })).resolves.toMatchObject({ count: 3 });
  });

  it('bans an author from every community they are in, even from a flag already decided, and refuses what a platform cannot do', async () => {
    const ann = person('ann', { displayName: 'Ann' });
    await ingest(temp.store, [
      report('p1', { message: message('m1', { author: ann, communityExternalId: 'c1' }) }),
      report('p2', { message: message('m2', { author: ann, communityExternalId: 'c2', conversationId: 'x' }), context: [message('m3', { author: ann, communityExternalId: 'c3', conversationId: 'y' })] }),
    ]);
    const id = await flagIdOf(temp.store, 'm1');
    await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'remove' });

    const noBan = { ...sandboxCapabilities(), capabilities: ['message.remove' as const] };
    await expect(decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'ban', scope: { kind: 'flag-community' } }, { connections: [noBan] })).rejects.toMatchObject({
      code: 'forbidden',
      message: '“Sandbox” cannot ban members (sandbox).',
    });
    const ban = await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'ban', scope: { kind: 'member-communities' } }, { now: NOW + 1 });
    expect(ban).toMatchObject({ count: 0, communities: 3, pushes: 3 });
    const bans = (await outbox()).filter((p) => p.action?.type === 'ban');
    expect(bans.map((p) => p.action).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      ['c1', 'c2', 'c3'].map((c) => ({ type: 'ban', communityExternalId: c, personExternalId: 'ann', until: null, deleteHistorySeconds: 0, reason: null })),
    );
    const [row] = await temp.store.reader.all<{ standing: string }>(sql`SELECT json_object('bans', count(*)) AS standing FROM member_sanctions WHERE kind = 'ban'`);
    expect(row?.standing).toBe('{"bans":3}');
    expect(await temp.store.reader.get(sql`SELECT summary FROM moderation_actions WHERE id = ${ban.actionId}`)).toEqual({ summary: 'Banned Ann from 3 communities' });
  });

  it('purges the author’s recent messages in bulk, and mutes for a duration where they posted', async () => {
    const ann = person('ann', { displayName: 'Ann' });
    const theirs = Array.from({ length: 5 }, (_, i) => message(`ann${i}`, { author: ann, communityExternalId: 'c1', sentAt: NOW - i * 60_000 }));
    await ingest(temp.store, [report('p1', { message: theirs[0]!, context: theirs.slice(1) })]);
    const id = await flagIdOf(temp.store, 'ann0');
    await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'mute', minutes: 60 * 24 });
    const purge = await decide(temp.store, { kind: 'ids', ids: [id] }, { kind: 'purge', withinHours: 1 }, { now: NOW + 10 });
    expect(purge.pushes).toBe(1);
    const [mute, resolve, bulk] = (await outbox()).map((p) => p.action);
    expect(resolve).toMatchObject({ type: 'resolveReport', resolution: 'actioned' });
    expect(mute).toEqual({ type: 'mute', communityExternalId: 'c1', personExternalId: 'ann', until: NOW + 86_400_000, reason: null });
    expect(bulk).toMatchObject({ type: 'removeMessages', communityExternalId: 'c1', reason: null });
    expect(bulk?.type === 'removeMessages' && [...bulk.messageExternalIds].sort()).toEqual(['ann0', 'ann1', 'ann2', 'ann3', 'ann4']);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM messages WHERE removed_at = ${NOW + 10}`)).toBe(5);
  });
});
