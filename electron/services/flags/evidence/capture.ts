import type { Tx } from '../../store/database';
import { sql, type SqlQuery } from '../../store/sql';
import { seal } from './hash';
import { snapshotQuery } from './snapshot-query';

const CHUNK = 500;

export interface CaptureInput {
  readonly actionId: string;
  readonly actor: string;
  readonly device: string;
  readonly now: number;
  /** The decision as a JSON object per flag (`f` is the flag), made by the caller. */
  readonly decision: SqlQuery;
}

/**
 * Snapshots every flag in `flag_targets` before the action changes it: canonical JSON
 * and its sha256, kept in `flag_evidence` (append-only, no foreign keys, so it outlives
 * the message). Evidence ids are `<actionId>.e<flag seq>`. In chunks, so a bulk action
 * over thousands of flags never holds all their conversations in memory at once.
 */
export async function captureEvidence(tx: Tx, input: CaptureInput): Promise<number> {
  let after = 0;
  let captured = 0;
  for (;;) {
    const rows = await tx.all<{ flag_id: string; flag_seq: number; raw: string }>(
      snapshotQuery(sql`SELECT seq FROM flag_targets`, input.decision, { after, limit: CHUNK }),
    );
    if (rows.length === 0) return captured;
    const sealed = rows.map((row) => ({ id: `${input.actionId}.e${row.flag_seq}`, flag: row.flag_id, ...seal(JSON.parse(row.raw)) }));
    await tx.run(sql`INSERT INTO flag_evidence (id, flag_id, action_id, captured_at, actor, device, snapshot, sha256)
      SELECT e.value ->> 'id', e.value ->> 'flag', ${input.actionId}, ${input.now}, ${input.actor}, ${input.device},
        e.value ->> 'snapshot', e.value ->> 'sha256'
      FROM json_each(${JSON.stringify(sealed)}) e`);
    captured += rows.length;
    after = rows.at(-1)?.flag_seq ?? after;
  }
}
