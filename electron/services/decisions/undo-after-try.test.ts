import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { markInFlight, requeuePush } from '../store/repositories/outbox-delivery';
import { getOutboxRecord } from '../store/repositories/outbox-records';
import { openTempStore, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { decideJoinRequests } from './join-decisions';
import { recentActions } from './recent-actions';
import { undoAction } from './undo';

/**
 * Found by the crash harness: a push sent once whose answer was lost (the platform
 * applied it, the connection dropped) is queued again for a retry. Undo used to
 * discard it as "not sent yet" and restore the row to pending while the platform
 * had it approved; the next decision on that person was then answered "already handled".
 */
let temp: TempStore;
const NOW = 1_800_000_000_000;
beforeEach(async () => {
  temp = await openTempStore('modboard-undo-');
  await seedQueue(temp.store, { joinRequests: 20, communities: 2, now: NOW });
});
afterEach(() => temp.cleanup());

it('keeps a decision whose push was tried and not answered, and counts it as possibly pushed', async () => {
  const { store } = temp;
  const ids = ['SEEDJOINREQUEST00000000001', 'SEEDJOINREQUEST00000000002'];
  const action = await decideJoinRequests(store, { target: { kind: 'ids', ids }, decision: 'approve', reason: null, snoozeUntil: null, actor: 'me', device: 'd', graceMs: 0, now: NOW });
  const [tried] = await store.reader.all<{ id: string }>(sql`SELECT id FROM outbox WHERE subject_id = ${ids[0] ?? ''}`);
  await store.writer.transaction(async (tx) => {
    await markInFlight(tx, tried?.id ?? '', NOW + 10);
    const row = await getOutboxRecord(tx, tried?.id ?? '');
    if (!row) throw new Error('no outbox row');
    await requeuePush(tx, row, { notBefore: NOW + 5_000, errorClass: 'transient', error: 'network: ECONNRESET' }, NOW + 20);
  });

  expect(await undoAction(store, { actionId: action.actionId, actor: 'me', device: 'd', now: NOW + 30 })).toEqual({ restored: 1, alreadyPushed: 1 });
  const states = await store.reader.all(sql`SELECT j.id, j.status, o.state FROM join_requests j JOIN outbox o ON o.subject_id = j.id
    WHERE j.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY j.id`);
  expect(states).toEqual([
    { id: ids[0], status: 'approved', state: 'queued' },
    { id: ids[1], status: 'pending', state: 'discarded' },
  ]);
  expect((await recentActions(store.reader, 5))[0]).toMatchObject({ pushed: 1, undoable: 0 });
});
