import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capability, JoinRequestItem } from '@shared/connectors';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { signalBit } from '@shared/domain/join-request';
import type { RuleDefinition } from '@shared/rules/schema';
import { decideJoinRequests } from '../decisions/join-decisions';
import { ingestJoinRequests } from '../store/repositories/join-requests-ingest';
import { addConnection, joinRequest, openTempStore, person, T0, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { startRuleRunner, type RuleRunner } from './rule-runner';
import { setRuleEnabled } from './rules-repository';
import { acting, enabledRule, silentLog, SPAM_REASON, SPAM_REASON_TEXT } from './testing';

const DAY = 86_400_000;
let temp: TempStore;
let runner: RuleRunner | undefined;
let wakes = 0;

beforeEach(async () => {
  temp = await openTempStore('modboard-rules-');
  await addConnection(temp.store);
  wakes = 0;
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await temp.cleanup();
});

const start = () => {
  runner = startRuleRunner({ store: temp.store, log: silentLog, device: () => 'TESTDESK', graceMs: () => 8_000, wakeDrainer: () => wakes++, now: () => T0 + 1_000 });
  return runner;
};
const ingest = (items: JoinRequestItem[]) => temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'CONN', items, T0));

/** A young account with a link in its answer (the example rule's target), or an older one, or one without a link. */
const young = (ext: string, answer = 'see https://bit.ly/x') =>
  joinRequest(ext, { person: person(`u-${ext}`, { displayName: `Young ${ext}`, accountCreatedAt: T0 - 3 * DAY }), answers: [{ question: 'q', answer }] });
const veteran = (ext: string) =>
  joinRequest(ext, { person: person(`u-${ext}`, { displayName: `Old ${ext}`, accountCreatedAt: T0 - 900 * DAY }), answers: [{ question: 'q', answer: 'see https://bit.ly/x' }] });

const youngWithLinks: RuleDefinition = {
  name: 'Young accounts with links',
  conditions: [
    { kind: 'account-age', youngerThanDays: 30 },
    { kind: 'signal', signal: 'link-in-answer' },
  ],
  action: { kind: 'decline', reasonId: SPAM_REASON },
};

const outbox = () =>
  temp.store.reader.all<{ subject_id: string; idempotency_key: string; payload: string; actor: string }>(
    sql`SELECT subject_id, idempotency_key, payload, actor FROM outbox ORDER BY seq`,
  );
const hits = () =>
  temp.store.reader.all<{ actor: string; subject_id: string; after: string; summary: string }>(
    sql`SELECT actor, subject_id, after, summary FROM audit_log WHERE action = 'rule.hit' ORDER BY seq`,
  );
const request = (ext: string) =>
  temp.store.reader.get<{ id: string; status: string; decided_by: string | null; signals: number; review_rule_id: string | null; review_rule_version: number | null }>(
    sql`SELECT id, status, decided_by, signals, review_rule_id, review_rule_version FROM join_requests WHERE external_id = ${ext}`,
  );

