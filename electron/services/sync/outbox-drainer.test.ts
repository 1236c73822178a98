import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, JoinDecision } from '@shared/connectors';
import { sql } from '../store/sql';
import { enqueuePush, targetKeyOf, type PushRequest } from '../store/repositories/outbox';
import { SANDBOX_RATE_LIMITS } from '../sandbox/rate-limits';
import { outboxStates, startRig, until, untilIdle, type SyncRig } from './testing';
import type { SyncEngine } from './engine';

let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

interface Pending {
  id: string;
  external_id: string;
  version: string;
  community: string;
  person: string;
}

/** A rig whose Sandbox backlog has been pulled, so there are join requests to decide. */
async function pulledRig(options: Parameters<typeof startRig>[0] = {}): Promise<{ rig: SyncRig; engine: SyncEngine }> {
  const r = await startRig({ volume: 120, reports: 0, ...options });
  rig = r;
  // Mild tightening keeps the storm tests short; the default halves the rate down to an eighth.
  const engine = r.engine({ random: () => 0.01, tuning: { backoff: { baseMs: 20, capMs: 200 }, tighten: { factor: 0.5, floor: 0.5, holdMs: 2_000 } } });
  await engine.runNow();
  await untilIdle(engine);
  return { rig: r, engine };
}

async function pendingRequests(r: SyncRig, n: number): Promise<Pending[]> {
  return r.temp.store.reader.all<Pending>(sql`SELECT j.id, j.external_id, j.version, c.external_id AS community, m.external_id AS person
    FROM join_requests j JOIN communities c ON c.id = j.community_id JOIN members m ON m.id = j.member_id
    WHERE j.status = 'pending' ORDER BY j.seq LIMIT ${n}`);
}

const decisionFor = (r: SyncRig, p: Pending, over: Partial<JoinDecision> = {}): PushRequest => ({
  kind: 'join.decide',
  payload: { requestExternalId: p.external_id, communityExternalId: p.community, version: p.version, decision: 'approve', reason: null, ban: false, ...over },
  connectionId: r.connectionId,
  targetKey: targetKeyOf(p.community, p.person),
  subjectType: 'join_request',
  subjectId: p.id,
  idempotencyKey: `decide:${p.external_id}:${over.decision ?? 'approve'}:${over.version ?? p.version}`,
  actor: 'alice',
});

async function enqueue(r: SyncRig, pushes: readonly PushRequest[]): Promise<string[]> {
  return r.temp.store.writer.transaction(async (tx) => {
    const ids: string[] = [];
    for (const push of pushes) ids.push(await enqueuePush(tx, push));
    return ids;
  });
}

const untilDrained = (r: SyncRig, timeoutMs = 20_000) =>
  until(async () => {
    const states = await outboxStates(r);
    return !states.queued && !states['in-flight'];
  }, timeoutMs, 'the outbox to drain');

const appliedDecisions = (r: SyncRig) => r.server.actions().filter((a) => a.path.endsWith('/decision') && a.effect === 'applied');

