import { afterEach, describe, expect, it } from 'vitest';
import type { TargetSpec } from '@shared/domain/announcements';
import { sql } from '../store/sql';
import { until } from '../sync/testing';
import { cancelAnnouncement } from './cancel';
import { planSend } from './preview';
import { deliveryCounts } from './receipts';
import { sendAnnouncement } from './send';
import { communityId, deliveryStates, draftWith, startDesk, untilSettled, type DeskRig } from './testing';

let desk: DeskRig | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

const posts = (d: DeskRig) => d.rig.server.actions().filter((a) => a.method === 'POST' && a.path.endsWith('/announcements'));
const applied = (d: DeskRig) => posts(d).filter((a) => a.effect === 'applied');

async function treeDraft(d: DeskRig, body = 'Hello {{community.name}}', targets?: Partial<TargetSpec>) {
  const root = await communityId(d.deps.store, 'c_1');
  const draft = await draftWith(d.deps, body, targets ?? { trees: [root] });
  const plan = await planSend(d.deps, draft, draft.targets, Date.now());
  return { draft, plan };
}

describe('sending an announcement', () => {
  it('writes one outbox row per target with its own key, and each community gets its text once', async () => {
    desk = await startDesk();
    const { draft, plan } = await treeDraft(desk);
    expect(plan.preview.count).toBeGreaterThan(3);
    expect(plan.preview.problems).toBe(0);

    await sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count });
    const rows = await desk.deps.store.reader.all<{ idempotency_key: string; payload: string; target_key: string; not_before: number }>(
      sql`SELECT idempotency_key, payload, target_key, not_before FROM outbox WHERE kind = 'announce.send' ORDER BY seq`,
    );
    expect(rows).toHaveLength(plan.preview.count);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
    expect(rows.map((r) => JSON.parse(r.payload) as { text: string }).map((p) => p.text)).toEqual(plan.preview.rows.map((r) => `Hello ${r.communityName}`));
    const audit = await desk.deps.store.reader.all<{ after: string }>(sql`SELECT after FROM audit_log WHERE action = 'announcement.send'`);
    expect(audit.map((a) => (JSON.parse(a.after) as { text: string }).text).sort()).toEqual(plan.preview.rows.map((r) => r.text).sort());
    // A second send of the same announcement is refused: it is no longer a draft.
    await expect(sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count })).rejects.toThrow(/already sending/);

    desk.engine.start();
    await untilSettled(desk, draft.id);
    expect(await deliveryStates(desk.deps.store, draft.id)).toEqual({ sent: plan.preview.count });
    expect(applied(desk)).toHaveLength(plan.preview.count);
    expect(new Set(applied(desk).map((a) => a.path)).size).toBe(plan.preview.count);
    const status = await desk.deps.store.reader.get(sql`SELECT status FROM announcements WHERE id = ${draft.id}`);
    expect(status).toEqual({ status: 'sent' });
    const receipts = await desk.deps.store.reader.all<{ external_message_id: string | null; external_url: string | null }>(
      sql`SELECT external_message_id, external_url FROM announcement_deliveries WHERE announcement_id = ${draft.id}`,
    );
    for (const receipt of receipts) expect(receipt.external_url).toMatch(/^https?:\/\//);
  });

  it('refuses a send with preflight problems, a stale target count, or a missing typed confirmation', async () => {
    desk = await startDesk();
    const { draft, plan } = await treeDraft(desk, 'Rules: {{community.rulesUrl}} {{community.nope}}');
    expect(plan.preview.problems).toBeGreaterThan(0);
    await expect(sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count })).rejects.toThrow(/cannot be sent to yet/);
    const fine = await treeDraft(desk);
    await expect(sendAnnouncement(desk.deps, { id: fine.draft.id, at: null, expectedTargets: fine.plan.preview.count + 1 })).rejects.toThrow(/targets changed/);
    const strict = { ...desk.deps, confirmOver: () => 2 };
    await expect(sendAnnouncement(strict, { id: fine.draft.id, at: null, expectedTargets: fine.plan.preview.count, confirmation: '2' })).rejects.toThrow(/typed to confirm/);
    await sendAnnouncement(strict, { id: fine.draft.id, at: null, expectedTargets: fine.plan.preview.count, confirmation: String(fine.plan.preview.count) });
    expect(await desk.deps.store.reader.get(sql`SELECT count(*) AS n FROM outbox`)).toEqual({ n: fine.plan.preview.count });
  });

  it('cancels the targets not yet sent; they never reach the platform', async () => {
    desk = await startDesk();
    desk.rig.server.setFaults({ slow: { rate: 1, times: null, delayMs: 150 } });
    const { draft, plan } = await treeDraft(desk);
    await sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count });
    desk.engine.start();
    await until(() => applied(desk!).length >= 2, 20_000, 'two posts');
    const { cancelled, backToDraft } = await cancelAnnouncement(desk.deps, draft.id);
    expect(backToDraft).toBe(false);
    expect(cancelled).toBeGreaterThan(0);
    await untilSettled(desk, draft.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const states = await deliveryStates(desk.deps.store, draft.id);
    expect(states.cancelled).toBe(cancelled);
    expect((states.sent ?? 0) + cancelled).toBe(plan.preview.count);
    expect(applied(desk)).toHaveLength(states.sent ?? 0);
    expect(await desk.deps.store.reader.get(sql`SELECT status FROM announcements WHERE id = ${draft.id}`)).toEqual({ status: 'cancelled' });
    const counts = await deliveryCounts(desk.deps.store.reader, draft.id);
    expect(counts).toMatchObject({ total: plan.preview.count, cancelled, queued: 0, sending: 0 });
  });

  it('never cancels a target whose post may already be up (tried, answer lost): it goes on with the same key, posted once', async () => {
    desk = await startDesk();
    const { draft, plan } = await treeDraft(desk);
    await sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count });
    // As the drainer leaves a push whose answer never came: queued again, one attempt made.
    const tried = await desk.deps.store.writer.transaction(async (tx) => {
      const row = await tx.get<{ id: string; subject_id: string }>(sql`SELECT id, subject_id FROM outbox WHERE kind = 'announce.send' ORDER BY seq LIMIT 1`);
      await tx.run(sql`UPDATE outbox SET attempts = 1, not_before = 0 WHERE id = ${row?.id ?? ''}`);
      return row?.subject_id ?? '';
    });
    const { cancelled } = await cancelAnnouncement(desk.deps, draft.id);
    expect(cancelled).toBe(plan.preview.count - 1);
    desk.engine.start();
    await until(async () => (await desk!.deps.store.reader.get<{ state: string }>(sql`SELECT state FROM announcement_deliveries WHERE id = ${tried}`))?.state === 'sent', 20_000, 'the tried target sent');
    expect(await deliveryStates(desk.deps.store, draft.id)).toEqual({ sent: 1, cancelled: plan.preview.count - 1 });
    expect(applied(desk)).toHaveLength(1);
  });

  it('takes a send back to a draft when nothing has left yet, and a scheduled one waits for its time', async () => {
    desk = await startDesk();
    desk.engine.start();
    const { draft, plan } = await treeDraft(desk);
    const at = Date.now() + 60_000;
    const result = await sendAnnouncement(desk.deps, { id: draft.id, at, expectedTargets: plan.preview.count });
    expect(result).toEqual({ status: 'scheduled', targets: plan.preview.count, scheduledAt: at });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts(desk)).toHaveLength(0);
    expect(await cancelAnnouncement(desk.deps, draft.id)).toEqual({ cancelled: plan.preview.count, backToDraft: true });
    expect(await desk.deps.store.reader.get(sql`SELECT status, scheduled_at FROM announcements WHERE id = ${draft.id}`)).toEqual({ status: 'draft', scheduled_at: null });
    expect(await desk.deps.store.reader.get(sql`SELECT count(*) AS n FROM outbox`)).toEqual({ n: 0 });
  });

  it('fires a scheduled send at its time after a restart in between', async () => {
    desk = await startDesk();
    desk.engine.start();
    const { draft, plan } = await treeDraft(desk);
    const at = Date.now() + 1_500;
    await sendAnnouncement(desk.deps, { id: draft.id, at, expectedTargets: plan.preview.count });
    await desk.restart();
    await untilSettled(desk, draft.id);
    expect(Math.min(...posts(desk).map((p) => p.at))).toBeGreaterThanOrEqual(at);
    expect(applied(desk)).toHaveLength(plan.preview.count);
    expect(await desk.deps.store.reader.get(sql`SELECT status FROM announcements WHERE id = ${draft.id}`)).toEqual({ status: 'sent' });
  });

  it('resumes after a restart mid-send under a 429 storm without posting twice or early', { timeout: 90_000 }, async () => {
    desk = await startDesk();
    desk.rig.server.setFaults({
      rateLimit: { rate: 0.3, times: null, scope: 'target', retryAfterMs: 150 },
      dropAfterApply: { rate: 0.15, times: null },
      slow: { rate: 1, times: null, delayMs: 40 },
    });
    const { draft, plan } = await treeDraft(desk, 'Hello {{community.name}}', { platforms: ['sandbox'] });
    expect(plan.preview.count).toBeGreaterThan(30);
    await sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count, confirmation: String(plan.preview.count) });
    desk.engine.start();
    await until(() => applied(desk!).length >= 5, 20_000, 'five posts');
    await desk.restart();
    expect(applied(desk).length).toBeLessThan(plan.preview.count);
    await untilSettled(desk, draft.id, 60_000);
    expect(await deliveryStates(desk.deps.store, draft.id)).toEqual({ sent: plan.preview.count });
    expect(applied(desk)).toHaveLength(plan.preview.count);
    expect(new Set(applied(desk).map((a) => a.path)).size).toBe(plan.preview.count);
    const requests = desk.rig.server.requests();
    expect(requests.filter((q) => q.rejected === 'rate-limited').length).toBeGreaterThan(0);
    expect(requests.filter((q) => q.earlyRetry)).toEqual([]);
  });
});
