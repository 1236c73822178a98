import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';

/** Who did what to which subject, from where; before/after are JSON snapshots of what changed. */
export interface AuditInput {
  readonly actor: string;
  readonly device: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly summary: string;
  readonly at: number;
}

/** Who acts, and on which device: every change records both (DESIGN §8). */
export interface ActingAs {
  readonly actor: string;
  readonly device: string;
}

const jsonOrNull = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Appends one line to the append-only audit log, inside the caller's transaction. */
export async function appendAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
    VALUES (${newId(entry.at)}, ${entry.at}, ${entry.actor}, ${entry.device}, ${entry.action}, ${entry.subjectType},
            ${entry.subjectId}, ${jsonOrNull(entry.before)}, ${jsonOrNull(entry.after)}, ${entry.summary})`);
  tx.touch('audit_log');
}