describe('outbox drainer against the Sandbox', () => {
  it.each(['account', 'target'] as const)('sends nothing to a scope before its Retry-After during a 429 storm (%s scope)', async (scope) => {
    const { rig: r, engine } = await pulledRig();
    const pending = await pendingRequests(r, 30);
    r.server.setFaults({ rateLimit: { rate: 0.35, times: null, scope, retryAfterMs: 120 } });
    await enqueue(r, pending.map((p) => decisionFor(r, p)));
    engine.start();
    await engine.runNow();
    await untilDrained(r);
    await untilIdle(engine);
    const requests = r.server.requests();
    expect(requests.filter((q) => q.rejected === 'rate-limited').length).toBeGreaterThan(5);
    expect(requests.filter((q) => q.earlyRetry)).toEqual([]);
    expect(await outboxStates(r)).toEqual({ done: 30 });
    expect(appliedDecisions(r)).toHaveLength(30);
    expect(new Set(appliedDecisions(r).map((a) => a.path)).size).toBe(30);
    const synced = await r.temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM join_requests WHERE sync_state = 'synced'`);
    expect(synced?.n).toBe(120);
  });

  it('keeps within the limits the connector declares: a platform enforcing them never has to say 429', async () => {
    const { rig: r, engine } = await pulledRig({ rateLimits: SANDBOX_RATE_LIMITS });
    const pending = await pendingRequests(r, 60);
    await enqueue(r, pending.map((p) => decisionFor(r, p)));
    const started = Date.now();
    engine.start();
    await untilDrained(r);
    expect(await outboxStates(r)).toEqual({ done: 60 });
    expect(r.server.requests().filter((q) => q.status === 429)).toEqual([]);
    // 20 per second with a burst of 20: the last of 60 (plus the start-up pull) cannot go before ~2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it('retries transient 5xx with backoff until the push succeeds', async () => {
    const { rig: r, engine } = await pulledRig();
    const [p] = await pendingRequests(r, 1);
    r.server.setFaults({ serverError: { rate: 1, times: 6 } });
    await enqueue(r, [decisionFor(r, p!)]);
    engine.start();
    await untilDrained(r);
    // The start-up pull may take some of the 5xx; every one the push got cost it an attempt.
    const failures = r.server.requests().filter((q) => q.path.endsWith('/decision') && q.rejected === 'server-error').length;
    expect(failures).toBeGreaterThan(0);
    const row = await r.temp.store.reader.get(sql`SELECT state, outcome, attempts, last_error_class FROM outbox`);
    expect(row).toEqual({ state: 'done', outcome: 'applied', attempts: failures + 1, last_error_class: null });
    expect(appliedDecisions(r)).toHaveLength(1);
  });

  it('pauses the connection on an expired token without losing anything, and drains after re-auth', async () => {
    const { rig: r, engine } = await pulledRig();
    const pending = await pendingRequests(r, 3);
    r.server.expireToken();
    await enqueue(r, pending.map((p) => decisionFor(r, p)));
    engine.start();
    await until(async () => (await r.temp.store.reader.get<{ state: string }>(sql`SELECT state FROM connections`))?.state === 'needs-reauth');
    await untilIdle(engine);
    expect(await r.temp.store.reader.all(sql`SELECT state, attempts FROM outbox`)).toEqual(Array(3).fill({ state: 'queued', attempts: 0 }));
    expect((await r.temp.store.reader.get<{ state_reason: string }>(sql`SELECT state_reason FROM connections`))?.state_reason).toMatch(/Reconnect/);

    r.server.reissueToken();
    await r.temp.store.writer.transaction(async (tx) => {
      await tx.run(sql`UPDATE connections SET state = 'active', state_reason = NULL`);
      tx.touch('connections');
    });
    await untilDrained(r);
    expect(await outboxStates(r)).toEqual({ done: 3 });
    expect(appliedDecisions(r)).toHaveLength(3);
  });

  it('keeps per-target order, and a failed row does not hold the rows behind it', async () => {
    const { rig: r, engine } = await pulledRig();
    const [p] = await pendingRequests(r, 1);
    const target = targetKeyOf(p!.community, p!.person);
    const mute: PushRequest = {
      kind: 'moderate',
      payload: { type: 'mute', communityExternalId: p!.community, personExternalId: p!.person, until: null, reason: null },
      connectionId: r.connectionId,
      targetKey: target,
      subjectType: 'member',
      subjectId: p!.person,
      idempotencyKey: `mute:${p!.person}`,
      actor: 'alice',
    };
    const stale = { ...decisionFor(r, p!, { version: '999' }), idempotencyKey: 'stale' };
    // The first push is refused (stale version): it fails, and the two behind it still go, in order.
    r.server.setFaults({ rateLimit: { rate: 1, times: 1, scope: 'target', retryAfterMs: 50 } });
    await enqueue(r, [stale, decisionFor(r, p!), mute]);
    engine.start();
    await untilDrained(r);
    expect(await r.temp.store.reader.all(sql`SELECT state, last_error_class FROM outbox ORDER BY seq`)).toEqual([
      { state: 'failed', last_error_class: 'conflict' },
      { state: 'done', last_error_class: null },
      { state: 'done', last_error_class: null },
    ]);
    const effects = r.server.actions().map((a) => [a.path.split('/').at(-1), a.effect]);
    expect(effects).toEqual([
      ['decision', 'rejected'],
      ['decision', 'applied'],
      ['mute', 'applied'],
    ]);
    const subject = await r.temp.store.reader.get(sql`SELECT sync_state FROM join_requests WHERE id = ${p!.id}`);
    expect(subject).toEqual({ sync_state: 'synced' });
    const failed = await r.temp.store.reader.get<{ last_error: string }>(sql`SELECT last_error FROM outbox WHERE state = 'failed'`);
    expect(failed?.last_error).toMatch(/^Could not approve join request .*: conflict: stale-version$/);
  });

  it('records who handled an item first when the platform says it was already handled', async () => {
    const { rig: r, engine } = await pulledRig();
    const [p] = await pendingRequests(r, 1);
    r.server.handleElsewhere({ joinRequestIds: [p!.external_id] });
    await enqueue(r, [decisionFor(r, p!)]);
    engine.start();
    await untilDrained(r);
    expect(await r.temp.store.reader.get(sql`SELECT state, outcome FROM outbox`)).toEqual({ state: 'done', outcome: 'already-handled' });
    const subject = await r.temp.store.reader.get<{ sync_state: string; handled_elsewhere_by: string | null }>(
      sql`SELECT sync_state, handled_elsewhere_by FROM join_requests WHERE id = ${p!.id}`,
    );
    expect(subject?.sync_state).toBe('synced');
    expect(subject?.handled_elsewhere_by).toEqual(expect.any(String));
    const audit = await r.temp.store.reader.get<{ action: string; device: string }>(sql`SELECT action, device FROM audit_log`);
    expect(audit).toEqual({ action: 'outbox.already-handled', device: 'test-device' });
  });
});

/** A connector whose pushes reach the platform, then never answer: the process "dies" before the acknowledgement. */
function crashingAfterSend(inner: Connector): Connector {
  return {
    ...inner,
    describe: () => inner.describe(),
    async decideJoinRequest(decision, options) {
      await inner.decideJoinRequest(decision, { idempotencyKey: options.idempotencyKey });
      return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true }));
    },
  };
}

describe('crash recovery', () => {
  it('reconciles a push left in flight instead of sending it again: one action on the platform', async () => {
    const { rig: r, engine: puller } = await pulledRig();
    await puller.stop();
    const [p] = await pendingRequests(r, 1);
    await enqueue(r, [decisionFor(r, p!)]);
    const first = r.engine({ tuning: { stopGraceMs: 50 }, connectorFor: async (id) => crashingAfterSend((await r.connectorFor(id))!) });
    first.start();
    await until(() => appliedDecisions(r).length === 1);
    await first.stop();
    expect(await outboxStates(r)).toEqual({ 'in-flight': 1 });

    const store = await r.temp.reopen();
    const second = r.engine({ store });
    second.start();
    await untilDrained(r);
    expect(await store.reader.get(sql`SELECT state, outcome, attempts FROM outbox`)).toEqual({ state: 'done', outcome: 'applied', attempts: 1 });
    expect(r.server.actions().map((a) => a.effect)).toEqual(['applied']);
    expect(r.server.requests().filter((q) => q.path.startsWith('/v1/actions/'))).toHaveLength(1);
  });

  it('fails a push it cannot confirm on a platform without native idempotency, rather than risk a second action', async () => {
    const { rig: r, engine: puller } = await pulledRig();
    await puller.stop();
    const [p] = await pendingRequests(r, 1);
    await enqueue(r, [decisionFor(r, p!)]);
    const unsure = async (id: string): Promise<Connector | null> => {
      const inner = (await r.connectorFor(id))!;
      return { ...inner, describe: () => ({ ...inner.describe(), sendIdempotency: 'none' }), reconcile: async () => ({ state: 'unknown' }) };
    };
    const first = r.engine({ tuning: { stopGraceMs: 50 }, connectorFor: async (id) => crashingAfterSend((await unsure(id))!) });
    first.start();
    await until(() => appliedDecisions(r).length === 1);
    await first.stop();

    const second = r.engine({ store: await r.temp.reopen(), connectorFor: unsure });
    second.start();
    await until(async () => (await outboxStates(r)).failed === 1);
    const row = await r.temp.store.reader.get<{ last_error: string; last_error_class: string }>(sql`SELECT last_error, last_error_class FROM outbox`);
    expect(row?.last_error_class).toBe('unconfirmed');
    expect(row?.last_error).toMatch(/^Could not confirm whether “approve join request .*” reached the platform; check there, then retry or discard\.$/);
    expect(r.server.actions()).toHaveLength(1);
    expect((await r.temp.store.reader.get<{ sync_state: string }>(sql`SELECT sync_state FROM join_requests WHERE id = ${p!.id}`))?.sync_state).toBe('failed');
  });
});
