import type { ConnectionKind } from '@shared/domain/connection';
import type { FlagDetail, FlagReport, FlagSource, FlagStatus } from '@shared/domain/flagged';
import type { SyncState } from '@shared/domain/join-request';
import { AppFailure } from '@shared/result';
import { evidenceSummaries } from '../flags/evidence/verify';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';
import { flagAuthor } from './flag-author';
import { conversationAround } from './flag-conversation';
import { MESSAGE_COLUMNS, MESSAGE_COMMUNITY, toMessage, type MessageRaw } from './flag-messages';

interface Raw extends MessageRaw {
  flag_id: string;
  seq: number;
  connection_id: string;
  community_id: string;
  conversation_id: string;
  parent_name: string | null;
  platform: ConnectionKind;
  status: FlagStatus;
  source: FlagSource;
  decision: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: number | null;
  sync_state: SyncState;
  sync_error: string | null;
  handled_elsewhere_by: string | null;
  handled_elsewhere_at: number | null;
}

/** Everything the conversation pane shows for one flagged message. */
export async function flagDetail(reader: Reader, id: string): Promise<FlagDetail> {
  const r = await reader.get<Raw>(sql`SELECT ${MESSAGE_COLUMNS}, f.id AS flag_id, n.seq, n.connection_id, n.community_id, n.conversation_id,
      p.name AS parent_name, k.kind AS platform, f.status, f.source, f.decision, f.decision_note, f.decided_by, f.decided_at,
      f.sync_state, f.sync_error, f.handled_elsewhere_by, f.handled_elsewhere_at
    FROM flags f JOIN messages n ON n.id = f.message_id ${MESSAGE_COMMUNITY} LEFT JOIN communities p ON p.id = nc.parent_id
    JOIN connections k ON k.id = n.connection_id WHERE f.id = ${id}`);
  if (!r) throw new AppFailure('not-found', 'That flagged message is no longer in the store.');
  const conversation = await conversationAround(reader, {
    seq: r.seq,
    connectionId: r.connection_id,
    communityId: r.community_id,
    conversationId: r.conversation_id,
    sentAt: r.sent_at,
    replyTo: r.reply_to_external,
  });
  const reports = await reader.all<{ id: string; reporter_name: string | null; reason: string; reported_at: number; status: FlagReport['status']; rule_name: string | null }>(
    sql`SELECT r.id, r.reporter_name, r.reason, r.reported_at, r.status, u.name AS rule_name
      FROM reports r LEFT JOIN rules u ON u.id = r.rule_id WHERE r.flag_id = ${id} ORDER BY r.reported_at, r.seq`,
  );
  return {
    id: r.flag_id,
    status: r.status,
    source: r.source,
    decision: r.decision,
    decisionReason: r.decision_note,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    syncState: r.sync_state,
    syncError: r.sync_error,
    handledElsewhereBy: r.handled_elsewhere_by,
    handledElsewhereAt: r.handled_elsewhere_at,
    communityId: r.community_id,
    communityName: r.community_name,
    parentCommunityName: r.parent_name,
    connectionId: r.connection_id,
    platform: r.platform,
    message: toMessage(r),
    ...conversation,
    reports: reports.map((q) => ({ id: q.id, reporterName: q.reporter_name, reason: q.reason, reportedAt: q.reported_at, status: q.status, ruleName: q.rule_name })),
    author: r.author_member_id ? await flagAuthor(reader, r.id, r.author_member_id) : null,
    evidence: await evidenceSummaries(reader, id),
  };
}
