import { describeProblem } from '@shared/announcements/problem-text';
import { needsTypedConfirmation } from '@shared/announcements/summary';
import type { SendResult } from '@shared/domain/announcements';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import { sql } from '../store/sql';
import { idempotencyKeyOf, targetKeyOf } from '../store/repositories/outbox';
import type { AnnouncementDeps } from './deps';
import { planSend, type Plan } from './preview';
import { requireAnnouncement } from './records';

export interface SendInput {
  readonly id: string;
  /** A future time schedules the send; null or a past time sends now. */
  readonly at: number | null;
  /** The target count the user saw in the preview. */
  readonly expectedTargets: number;
  readonly confirmation?: string | undefined;
}

/** The same intent always gets the same key: a re-run of a send can never post twice to one community. */
export const sendKeyOf = (announcementId: string, communityId: string): string => idempotencyKeyOf('announce.send', announcementId, communityId);

function refuseUnlessSendable(plan: Plan, input: SendInput): void {
  const { preview } = plan;
  if (preview.count === 0) throw new AppFailure('invalid-input', 'Choose at least one target first.');
  if (preview.problems > 0) {
    const first = preview.rows.filter((row) => row.status === 'problem').slice(0, 3);
    const detail = first.map((row) => `${row.communityName}: ${row.problems.map(describeProblem).join('; ')}`).join(' · ');
    throw new AppFailure('conflict', `${preview.problems} targets cannot be sent to yet (${detail}). Fix them or exclude them.`);
  }
  if (preview.count !== input.expectedTargets)
    throw new AppFailure('conflict', `The targets changed since the preview: there are now ${preview.count}. Check the preview again.`);
  if (needsTypedConfirmation(preview) && input.confirmation?.trim() !== String(preview.count))
    throw new AppFailure('invalid-input', `A send to ${preview.count} targets needs the number ${preview.count} typed to confirm it.`);
}

/**
 * Starts the send job (issue 6 §4) in ONE transaction: a delivery and an outbox row per
 * target, each with its own idempotency key, due now or at the scheduled time, and the
 * exact text of each in the audit log. From there the drainer paces the pushes by each
 * connection's rate limits and, after a crash, reconciles before it sends again.
 */
export async function sendAnnouncement(deps: AnnouncementDeps, input: SendInput): Promise<SendResult> {
  const now = deps.now();
  const scheduledAt = input.at !== null && input.at > now ? input.at : null;
  const detail = await requireAnnouncement(deps.store.reader, input.id);
  if (detail.status !== 'draft') throw new AppFailure('conflict', `This announcement is already ${detail.status}.`);
  const plan = await planSend(deps, detail, detail.targets, scheduledAt ?? now);
  refuseUnlessSendable(plan, input);
  const by = deps.by();
  const rows = plan.targets.map(({ record, row }) => ({
    delivery: newId(now),
    outbox: newId(now),
    audit: newId(now),
    community: record.id,
    connection: record.connectionId,
    target: targetKeyOf(record.externalId),
    ext: record.externalId,
    key: sendKeyOf(detail.id, record.id),
    text: row.text,
    variant: row.variant,
  }));
  const batch = JSON.stringify(rows);
  const status = scheduledAt === null ? 'sending' : 'scheduled';
  const verb = scheduledAt === null ? 'Sending' : `Scheduled for ${new Date(scheduledAt).toISOString()}`;
  await deps.store.writer.transaction(async (tx) => {
    const started = await tx.run(sql`UPDATE announcements SET status = ${status}, scheduled_at = ${scheduledAt}, updated_at = ${now}
      WHERE id = ${detail.id} AND status = 'draft'`);
    if (started.changes === 0) throw new AppFailure('conflict', 'This announcement was sent meanwhile.');
    await tx.run(sql`INSERT INTO outbox (id, connection_id, target_key, kind, subject_type, subject_id, payload, idempotency_key,
        state, not_before, actor, created_at, updated_at)
      SELECT e.value ->> 'outbox', e.value ->> 'connection', e.value ->> 'target', 'announce.send', 'announcement_delivery',
        e.value ->> 'delivery', json_object('communityExternalId', e.value ->> 'ext', 'text', e.value ->> 'text'),
        e.value ->> 'key', 'queued', ${scheduledAt ?? now}, ${by.actor}, ${now}, ${now}
      FROM json_each(${batch}) e ORDER BY e.key`);
    await tx.run(sql`INSERT INTO announcement_deliveries (id, announcement_id, community_id, rendered_text, state, outbox_id, updated_at)
      SELECT e.value ->> 'delivery', ${detail.id}, e.value ->> 'community', e.value ->> 'text', 'queued', e.value ->> 'outbox', ${now}
      FROM json_each(${batch}) e`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT e.value ->> 'audit', ${now}, ${by.actor}, ${by.device}, 'announcement.send', 'announcement_delivery', e.value ->> 'delivery',
        NULL, json_object('announcementId', ${detail.id}, 'communityId', c.id, 'community', c.name, 'variant', e.value ->> 'variant',
          'text', e.value ->> 'text', 'scheduledAt', ${scheduledAt}, 'idempotencyKey', e.value ->> 'key'),
        ${verb} || ' announcement to ' || c.name
      FROM json_each(${batch}) e JOIN communities c ON c.id = e.value ->> 'community'`);
    tx.touch('announcements', 'outbox', 'audit_log');
  });
  deps.wakeDrainer();
  return { status, targets: rows.length, scheduledAt };
}
