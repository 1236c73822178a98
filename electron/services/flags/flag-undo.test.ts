import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flaggedWindow } from '../queries/flagged';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { WindowCache } from '../store/window-cache';
import { fetchWindow } from '../store/window-query';
import { undoFlagAction } from './flag-undo';
import { recentFlagActions } from './recent-flag-actions';
import { count, decide, flagIdOf, ingest, NOW } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore('modboard-flag-undo-');
  await addConnection(temp.store);
  const ann = person('ann', { displayName: 'Ann' });
  await ingest(temp.store, [
    report('p1', { message: message('m1', { author: ann }) }),
    report('p2', { message: message('m2', { author: ann, conversationId: 'other' }) }),
  ]);
});
afterEach(() => temp.cleanup());

const undo = (actionId: string, now = NOW + 1_000) => undoFlagAction(temp.store, { actionId, actor: 'me', device: 'desk-1', now });
const rows = () =>
  fetchWindow({ reader: temp.store.reader, versionOf: temp.store.versionOf, cache: new WindowCache() }, flaggedWindow, {
    offset: 0,
    limit: 10,
    sort: [],
    filters: { status: 'open' },
  });

describe('undo of an action on flagged messages', () => {
  it('within the grace period restores the flags, reports, messages and standing; nothing is sent', async () => {
    const action = await decide(temp.store, { kind: 'author', flagId: await flagIdOf(temp.store, 'm1') }, { kind: 'remove-warn', warningText: 'x' }, {
      warning: { rule: 'the community rules', template: 'Please stop, {{author}}' },
    });
    expect(action.count).toBe(2);
    expect((await rows()).total).toBe(0);
    const [recent] = await recentFlagActions(temp.store.reader, 10);
    expect(recent).toMatchObject({ id: action.actionId, decision: 'remove-warn', summary: 'Removed and warned 2 messages — the community rules', undoable: 2, pushed: 0 });

    expect(await undo(action.actionId)).toEqual({ restored: 2, alreadyPushed: 0 });
    const window = await rows();
    expect(window.total).toBe(2);
    expect(window.rows.map((r) => [r.status, r.syncState, r.standing])).toEqual([
      ['open', 'synced', { removals: 0, mutes: 0, bans: 0 }],
      ['open', 'synced', { removals: 0, mutes: 0, bans: 0 }],
    ]);
    // Two removals, two warnings, two report resolutions: none left.
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox WHERE state = 'discarded'`)).toBe(6);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox WHERE state = 'discarded' AND json_extract(payload, '$.type') = 'warn'`)).toBe(2);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM reports WHERE status = 'open'`)).toBe(2);
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM messages WHERE removed_at IS NOT NULL`)).toBe(0);
    expect(await undo(action.actionId)).toEqual({ restored: 0, alreadyPushed: 0 });
    // Decided again, the flags take a new action and new pushes.
    await decide(temp.store, { kind: 'ids', ids: [await flagIdOf(temp.store, 'm1')] }, { kind: 'remove' }, { now: NOW + 2_000 });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox WHERE state = 'queued'`)).toBe(2);
  });

  it('keeps what already reached the platform, counts it, and shows the standing it left', async () => {
    const m1 = await flagIdOf(temp.store, 'm1');
    const action = await decide(temp.store, { kind: 'author', flagId: m1 }, { kind: 'remove' });
    await temp.store.writer.transaction((tx) =>
      tx.run(sql`UPDATE outbox SET state = 'done' WHERE subject_id = ${m1} AND json_extract(payload, '$.type') = 'removeMessage'`),
    );
    expect(await undo(action.actionId)).toEqual({ restored: 1, alreadyPushed: 1 });
    const window = await rows();
    expect(window.total).toBe(1);
    expect(window.rows[0]?.standing).toEqual({ removals: 1, mutes: 0, bans: 0 });
    expect(await temp.store.reader.get(sql`SELECT status, sync_state FROM flags WHERE id = ${m1}`)).toEqual({ status: 'actioned', sync_state: 'synced' });
    const [recent] = await recentFlagActions(temp.store.reader, 10);
    expect(recent).toMatchObject({ undoneAt: NOW + 1_000, undoable: 0, pushed: 1 });
  });

  it('keeps a push that was tried and whose answer never came: the platform may have applied it', async () => {
    const m1 = await flagIdOf(temp.store, 'm1');
    const action = await decide(temp.store, { kind: 'author', flagId: m1 }, { kind: 'remove' });
    // Queued again after a timeout, as the drainer leaves it: one attempt made.
    await temp.store.writer.transaction((tx) =>
      tx.run(sql`UPDATE outbox SET attempts = 1 WHERE subject_id = ${m1} AND json_extract(payload, '$.type') = 'removeMessage'`),
    );
    expect(await undo(action.actionId)).toEqual({ restored: 1, alreadyPushed: 1 });
    expect(await count(temp.store, sql`SELECT count(*) AS n FROM outbox WHERE subject_id = ${m1} AND state = 'queued' AND json_extract(payload, '$.type') = 'removeMessage'`)).toBe(1);
    expect(await temp.store.reader.get(sql`SELECT status FROM flags WHERE id = ${m1}`)).toEqual({ status: 'actioned' });
  });
});
