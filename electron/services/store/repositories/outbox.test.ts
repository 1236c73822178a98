import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../sql';
import { ingestJoinRequests } from './join-requests-ingest';
import { cancelPush, discardPush, enqueuePush, idempotencyKeyOf, retryPush, targetKeyOf, type PushRequest } from './outbox';
import { addConnection, joinRequest, openTempStore, T0, type TempStore } from './testing';

let temp: TempStore;
let subjectId: string;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
  await temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', [joinRequest('r1')], T0));
  subjectId = (await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM join_requests`))!.id;
});
afterEach(() => temp.cleanup());

const me = { actor: 'alice', device: 'laptop' };
const decision = (key = 'k1'): PushRequest => ({
  kind: 'join.decide',
  payload: { requestExternalId: 'r1', communityExternalId: 'c1', version: '1', decision: 'approve', reason: null, ban: false },
  connectionId: 'CONN',
  targetKey: targetKeyOf('c1', 'u-r1'),
  subjectType: 'join_request',
  subjectId,
  idempotencyKey: key,
  notBefore: T0 + 5_000,
  actor: 'alice',
});
const enqueue = (request = decision()) => temp.store.writer.transaction((tx) => enqueuePush(tx, request, T0));
const outbox = () => temp.store.reader.all<{ state: string; not_before: number }>(sql`SELECT state, not_before FROM outbox`);
const syncState = async () => (await temp.store.reader.get<{ sync_state: string; sync_error: string | null }>(sql`SELECT sync_state, sync_error FROM join_requests`))!;
const audit = () => temp.store.reader.all<{ action: string; actor: string; device: string; summary: string }>(sql`SELECT action, actor, device, summary FROM audit_log ORDER BY seq`);

describe('outbox repository', () => {
  it('enqueues with its grace window, marks the subject pending, and refuses a reused idempotency key', async () => {
    await enqueue();
    expect(await outbox()).toEqual([{ state: 'queued', not_before: T0 + 5_000 }]);
    expect((await syncState()).sync_state).toBe('pending-push');
    await expect(enqueue()).rejects.toMatchObject({ code: 'conflict' });
    expect(idempotencyKeyOf('CONN', 'r1', 'approve', 1)).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyOf('CONN', 'r1', 'approve', 1)).not.toBe(idempotencyKeyOf('CONN', 'r1', 'approve', 2));
  });

  it('rejects a payload that does not match its kind', async () => {
    const bad = { ...decision(), payload: { nope: true } } as unknown as PushRequest;
    await expect(enqueue(bad)).rejects.toMatchObject({ code: 'internal' });
  });

  it('cancels a queued push for undo, with an audit line, and not one already sent', async () => {
    const id = await enqueue();
    expect(await temp.store.writer.transaction((tx) => cancelPush(tx, id, me, T0 + 1))).toBe(true);
    expect(await outbox()).toEqual([]);
    expect((await syncState()).sync_state).toBe('synced');
    expect(await audit()).toEqual([{ action: 'outbox.cancel', actor: 'alice', device: 'laptop', summary: 'Cancelled before sending: approve join request r1 in c1' }]);
    const sent = await enqueue(decision('k2'));
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE outbox SET state = 'in-flight' WHERE id = ${sent}`));
    expect(await temp.store.writer.transaction((tx) => cancelPush(tx, sent, me))).toBe(false);
  });

  it('retries a failed push now and discards one for good, each audited', async () => {
    const id = await enqueue();
    await temp.store.writer.transaction((tx) => tx.run(sql`UPDATE outbox SET state = 'failed', last_error = 'boom' WHERE id = ${id}`));
    expect(await temp.store.writer.transaction((tx) => retryPush(tx, id, me, T0 + 10))).toBe(true);
    expect(await outbox()).toEqual([{ state: 'queued', not_before: T0 + 10 }]);
    expect(await temp.store.writer.transaction((tx) => retryPush(tx, id, me, T0 + 10))).toBe(false);
    expect(await temp.store.writer.transaction((tx) => discardPush(tx, id, me, T0 + 20))).toBe(true);
    expect((await outbox())[0]?.state).toBe('discarded');
    expect(await syncState()).toEqual({ sync_state: 'failed', sync_error: 'Not sent to the platform: discarded by alice' });
    expect((await audit()).map((a) => a.action)).toEqual(['outbox.retry', 'outbox.discard']);
  });
});
