import { AppFailure } from '@shared/result';
import type { Tx } from '../store/database';
import { mayHaveReachedPlatform } from '../store/repositories/outbox';
import { sql } from '../store/sql';
import type { AnnouncementDeps } from './deps';
import { requireAnnouncement } from './records';

/** The outbox rows of an announcement's sends (not its later edits or deletes). */
const SENDS_OF = (announcementId: string) => sql`subject_type = 'announcement_delivery' AND kind = 'announce.send'
  AND subject_id IN (SELECT id FROM announcement_deliveries WHERE announcement_id = ${announcementId})`;

/** Nothing of this send has been tried yet: every push is still queued with no attempt. */
async function untouched(tx: Tx, announcementId: string): Promise<boolean> {
  const row = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE ${SENDS_OF(announcementId)}
    AND NOT (state = 'queued' AND attempts = 0)`);
  return (row?.n ?? 0) === 0;
}

/**
 * Stops a send (issue 6 §4): targets not yet sent are not sent. A push already on the
 * wire finishes and is recorded. When nothing has been tried yet (a scheduled send,
 * or one cancelled at once) the announcement goes back to being a draft.
 */
export async function cancelAnnouncement(deps: AnnouncementDeps, id: string): Promise<{ cancelled: number; backToDraft: boolean }> {
  const now = deps.now();
  const by = deps.by();
  return deps.store.writer.transaction(async (tx) => {
    const detail = await requireAnnouncement(tx, id);
    if (!['scheduled', 'sending', 'failed'].includes(detail.status)) throw new AppFailure('conflict', `Nothing to cancel: this announcement is ${detail.status}.`);
    tx.touch('announcements', 'outbox', 'audit_log');
    if (await untouched(tx, id)) {
      const { changes } = await tx.run(sql`DELETE FROM outbox WHERE ${SENDS_OF(id)} AND state = 'queued'`);
      await tx.run(sql`DELETE FROM announcement_deliveries WHERE announcement_id = ${id}`);
      await tx.run(sql`UPDATE announcements SET status = 'draft', scheduled_at = NULL, updated_at = ${now} WHERE id = ${id}`);
      await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
        VALUES (${`${id}.cancel.${now}`}, ${now}, ${by.actor}, ${by.device}, 'announcement.unschedule', 'announcement', ${id},
          json_object('status', ${detail.status}, 'scheduledAt', ${detail.scheduledAt}), json_object('status', 'draft'),
          ${`Cancelled before anything was sent (${changes} targets); back to draft`})`);
      return { cancelled: changes, backToDraft: true };
    }
    await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS announcement_cancels (delivery_id TEXT PRIMARY KEY, outbox_id TEXT NOT NULL)`);
    await tx.run(sql`DELETE FROM announcement_cancels`);
    // A send queued again after a try whose answer was lost may already be posted: it goes on (same key), never cancelled.
    const { changes } = await tx.run(sql`INSERT INTO announcement_cancels (delivery_id, outbox_id)
      SELECT o.subject_id, o.id FROM outbox o WHERE ${SENDS_OF(id)} AND o.state IN ('queued', 'failed') AND NOT ${mayHaveReachedPlatform}`);
    if (changes === 0) throw new AppFailure('conflict', 'Nothing left to cancel: every target has been sent or is on its way.');
    await tx.run(sql`UPDATE outbox SET state = 'discarded', last_error = 'Cancelled before it was sent', completed_at = ${now}, updated_at = ${now}
      WHERE id IN (SELECT outbox_id FROM announcement_cancels) AND state IN ('queued', 'failed')`);
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT x.outbox_id || '.cancel', ${now}, ${by.actor}, ${by.device}, 'announcement.cancel', 'announcement_delivery', d.id,
        json_object('state', d.state, 'text', d.rendered_text), json_object('state', 'cancelled'),
        'Cancelled the announcement to ' || c.name || ' before it was sent'
      FROM announcement_cancels x JOIN announcement_deliveries d ON d.id = x.delivery_id JOIN communities c ON c.id = d.community_id`);
    await tx.run(sql`UPDATE announcement_deliveries SET state = 'cancelled', error = 'Cancelled before it was sent', updated_at = ${now}
      WHERE id IN (SELECT delivery_id FROM announcement_cancels)`);
    await tx.run(sql`UPDATE announcements SET status = 'cancelled', updated_at = ${now} WHERE id = ${id}`);
    return { cancelled: changes, backToDraft: false };
  });
}
