import type { Reader, Tx } from '../database';
import { sql, trusted, type SqlQuery } from '../sql';

export const OUTBOX_STATES = ['queued', 'in-flight', 'done', 'failed', 'discarded'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** One outbox row as stored; `payload` is raw JSON, read with `readPush`. */
export interface OutboxRecord {
  readonly seq: number;
  readonly id: string;
  readonly connectionId: string;
  readonly targetKey: string;
  readonly kind: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly payload: string;
  readonly idempotencyKey: string;
  readonly state: OutboxState;
  readonly outcome: string | null;
  readonly attempts: number;
  readonly notBefore: number;
  readonly lastErrorClass: string | null;
  readonly lastError: string | null;
  readonly actor: string;
  readonly createdAt: number;
}

interface Raw {
  seq: number;
  id: string;
  connection_id: string;
  target_key: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  payload: string;
  idempotency_key: string;
  state: OutboxState;
  outcome: string | null;
  attempts: number;
  not_before: number;
  last_error_class: string | null;
  last_error: string | null;
  actor: string;
  created_at: number;
}

export const OUTBOX_COLUMNS = trusted(`o.seq, o.id, o.connection_id, o.target_key, o.kind, o.subject_type, o.subject_id, o.payload,
  o.idempotency_key, o.state, o.outcome, o.attempts, o.not_before, o.last_error_class, o.last_error, o.actor, o.created_at`);

export const toOutboxRecord = (r: Raw): OutboxRecord => ({
  seq: r.seq,
  id: r.id,
  connectionId: r.connection_id,
  targetKey: r.target_key,
  kind: r.kind,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  payload: r.payload,
  idempotencyKey: r.idempotency_key,
  state: r.state,
  outcome: r.outcome,
  attempts: r.attempts,
  notBefore: r.not_before,
  lastErrorClass: r.last_error_class,
  lastError: r.last_error,
  actor: r.actor,
  createdAt: r.created_at,
});

export async function selectOutbox(reader: Reader | Tx, query: SqlQuery): Promise<OutboxRecord[]> {
  return (await reader.all<Raw>(query)).map(toOutboxRecord);
}

export async function getOutboxRecord(reader: Reader | Tx, id: string): Promise<OutboxRecord | null> {
  const [row] = await selectOutbox(reader, sql`SELECT ${OUTBOX_COLUMNS} FROM outbox o WHERE o.id = ${id}`);
  return row ?? null;
}

/** The part of a row worth keeping in an audit entry's before/after. */
export const outboxSnapshot = (r: Pick<OutboxRecord, 'state' | 'attempts' | 'notBefore' | 'lastError'>) => ({
  state: r.state,
  attempts: r.attempts,
  notBefore: r.notBefore,
  lastError: r.lastError,
});
