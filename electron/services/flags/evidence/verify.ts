import { canonicalJson } from '@shared/flags/canonical-json';
import type { EvidenceSummary } from '@shared/domain/flagged';
import type { Reader } from '../../store/database';
import { sql } from '../../store/sql';
import { sha256Hex } from './hash';

export interface EvidenceRow {
  readonly id: string;
  readonly flag_id: string;
  readonly action_id: string;
  readonly captured_at: number;
  readonly actor: string;
  readonly device: string;
  readonly snapshot: string;
  readonly sha256: string;
  readonly decision: string | null;
  /** The hash the audit log recorded when the evidence was taken. */
  readonly audit_sha256: string | null;
}

/**
 * Why a stored snapshot can no longer be trusted, or null when it holds. Three checks:
 * the text still hashes to its stored sha256; the text is still canonical (an edit that
 * also rewrote the hash usually breaks that); and the audit log, which nobody can rewrite
 * in place, recorded the same hash when the evidence was taken.
 */
export function evidenceProblem(row: Pick<EvidenceRow, 'snapshot' | 'sha256' | 'audit_sha256'>): string | null {
  if (sha256Hex(row.snapshot) !== row.sha256) return 'The snapshot no longer matches its hash: it was changed after it was taken.';
  try {
    if (canonicalJson(JSON.parse(row.snapshot)) !== row.snapshot) return 'The snapshot is not in the form it was stored in.';
  } catch {
    return 'The snapshot is not valid JSON any more.';
  }
  if (row.audit_sha256 === null) return 'The audit log has no record of this snapshot.';
  if (row.audit_sha256 !== row.sha256) return 'The hash differs from the one the audit log recorded: the evidence was replaced.';
  return null;
}

/** The flag's evidence rows, oldest first, with the audit log's copy of each hash. */
export function readEvidence(reader: Reader, flagId: string): Promise<EvidenceRow[]> {
  return reader.all<EvidenceRow>(sql`SELECT e.id, e.flag_id, e.action_id, e.captured_at, e.actor, e.device, e.snapshot, e.sha256,
      a.decision,
      (SELECT json_extract(l.after, '$.sha256') FROM audit_log l WHERE l.subject_type = 'flag' AND l.subject_id = e.flag_id
         AND json_extract(l.after, '$.evidence') = e.id) AS audit_sha256
    FROM flag_evidence e LEFT JOIN moderation_actions a ON a.id = e.action_id
    WHERE e.flag_id = ${flagId} ORDER BY e.captured_at, e.seq`);
}

export async function evidenceSummaries(reader: Reader, flagId: string): Promise<EvidenceSummary[]> {
  return (await readEvidence(reader, flagId)).map((row) => {
    const problem = evidenceProblem(row);
    return {
      id: row.id,
      actionId: row.action_id,
      capturedAt: row.captured_at,
      actor: row.actor,
      decision: row.decision ?? 'unknown',
      sha256: row.sha256,
      verified: problem === null,
      problem,
    };
  });
}
