import { describeProblem } from '@shared/announcements/problem-text';
import type { AnnouncementContent, AnnouncementPreview, FollowUpResult } from '@shared/domain/announcements';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Tx } from '../store/database';
import { sql } from '../store/sql';
import { idempotencyKeyOf, targetKeyOf } from '../store/repositories/outbox';
import { loadCommunities } from './candidates';
import type { AnnouncementDeps } from './deps';
import { liveDeliveries, type LiveDelivery } from './live-deliveries';
import { postingOf } from './posting';
import { planEdit } from './preview';
import { requireAnnouncement } from './records';

type Skipped = FollowUpResult['skipped'][number];

/** One push to queue after a sent announcement: an edit with its new text, or a delete. */
interface FollowUp {
  readonly delivery: string;
  readonly outbox: string;
  readonly audit: string;
  readonly connection: string;
  readonly target: string;
  readonly ext: string;
  readonly message: string;
  readonly key: string;
  readonly text: string | null;
}

const BUSY = 'an earlier send or update is still on its way; try again when it has settled';

async function requireSent(deps: AnnouncementDeps, id: string) {
  const detail = await requireAnnouncement(deps.store.reader, id);
  if (detail.status === 'draft' || detail.status === 'scheduled') throw new AppFailure('conflict', 'Nothing has been posted yet: change the draft instead.');
  const live = await liveDeliveries(deps.store.reader, id);
  if (live.length === 0) throw new AppFailure('conflict', 'No post of this announcement is live on any platform.');
  return { detail, live };
}

/** The edit everywhere as it would go: each live post with its new text and whether it can be edited. */
export async function previewEdit(deps: AnnouncementDeps, id: string, content: AnnouncementContent): Promise<AnnouncementPreview> {
  const { live } = await requireSent(deps, id);
  return (await planEdit(deps, live.map((d) => d.communityId), content)).preview;
}

/**
 * Queues the follow-ups in ONE transaction: an outbox row per post (ordered after the
 * post's send, on the same target key), the delivery pointed at it, and the exact text
 * before and after in the audit log. Deliveries that moved meanwhile are left out.
 */
async function queueFollowUps(deps: AnnouncementDeps, kind: 'announce.edit' | 'announce.delete', followUps: readonly FollowUp[], tx: Tx): Promise<number> {
  const by = deps.by();
  const now = deps.now();
  const action = kind === 'announce.edit' ? 'announcement.edit' : 'announcement.delete';
  const verb = kind === 'announce.edit' ? 'Edit' : 'Delete';
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS announcement_follow_ups (delivery_id TEXT PRIMARY KEY, item TEXT NOT NULL)`);
  await tx.run(sql`DELETE FROM announcement_follow_ups`);
  const { changes } = await tx.run(sql`INSERT INTO announcement_follow_ups (delivery_id, item)
    SELECT e.value ->> 'delivery', e.value FROM json_each(${JSON.stringify(followUps)}) e
    JOIN announcement_deliveries d ON d.id = e.value ->> 'delivery'
    WHERE d.external_message_id = e.value ->> 'message' AND d.state <> 'deleted'
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subject_type = 'announcement_delivery' AND o.subject_id = d.id AND o.state IN ('queued', 'in-flight'))`);
  if (changes === 0) return 0;
  const item = (field: string) => sql`f.item ->> ${field}`;
  const payload =
    kind === 'announce.edit'
      ? sql`json_object('communityExternalId', ${item('ext')}, 'messageExternalId', ${item('message')}, 'text', ${item('text')})`
      : sql`json_object('communityExternalId', ${item('ext')}, 'messageExternalId', ${item('message')})`;
  await tx.run(sql`INSERT INTO outbox (id, connection_id, target_key, kind, subject_type, subject_id, payload, idempotency_key,
      state, not_before, actor, created_at, updated_at)
    SELECT ${item('outbox')}, ${item('connection')}, ${item('target')}, ${kind}, 'announcement_delivery', f.delivery_id, ${payload},
      ${item('key')}, 'queued', ${now}, ${by.actor}, ${now}, ${now}
    FROM announcement_follow_ups f ORDER BY f.rowid`);
  await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
    SELECT ${item('audit')}, ${now}, ${by.actor}, ${by.device}, ${action}, 'announcement_delivery', d.id,
      json_object('text', d.rendered_text, 'messageId', d.external_message_id),
      json_object('announcementId', d.announcement_id, 'community', c.name, 'text', ${item('text')}, 'idempotencyKey', ${item('key')}),
      ${verb} || ' the announcement in ' || c.name
    FROM announcement_follow_ups f JOIN announcement_deliveries d ON d.id = f.delivery_id JOIN communities c ON c.id = d.community_id`);
  await tx.run(sql`UPDATE announcement_deliveries SET outbox_id = ${item('outbox')}, error = NULL, updated_at = ${now},
      rendered_text = coalesce(${item('text')}, rendered_text)
    FROM announcement_follow_ups f WHERE announcement_deliveries.id = f.delivery_id`);
  tx.touch('announcements', 'outbox', 'audit_log');
  return changes;
}

