import type { ExportedCase } from '@shared/domain/flagged';
import { toCsv, type CsvField } from '@shared/flags/csv';
import { AppFailure } from '@shared/result';
import type { Reader } from '../../store/database';
import { sql, trusted } from '../../store/sql';
import { seal } from './hash';
import { snapshotQuery } from './snapshot-query';
import { evidenceProblem, readEvidence } from './verify';

interface SnapshotAttachment {
  readonly name: string;
  readonly kind: string;
  readonly contentType: string | null;
  readonly size: number | null;
  readonly sha256: string | null;
}

interface SnapshotMessage {
  readonly externalId: string;
  readonly author: { readonly name: string };
  readonly body: string;
  readonly sentAt: number;
  /** Absent in version 1 snapshots (taken before attachments were stored). */
  readonly attachments?: readonly SnapshotAttachment[];
}

/** The flagged message's files as this desk holds them now: fetched after the decision, they are not in its snapshot. */
interface KeptFile extends SnapshotAttachment {
  readonly state: string;
}

interface Snapshot {
  readonly message: SnapshotMessage;
  readonly before: readonly SnapshotMessage[];
  readonly after: readonly SnapshotMessage[];
  readonly reports: readonly { readonly reporter: string | null; readonly reason: string; readonly reportedAt: number; readonly rule: string | null }[];
}

interface CaseEvidence {
  readonly id: string;
  readonly actionId: string | null;
  readonly decision: string | null;
  readonly capturedAt: number;
  readonly actor: string | null;
  readonly sha256: string;
  readonly verified: boolean | null;
  readonly problem: string | null;
  readonly snapshot: Snapshot;
}

/**
 * A case as a file for an appeal or a platform's trust team: every evidence snapshot of
 * the flag, each verified against its hash, or (nothing decided yet) the case as it
 * stands, sealed at export. JSON keeps the snapshots whole; CSV has a line per message
 * and report.
 */
export async function exportCase(reader: Reader, flagId: string, format: 'json' | 'csv', now: number): Promise<ExportedCase> {
  const evidence = await caseEvidence(reader, flagId, now);
  const files = await keptFiles(reader, flagId);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  if (format === 'json') {
    const text = JSON.stringify(
      {
        format: 'modboard.case-export/1',
        flagId,
        exportedAt: new Date(now).toISOString(),
        hashOf: 'canonical JSON of snapshot (RFC 8785 key order)',
        evidence,
        attachments: files,
      },
      null,
      2,
    );
    return { filename: `modboard-case-${flagId}-${stamp}.json`, mimeType: 'application/json', text };
  }
  return { filename: `modboard-case-${flagId}-${stamp}.csv`, mimeType: 'text/csv', text: toCsv(CSV_HEADER, [...evidence.flatMap(csvRows), ...files.map(fileRow)]) };
}

async function keptFiles(reader: Reader, flagId: string): Promise<KeptFile[]> {
  return reader.all<KeptFile>(sql`SELECT a.name, a.kind, a.content_type AS contentType, a.size, a.sha256, a.state
    FROM flags f JOIN message_attachments a ON a.message_id = f.message_id WHERE f.id = ${flagId} ORDER BY a.position`);
}

const describeFile = (a: SnapshotAttachment) => `${a.name} (${a.contentType ?? 'unknown type'}, ${a.size ?? '?'} bytes, sha256 ${a.sha256 ?? 'not kept'})`;

/** A file as held now: no evidence id, the state in the `decision` column. */
const fileRow = (a: KeptFile, i: number): CsvField[] => [null, null, a.state, null, null, a.sha256, null, 'file', i + 1, null, null, describeFile(a), null];

async function caseEvidence(reader: Reader, flagId: string, now: number): Promise<CaseEvidence[]> {
  const stored = await readEvidence(reader, flagId);
  if (stored.length > 0) {
    return stored.map((row) => {
      const problem = evidenceProblem(row);
      return {
        id: row.id,
        actionId: row.action_id,
        decision: row.decision,
        capturedAt: row.captured_at,
        actor: row.actor,
        sha256: row.sha256,
        verified: problem === null,
        problem,
        snapshot: JSON.parse(row.snapshot) as Snapshot,
      };
    });
  }
  const [live] = await reader.all<{ raw: string }>(
    snapshotQuery(sql`SELECT seq FROM flags WHERE id = ${flagId}`, trusted('NULL'), { after: 0, limit: 1 }),
  );
  if (!live) throw new AppFailure('not-found', 'That flagged message is no longer in the store, and no evidence of it was kept.');
  const sealed = seal(JSON.parse(live.raw));
  return [{ id: 'current', actionId: null, decision: null, capturedAt: now, actor: null, sha256: sealed.sha256, verified: null, problem: null, snapshot: JSON.parse(sealed.snapshot) as Snapshot }];
}

const CSV_HEADER = ['evidence_id', 'action_id', 'decision', 'captured_at', 'actor', 'sha256', 'verified', 'part', 'position', 'author', 'sent_at', 'text', 'reporter'];

function csvRows(evidence: CaseEvidence): CsvField[][] {
  const head = [evidence.id, evidence.actionId, evidence.decision, new Date(evidence.capturedAt).toISOString(), evidence.actor, evidence.sha256, evidence.verified];
  const line = (part: string, position: number, m: SnapshotMessage): CsvField[] => [...head, part, position, m.author.name, new Date(m.sentAt).toISOString(), m.body, null];
  const { snapshot } = evidence;
  const attached = (snapshot.message.attachments ?? []).map((a, i): CsvField[] => [...head, 'attachment', i + 1, snapshot.message.author.name, null, describeFile(a), null]);
  return [
    ...snapshot.before.map((m, i) => line('before', i - snapshot.before.length, m)),
    line('flagged', 0, snapshot.message),
    ...attached,
    ...snapshot.after.map((m, i) => line('after', i + 1, m)),
    ...snapshot.reports.map((r, i): CsvField[] => [...head, r.rule ? 'rule' : 'report', i + 1, null, new Date(r.reportedAt).toISOString(), r.reason, r.rule ?? r.reporter]),
  ];
}
