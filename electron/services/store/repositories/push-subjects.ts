import type { HandledBy, Outcome } from '@shared/connectors';
import type { SyncState } from '@shared/domain/join-request';
import type { Tx, TrackedTable } from '../database';
import { sql, trusted } from '../sql';
import type { OutboxKind } from './outbox-payloads';

/** Subjects that show a sync state, and the table that holds it (names from this whitelist only). */
const SYNCED_TABLES: Readonly<Record<string, TrackedTable>> = { join_request: 'join_requests', flag: 'flags' };

/** Sets the subject's sync state and error; subjects without one are left alone. */
export async function setSubjectSyncState(
  tx: Tx,
  subject: { readonly subjectType: string; readonly subjectId: string },
  state: SyncState,
  error: string | null,
  now: number,
): Promise<void> {
  const table = SYNCED_TABLES[subject.subjectType];
  if (!table) return;
  await tx.run(sql`UPDATE ${trusted(table)} SET sync_state = ${state}, sync_error = ${error}, updated_at = ${now}
    WHERE id = ${subject.subjectId} AND (sync_state, sync_error) IS NOT (${state}, ${error})`);
  tx.touch(table);
}

/** After a cancel: back to `synced` unless another push for the same subject is still pending or failed. */
export async function settleSubjectIfIdle(tx: Tx, subject: { readonly subjectType: string; readonly subjectId: string }, now: number): Promise<void> {
  const table = SYNCED_TABLES[subject.subjectType];
  if (!table) return;
  await tx.run(sql`UPDATE ${trusted(table)} SET sync_state = 'synced', sync_error = NULL, updated_at = ${now}
    WHERE id = ${subject.subjectId} AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.subject_type = ${subject.subjectType}
      AND o.subject_id = ${subject.subjectId} AND o.state IN ('queued', 'in-flight', 'failed'))`);
  tx.touch(table);
}

/** Someone else got there first: record who and when on the subject, keeping our own decision. */
export async function recordHandledBy(tx: Tx, subject: { readonly subjectType: string; readonly subjectId: string }, by: HandledBy): Promise<void> {
  const table = SYNCED_TABLES[subject.subjectType];
  if (!table) return;
  await tx.run(sql`UPDATE ${trusted(table)} SET handled_elsewhere_by = ${by.name}, handled_elsewhere_at = ${by.at}
    WHERE id = ${subject.subjectId}`);
  tx.touch(table);
}

const DELIVERY_STATE_AFTER: Readonly<Partial<Record<OutboxKind, string>>> = {
  'announce.send': 'sent',
  'announce.edit': 'edited',
  'announce.delete': 'deleted',
};

/** Announcement deliveries follow their push: sent (with the new message's id and link), edited, deleted or failed. */
export async function settleDelivery(tx: Tx, deliveryId: string, kind: string, result: { outcome: Outcome } | { error: string }, now: number): Promise<void> {
  const sentState = DELIVERY_STATE_AFTER[kind as OutboxKind];
  if (sentState === undefined) return;
  if ('error' in result) {
    await tx.run(sql`UPDATE announcement_deliveries SET state = 'failed', error = ${result.error}, updated_at = ${now} WHERE id = ${deliveryId}`);
  } else {
    const applied = result.outcome.status === 'applied' ? result.outcome : null;
    await tx.run(sql`UPDATE announcement_deliveries SET state = ${sentState}, error = NULL,
        external_message_id = coalesce(${applied?.externalId ?? null}, external_message_id),
        external_url = coalesce(${applied?.url ?? null}, external_url), updated_at = ${now}
      WHERE id = ${deliveryId}`);
  }
  tx.touch('announcements');
}