function followUpOf(delivery: LiveDelivery, record: { connectionId: string; externalId: string }, key: string, text: string | null, now: number): FollowUp {
  return {
    delivery: delivery.id,
    outbox: newId(now),
    audit: newId(now),
    connection: record.connectionId,
    target: targetKeyOf(record.externalId),
    ext: record.externalId,
    message: delivery.messageId,
    key,
    text,
  };
}

/** Edit everywhere (issue 6 §6): every live post gets the new text where its platform allows edits. */
export async function editEverywhere(deps: AnnouncementDeps, id: string, content: AnnouncementContent): Promise<FollowUpResult> {
  const { detail, live } = await requireSent(deps, id);
  const now = deps.now();
  const editId = newId(now);
  const plan = await planEdit(deps, live.map((d) => d.communityId), content);
  const rows = new Map(plan.targets.map((t) => [t.record.id, t]));
  const skipped: Skipped[] = [];
  const followUps: FollowUp[] = [];
  for (const delivery of live) {
    const planned = rows.get(delivery.communityId);
    if (!planned) continue;
    const { record, row } = planned;
    if (delivery.busy) skipped.push({ communityName: record.name, reason: BUSY });
    else if (row.status !== 'ready') skipped.push({ communityName: record.name, reason: row.problems.map(describeProblem).join('; ') });
    else if (row.text !== delivery.text) followUps.push(followUpOf(delivery, record, idempotencyKeyOf('announce.edit', delivery.id, editId), row.text, now));
  }
  const queued = await deps.store.writer.transaction(async (tx) => {
    await tx.run(sql`UPDATE announcements SET body = ${content.body}, variants = ${JSON.stringify(content.variants)}, updated_at = ${now}
      WHERE id = ${detail.id}`);
    tx.touch('announcements');
    return followUps.length > 0 ? queueFollowUps(deps, 'announce.edit', followUps, tx) : 0;
  });
  if (queued > 0) deps.wakeDrainer();
  return { queued, skipped };
}

/** Delete everywhere: every live post is removed where its platform allows it (and the post is young enough). */
export async function deleteEverywhere(deps: AnnouncementDeps, id: string): Promise<FollowUpResult> {
  const { live } = await requireSent(deps, id);
  const now = deps.now();
  const deleteId = newId(now);
  const records = new Map((await loadCommunities(deps.store.reader, live.map((d) => d.communityId))).map((r) => [r.id, r]));
  const posting = await postingOf(deps, [...records.values()].map((r) => r.connectionId));
  const skipped: Skipped[] = [];
  const followUps: FollowUp[] = [];
  for (const delivery of live) {
    const record = records.get(delivery.communityId);
    if (!record) continue;
    const connection = posting.get(record.connectionId);
    const maxAge = connection?.descriptor?.limits.maxMessageAgeForDeleteMs;
    const reason = delivery.busy
      ? BUSY
      : connection?.ability.unavailable
        ? `cannot delete here: ${connection.ability.unavailable}`
        : !connection?.ability.delete
          ? `${record.platform} connections cannot delete announcements`
          : record.connectionState !== 'active'
            ? 'the connection is paused'
            : maxAge !== undefined && delivery.sentAt !== null && now - delivery.sentAt > maxAge
              ? `${record.platform} only deletes posts younger than ${Math.round(maxAge / 3_600_000)} hours`
              : null;
    if (reason) skipped.push({ communityName: record.name, reason });
    else followUps.push(followUpOf(delivery, record, idempotencyKeyOf('announce.delete', delivery.id, deleteId), null, now));
  }
  const queued = followUps.length > 0 ? await deps.store.writer.transaction((tx) => queueFollowUps(deps, 'announce.delete', followUps, tx)) : 0;
  if (queued > 0) deps.wakeDrainer();
  return { queued, skipped };
}
