import { AppFailure } from '@shared/result';
import { sql } from '../store/sql';
import type { AnnouncementDeps } from './deps';
import { requireAnnouncement } from './records';

/**
 * Failed pushes of an announcement (all, or these deliveries) go back to the queue,
 * due now, set-based. The drainer sends them with their original idempotency keys,
 * so a retry of a post that did land is answered from the platform's memory.
 */
export async function retryDeliveries(deps: AnnouncementDeps, id: string, deliveryIds?: readonly string[]): Promise<number> {
  const now = deps.now();
  const by = deps.by();
  const only = deliveryIds ? sql`AND d.id IN (SELECT value FROM json_each(${JSON.stringify(deliveryIds)}))` : sql``;
  const retried = await deps.store.writer.transaction(async (tx) => {
    const detail = await requireAnnouncement(tx, id);
    if (detail.status === 'cancelled' || detail.status === 'draft') throw new AppFailure('conflict', `This announcement is ${detail.status}; nothing to retry.`);
    await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS announcement_retries (delivery_id TEXT PRIMARY KEY, outbox_id TEXT NOT NULL)`);
    await tx.run(sql`DELETE FROM announcement_retries`);
    const { changes } = await tx.run(sql`INSERT INTO announcement_retries (delivery_id, outbox_id)
      SELECT d.id, o.id FROM announcement_deliveries d JOIN outbox o ON o.id = d.outbox_id
      WHERE d.announcement_id = ${id} AND o.state = 'failed' ${only}`);
    if (changes === 0) return 0;
    await tx.run(sql`UPDATE outbox SET state = 'queued', not_before = ${now}, last_error_class = NULL, updated_at = ${now}
      WHERE id IN (SELECT outbox_id FROM announcement_retries) AND state = 'failed'`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT x.outbox_id || '.retry.' || ${now}, ${now}, ${by.actor}, ${by.device}, 'announcement.retry', 'announcement_delivery', d.id,
        json_object('state', d.state, 'error', d.error), json_object('state', 'queued', 'text', d.rendered_text),
        'Retry the announcement to ' || c.name
      FROM announcement_retries x JOIN announcement_deliveries d ON d.id = x.delivery_id JOIN communities c ON c.id = d.community_id`);
    await tx.run(sql`UPDATE announcement_deliveries SET state = 'queued', error = NULL, updated_at = ${now}
      WHERE id IN (SELECT delivery_id FROM announcement_retries)`);
    tx.touch('announcements', 'outbox', 'audit_log');
    return changes;
  });
  if (retried > 0) deps.wakeDrainer();
  return retried;
}
