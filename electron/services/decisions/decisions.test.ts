import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedQueue } from '../../../test/fixtures/seed-queue';
import { openStore, type Store } from '../store/database';
import { readPush } from '../store/repositories/outbox-payloads';
import { sql } from '../store/sql';
import { decideJoinRequests, type DecisionInput } from './join-decisions';
import { listReasons, reasonText } from './reasons';
import { recentActions } from './recent-actions';
import { wakeSnoozed } from './snooze-waker';
import { undoAction } from './undo';

let dir: string;
let store: Store;
const NOW = 1_800_000_000_000;
const base = { reason: null, snoozeUntil: null, actor: 'me', device: 'desk-1', graceMs: 8_000, now: NOW } as const;
const decide = (input: Partial<DecisionInput> & Pick<DecisionInput, 'target' | 'decision'>) => decideJoinRequests(store, { ...base, ...input });
const count = async (query: ReturnType<typeof sql>) => (await store.reader.get<{ n: number }>(query))?.n;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-decisions-'));
  store = await openStore(join(dir, 'db.sqlite'));
  await seedQueue(store, { joinRequests: 12_000, communities: 6, now: NOW });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('decisions on join requests', () => {
  it('declines everything matching a filter (10,000+ rows) in one transaction: rows, outbox and audit together', async () => {
    const started = performance.now();
    const result = await decide({
      target: { kind: 'query', filters: { status: 'pending' }, except: ['SEEDJOINREQUEST00000000001'] },
      decision: 'decline',
      reason: 'Spam',
    });
    const ms = performance.now() - started;
    console.log(`bulk decline of ${result.count} rows: ${ms.toFixed(0)} ms`);
    expect(result.count).toBe(11_999);
    expect(result.graceUntil).toBe(NOW + 8_000);
    expect(await count(sql`SELECT count(*) AS n FROM join_requests WHERE status = 'declined' AND sync_state = 'pending-push'`)).toBe(11_999);
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE state = 'queued' AND not_before = ${NOW + 8_000}`)).toBe(11_999);
    expect(await count(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'join.decline'`)).toBe(11_999);
    expect(await count(sql`SELECT count(DISTINCT idempotency_key) AS n FROM outbox`)).toBe(11_999);
    const sample = await store.reader.get<{ kind: string; payload: string }>(sql`SELECT kind, payload FROM outbox LIMIT 1`);
    expect(readPush(sample?.kind ?? '', sample?.payload ?? '')).toMatchObject({ kind: 'join.decide', payload: { decision: 'decline', reason: 'Spam', ban: false } });
    expect(await count(sql`SELECT n FROM queue_counts WHERE queue = 'join_requests' AND status = 'pending' AND n > 0`)).toBe(1);
  });

  it('undo within the grace period restores the rows and discards the pushes; nothing is sent', async () => {
    const ids = ['SEEDJOINREQUEST00000000010', 'SEEDJOINREQUEST00000000011', 'SEEDJOINREQUEST00000000012'];
    const action = await decide({ target: { kind: 'ids', ids }, decision: 'decline-ban', reason: 'Fake' });
    // The drainer took one push already: that row stays decided and is never re-sent.
    await store.writer.transaction((tx) => tx.run(sql`UPDATE outbox SET state = 'done' WHERE subject_id = ${ids[0] ?? ''}`));
    const undone = await undoAction(store, { actionId: action.actionId, actor: 'me', device: 'desk-1', now: NOW + 1_000 });
    expect(undone).toEqual({ restored: 2, alreadyPushed: 1 });
    const rows = await store.reader.all<{ id: string; status: string; decision: string | null }>(
      sql`SELECT id, status, decision FROM join_requests WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: ids[0], status: 'declined', decision: 'decline-ban' },
      { id: ids[1], status: 'pending', decision: null },
      { id: ids[2], status: 'pending', decision: null },
    ]);
    expect(await count(sql`SELECT count(*) AS n FROM outbox WHERE state = 'discarded'`)).toBe(2);
    const [recent] = await recentActions(store.reader, 10);
    expect(recent).toMatchObject({ id: action.actionId, undoneAt: NOW + 1_000, undoable: 0, pushed: 1 });
    // Deciding again makes a new idempotency key, so the platform sees a new intent.
    await decide({ target: { kind: 'ids', ids: [ids[1] ?? ''] }, decision: 'approve', now: NOW + 2_000 });
    expect(await count(sql`SELECT count(DISTINCT idempotency_key) AS n FROM outbox WHERE subject_id = ${ids[1] ?? ''}`)).toBe(2);
  });

  it('never decides a row twice: a second decision on decided rows is a conflict', async () => {
    await decide({ target: { kind: 'ids', ids: ['SEEDJOINREQUEST00000000020'] }, decision: 'approve' });
    await expect(decide({ target: { kind: 'ids', ids: ['SEEDJOINREQUEST00000000020'] }, decision: 'decline' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await count(sql`SELECT count(*) AS n FROM outbox`)).toBe(1);
  });

  it('snoozes without pushing and wakes the rows when the time is up', async () => {
    await decide({ target: { kind: 'ids', ids: ['SEEDJOINREQUEST00000000030'] }, decision: 'snooze', snoozeUntil: NOW + 60_000 });
    expect(await count(sql`SELECT count(*) AS n FROM outbox`)).toBe(0);
    expect(await wakeSnoozed(store, NOW + 30_000)).toBe(0);
    expect(await wakeSnoozed(store, NOW + 60_000)).toBe(1);
    expect(await count(sql`SELECT count(*) AS n FROM join_requests WHERE id = 'SEEDJOINREQUEST00000000030' AND status = 'pending'`)).toBe(1);
  });

  it('ships a reason library whose positions match the number keys', async () => {
    const reasons = await listReasons(store.reader);
    expect(reasons.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await reasonText(store.reader, reasons[1]?.id ?? '')).toMatch(/spam/i);
  });
});
