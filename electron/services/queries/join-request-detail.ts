import type { JoinRequestDetail, PersonCard } from '@shared/domain/decisions';
import type { ConnectionKind } from '@shared/domain/connection';
import { signalsFromBits, type JoinRequestStatus, type ScreeningAnswer, type SyncState } from '@shared/domain/join-request';
import { AppFailure } from '@shared/result';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

interface Raw {
  id: string;
  member_id: string;
  community_id: string;
  community_name: string;
  parent_name: string | null;
  platform: ConnectionKind;
  requested_at: number;
  answers: string;
  signals: number;
  status: JoinRequestStatus;
  decision: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: number | null;
  sync_state: SyncState;
  sync_error: string | null;
  handled_elsewhere_by: string | null;
  handled_elsewhere_at: number | null;
  cluster_key: string | null;
  cluster_size: number;
}

/** Everything the detail pane shows for one request, with the person across your communities. */
export async function joinRequestDetail(reader: Reader, id: string): Promise<JoinRequestDetail> {
  const r = await reader.get<Raw>(sql`SELECT j.id, j.member_id, j.community_id, c.name AS community_name, p.name AS parent_name,
      n.kind AS platform, j.requested_at, j.answers, j.signals, j.status, j.decision, j.decision_reason, j.decided_by,
      j.decided_at, j.sync_state, j.sync_error, j.handled_elsewhere_by, j.handled_elsewhere_at, j.cluster_key,
      CASE WHEN j.cluster_key IS NULL THEN 0 ELSE
        (SELECT count(*) FROM join_requests k WHERE k.cluster_key = j.cluster_key AND k.status = 'pending') END AS cluster_size
    FROM join_requests j JOIN communities c ON c.id = j.community_id LEFT JOIN communities p ON p.id = c.parent_id
    JOIN connections n ON n.id = j.connection_id WHERE j.id = ${id}`);
  if (!r) throw new AppFailure('not-found', 'That join request is no longer in the store.');
  return {
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    parentCommunityName: r.parent_name,
    platform: r.platform,
    requestedAt: r.requested_at,
    answers: JSON.parse(r.answers) as ScreeningAnswer[],
    signals: signalsFromBits(r.signals),
    status: r.status,
    decision: r.decision,
    decisionReason: r.decision_reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    syncState: r.sync_state,
    syncError: r.sync_error,
    handledElsewhereBy: r.handled_elsewhere_by,
    handledElsewhereAt: r.handled_elsewhere_at,
    clusterKey: r.cluster_key,
    clusterSize: r.cluster_size,
    person: await personCard(reader, r.member_id, r.id),
  };
}

const PERSON_LIMIT = 100;

/** The member and every identity linked to the same person, across all connections. */
async function personCard(reader: Reader, memberId: string, exceptRequest: string): Promise<PersonCard> {
  const member = await reader.get<{ display_name: string; username: string | null; profile_url: string | null; account_created_at: number | null }>(
    sql`SELECT display_name, username, profile_url, account_created_at FROM members WHERE id = ${memberId}`,
  );
  const identities = sql`(SELECT id FROM members WHERE id = ${memberId}
    OR (person_id IS NOT NULL AND person_id = (SELECT person_id FROM members WHERE id = ${memberId})))`;
  const requests = await reader.all<{ id: string; community_name: string; status: JoinRequestStatus; requested_at: number; decision: string | null; decision_reason: string | null; decided_at: number | null }>(
    sql`SELECT j.id, c.name AS community_name, j.status, j.requested_at, j.decision, j.decision_reason, j.decided_at
      FROM join_requests j JOIN communities c ON c.id = j.community_id
      WHERE j.member_id IN ${identities} AND j.id <> ${exceptRequest} ORDER BY j.requested_at DESC LIMIT ${PERSON_LIMIT}`,
  );
  const reports = await reader.all<{ flag_id: string; community_name: string; excerpt: string; reported_at: number; status: string }>(
    sql`SELECT f.id AS flag_id, c.name AS community_name, substr(m.body, 1, 200) AS excerpt, f.last_reported_at AS reported_at, f.status
      FROM flags f JOIN messages m ON m.id = f.message_id JOIN communities c ON c.id = f.community_id
      WHERE m.author_member_id IN ${identities} ORDER BY f.last_reported_at DESC LIMIT ${PERSON_LIMIT}`,
  );
  const notes = await reader.all<{ id: string; body: string; actor: string; created_at: number }>(
    sql`SELECT id, body, actor, created_at FROM notes WHERE member_id IN ${identities} ORDER BY created_at DESC LIMIT ${PERSON_LIMIT}`,
  );
  return {
    memberId,
    displayName: member?.display_name ?? '',
    username: member?.username ?? null,
    profileUrl: member?.profile_url ?? null,
    accountCreatedAt: member?.account_created_at ?? null,
    requests: requests.map((q) => ({
      id: q.id,
      communityName: q.community_name,
      status: q.status,
      requestedAt: q.requested_at,
      decision: q.decision,
      decisionReason: q.decision_reason,
      decidedAt: q.decided_at,
    })),
    reports: reports.map((f) => ({ flagId: f.flag_id, communityName: f.community_name, excerpt: f.excerpt, reportedAt: f.reported_at, status: f.status })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, actor: n.actor, createdAt: n.created_at })),
  };
}