describe('enabled rules act on new requests as they arrive', () => {
  it('declines through the decision machinery: one outbox row each with an idempotency key, audit entries with the version', async () => {
    const rule = await enabledRule(temp.store, youngWithLinks, T0, 2);
    expect(rule.version).toBe(2);
    start();
    await ingest([young('a'), young('b'), young('c', 'I love gardening'), veteran('d')]);
    await runner!.settle();

    const rows = await outbox();
    const a = await request('a');
    const b = await request('b');
    expect(rows.map((r) => r.subject_id).sort()).toEqual([a!.id, b!.id].sort());
    expect(rows.map((r) => r.idempotency_key).sort()).toEqual(['join:CONN:a:1', 'join:CONN:b:1']);
    for (const row of rows) {
      expect(JSON.parse(row.payload)).toMatchObject({ decision: 'decline', reason: SPAM_REASON_TEXT, ban: false });
      expect(row.actor).toBe(`rule:${rule.id}@v2`);
    }
    expect(a).toMatchObject({ status: 'declined', decided_by: `rule:${rule.id}@v2` });
    expect(await request('c')).toMatchObject({ status: 'pending', decided_by: null });
    expect(await request('d')).toMatchObject({ status: 'pending', decided_by: null });

    const logged = await hits();
    expect(logged).toHaveLength(2);
    for (const hit of logged) {
      expect(hit.actor).toBe(`rule:${rule.id}@v2`);
      expect(JSON.parse(hit.after)).toMatchObject({ rule: rule.id, version: 2, action: 'decline' });
      expect(hit.summary).toMatch(/^Rule “Young accounts with links” \(v2\) declined Young [ab] in /);
    }
    const declines = await temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'join.decline' AND actor = ${`rule:${rule.id}@v2`}`);
    expect(declines?.n).toBe(2);
    const action = await temp.store.reader.get<{ summary: string; grace_until: number }>(sql`SELECT summary, grace_until FROM moderation_actions`);
    expect(action).toEqual({ summary: 'Rule “Young accounts with links” (v2): Declined 2 join requests', grace_until: T0 + 1_000 + 8_000 });
    expect(wakes).toBeGreaterThan(0);
    expect((await temp.store.reader.get(sql`SELECT hits FROM rules WHERE id = ${rule.id}`)) as { hits: number }).toEqual({ hits: 2 });

    // The same requests pulled again (a new version from the platform) are not new: nothing more is sent.
    await ingest([young('a'), { ...young('b'), version: '2' }]);
    await runner!.settle();
    expect(await outbox()).toHaveLength(2);
    expect(await hits()).toHaveLength(2);
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM rule_inbox`)).toEqual({ n: 0 });
  });

  it('does nothing while paused, including for arrivals queued before the pause', async () => {
    const rule = await enabledRule(temp.store, youngWithLinks, T0);
    await ingest([young('queued')]);
    await setRuleEnabled(temp.store, { id: rule.id, enabled: false, ...acting(T0) });
    await ingest([young('later')]);
    start();
    await runner!.settle();
    expect(await outbox()).toEqual([]);
    expect(await hits()).toEqual([]);
    expect(await request('queued')).toMatchObject({ status: 'pending', decided_by: null });
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM rule_inbox`)).toEqual({ n: 0 });
  });

  it('never touches a request a person decided first, even one still waiting for the runner', async () => {
    await enabledRule(temp.store, youngWithLinks, T0);
    await ingest([young('mine'), young('snoozed'), young('free')]);
    const mine = await request('mine');
    const snoozed = await request('snoozed');
    const decide = { reason: null, snoozeUntil: null, actor: 'me', device: 'TESTDESK', graceMs: 8_000, now: T0 + 500 };
    await decideJoinRequests(temp.store, { ...decide, target: { kind: 'ids', ids: [mine!.id] }, decision: 'approve' });
    await decideJoinRequests(temp.store, { ...decide, target: { kind: 'ids', ids: [snoozed!.id] }, decision: 'snooze', snoozeUntil: T0 + DAY });
    start();
    await runner!.settle();
    expect(await request('mine')).toMatchObject({ status: 'approved', decided_by: 'me' });
    expect(await request('snoozed')).toMatchObject({ status: 'snoozed', decided_by: 'me' });
    expect(await request('free')).toMatchObject({ status: 'declined' });
    expect((await hits()).map((h) => h.subject_id)).toEqual([(await request('free'))!.id]);
    expect((await outbox()).filter((o) => o.actor === 'me').map((o) => o.subject_id)).toEqual([mine!.id]);
  });

  it('marks for review with a visible marker, and the first enabled rule in the list wins', async () => {
    const review = await enabledRule(temp.store, { ...youngWithLinks, name: 'Look at young links', action: { kind: 'review' } }, T0);
    await enabledRule(temp.store, { ...youngWithLinks, name: 'Approve young links' , action: { kind: 'approve' } }, T0);
    start();
    await ingest([young('r')]);
    await runner!.settle();
    const marked = await request('r');
    expect(marked).toMatchObject({ status: 'pending', decided_by: null, review_rule_id: review.id, review_rule_version: 1 });
    expect(marked!.signals & signalBit('marked-for-review')).toBe(signalBit('marked-for-review'));
    expect(await outbox()).toEqual([]);
    expect(JSON.parse((await hits())[0]!.after)).toMatchObject({ rule: review.id, version: 1, action: 'review' });
  });

  it('holds for a person the hits whose platform cannot take the decision (decline and ban where banning is impossible)', async () => {
    await addConnection(temp.store, 'NOBAN');
    const banning: RuleDefinition = { ...youngWithLinks, action: { kind: 'decline', reasonId: SPAM_REASON, ban: true } };
    const rule = await enabledRule(temp.store, banning, T0);
    const can = (connectionId: string, capabilities: Capability[]): ConnectionCapabilities => ({ connectionId, name: connectionId, kind: 'sandbox', capabilities, bulkRemoveLimit: null });
    runner = startRuleRunner({
      store: temp.store,
      log: silentLog,
      device: () => 'TESTDESK',
      graceMs: () => 8_000,
      wakeDrainer: () => wakes++,
      now: () => T0 + 1_000,
      capabilities: async () => [can('CONN', ['joinRequests.decide', 'member.ban']), can('NOBAN', ['joinRequests.decide'])],
    });
    await ingest([young('a')]);
    await temp.store.writer.transaction((tx) => ingestJoinRequests(tx, 'NOBAN', [young('z')], T0));
    await runner.settle();

    const a = await request('a');
    const z = await request('z');
    expect(a).toMatchObject({ status: 'declined', decided_by: `rule:${rule.id}@v1` });
    expect(z).toMatchObject({ status: 'pending', decided_by: null, review_rule_id: rule.id });
    expect(z!.signals & signalBit('marked-for-review')).toBe(signalBit('marked-for-review'));
    const rows = await outbox();
    expect(rows.map((r) => r.subject_id)).toEqual([a!.id]);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ decision: 'decline', ban: true });
    const byRequest = new Map((await hits()).map((hit) => [hit.subject_id, JSON.parse(hit.after) as { action: string }]));
    expect(byRequest.get(a!.id)?.action).toBe('decline');
    expect(byRequest.get(z!.id)?.action).toBe('review');
  });
});
