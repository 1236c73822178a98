import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '../store/sql';
import { deleteEverywhere, editEverywhere, previewEdit } from './follow-up';
import { planSend } from './preview';
import { WindowCache } from '../store/window-cache';
import { fetchWindow } from '../store/window-query';
import { announcementsWindow } from './list';
import { deliveryCounts, receiptsWindow } from './receipts';
import { retryDeliveries } from './retry';
import { sendAnnouncement } from './send';
import { communityId, deliveryStates, draftWith, startDesk, untilSettled, type DeskRig } from './testing';

let desk: DeskRig | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

async function sentTree(d: DeskRig) {
  const root = await communityId(d.deps.store, 'c_1');
  const draft = await draftWith(d.deps, 'Hello {{community.name}}', { trees: [root] }, { fr: 'Bonjour {{community.name}}' });
  const plan = await planSend(d.deps, draft, draft.targets, Date.now());
  await sendAnnouncement(d.deps, { id: draft.id, at: null, expectedTargets: plan.preview.count });
  d.engine.start();
  await untilSettled(d, draft.id);
  return { draft, count: plan.preview.count };
}

describe('after sending', () => {
  it('edits every live post from one action, then deletes them, each tracked and audited with its text', async () => {
    desk = await startDesk();
    const { draft, count } = await sentTree(desk);
    const content = { body: 'Hello again {{community.name}}', variants: {} };
    const preview = await previewEdit(desk.deps, draft.id, content);
    expect(preview).toMatchObject({ count, ready: count, problems: 0 });

    expect(await editEverywhere(desk.deps, draft.id, content)).toEqual({ queued: count, skipped: [] });
    await untilSettled(desk, draft.id);
    expect(await deliveryStates(desk.deps.store, draft.id)).toEqual({ edited: count });
    const store = desk.deps.store;
    const windows = { reader: store.reader, versionOf: store.versionOf, cache: new WindowCache() };
    const receipts = await fetchWindow(windows, receiptsWindow, { offset: 0, limit: 100, sort: [], filters: { announcementId: draft.id } });
    expect(receipts.total).toBe(count);
    expect(receipts.rows.every((r) => r.state === 'edited' && r.action === 'edit' && r.url !== null && r.text.startsWith('Hello again'))).toBe(true);
    const failedOnly = await fetchWindow(windows, receiptsWindow, { offset: 0, limit: 100, sort: [{ column: 'state', desc: false }], filters: { announcementId: draft.id, state: 'failed' } });
    expect(failedOnly.total).toBe(0);
    const listed = await fetchWindow(windows, announcementsWindow, { offset: 0, limit: 10, sort: [], search: 'again', filters: { status: 'sent' } });
    expect(listed.rows).toEqual([expect.objectContaining({ id: draft.id, title: 'Test', status: 'sent', deliveries: count, sent: count, failed: 0 })]);
    const patches = desk.rig.server.actions().filter((a) => a.method === 'PATCH' && a.effect === 'applied');
    expect(patches).toHaveLength(count);
    const world = desk.rig.server.world();
    const rows = await desk.deps.store.reader.all<{ external_id: string; external_message_id: string; rendered_text: string; name: string }>(sql`
      SELECT c.external_id, d.external_message_id, d.rendered_text, c.name FROM announcement_deliveries d JOIN communities c ON c.id = d.community_id
      WHERE d.announcement_id = ${draft.id}`);
    for (const row of rows) {
      expect(row.rendered_text).toBe(`Hello again ${row.name}`);
      expect(world.moderation.announcement(row.external_id, row.external_message_id)?.text).toBe(row.rendered_text);
    }
    const edits = await desk.deps.store.reader.all<{ before: string; after: string }>(sql`SELECT before, after FROM audit_log WHERE action = 'announcement.edit'`);
    expect(edits).toHaveLength(count);
    for (const edit of edits) {
      expect((JSON.parse(edit.before) as { text: string }).text).toMatch(/^Hello (?!again)/);
      expect((JSON.parse(edit.after) as { text: string }).text).toMatch(/^Hello again /);
    }
    // The same text again changes nothing anywhere.
    expect(await editEverywhere(desk.deps, draft.id, content)).toEqual({ queued: 0, skipped: [] });

    expect(await deleteEverywhere(desk.deps, draft.id)).toEqual({ queued: count, skipped: [] });
    await untilSettled(desk, draft.id);
    expect(await deliveryStates(desk.deps.store, draft.id)).toEqual({ deleted: count });
    expect(desk.rig.server.actions().filter((a) => a.method === 'DELETE' && a.effect === 'applied')).toHaveLength(count);
    expect(await desk.deps.store.reader.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'announcement.delete'`)).toEqual({ n: count });
    await expect(deleteEverywhere(desk.deps, draft.id)).rejects.toThrow(/No post of this announcement is live/);
  });

  it('shows a failed target with its reason, and a retry sends it again with the same key', async () => {
    desk = await startDesk();
    const connection = desk.rig.connectionId;
    await desk.deps.store.writer.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO communities (id, connection_id, external_id, name, kind, tree_key, created_at, updated_at)
        VALUES ('GONE', ${connection}, 'c_999', 'Gone group', 'group', 'gone group', 1, 1)`);
      tx.touch('communities');
    });
    const draft = await draftWith(desk.deps, 'Hi {{community.name}}', { communities: ['GONE'] });
    await sendAnnouncement(desk.deps, { id: draft.id, at: null, expectedTargets: 1 });
    desk.engine.start();
    await untilSettled(desk, draft.id);
    const failed = await desk.deps.store.reader.get<{ state: string; error: string }>(sql`SELECT state, error FROM announcement_deliveries`);
    expect(failed?.state).toBe('failed');
    expect(failed?.error).toMatch(/not.found/i);
    expect(await desk.deps.store.reader.get(sql`SELECT status FROM announcements WHERE id = ${draft.id}`)).toEqual({ status: 'failed' });

    expect(await retryDeliveries(desk.deps, draft.id)).toBe(1);
    await untilSettled(desk, draft.id);
    const keys = desk.rig.server.actions().map((a) => a.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(await deliveryCounts(desk.deps.store.reader, draft.id)).toMatchObject({ failed: 1, total: 1 });
    expect(await desk.deps.store.reader.get(sql`SELECT attempts FROM outbox`)).toEqual({ attempts: 2 });
  });
});
