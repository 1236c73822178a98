import type { AuthorAction, AuthorStanding, FlagAuthor } from '@shared/domain/flagged';
import { identitiesOf } from '../flags/person-communities';
import type { Reader } from '../store/database';
import { sql, trusted } from '../store/sql';
import { MESSAGE_COLUMNS, MESSAGE_FROM, toMessage, type MessageRaw } from './flag-messages';
import { STANDING_OF_AUTHOR } from './flag-filters';

const RECENT_MESSAGES = 20;

interface ActionRaw {
  id: string;
  kind: AuthorAction['kind'];
  community_id: string | null;
  community_name: string | null;
  connection_id: string | null;
  until: number | null;
  note: string | null;
  created_at: number;
  undone_at: number | null;
  lifted_at: number | null;
  platform: AuthorAction['platform'];
}
const HISTORY_LIMIT = 100;

/** The author of `messageId` across all your communities: standing, latest messages, other flags, this desk's actions, notes. */
export async function flagAuthor(reader: Reader, messageId: string, memberId: string): Promise<FlagAuthor | null> {
  const member = await reader.get<{ display_name: string; username: string | null; profile_url: string | null; account_created_at: number | null; standing: string }>(
    sql`SELECT a.display_name, a.username, a.profile_url, a.account_created_at, ${trusted(STANDING_OF_AUTHOR)} AS standing
      FROM messages m JOIN members a ON a.id = m.author_member_id WHERE m.id = ${messageId}`,
  );
  if (!member) return null;
  const ids = identitiesOf(sql`${memberId}`);
  const recent = await reader.all<MessageRaw>(sql`SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
    WHERE n.author_member_id IN ${ids} AND n.id <> ${messageId} ORDER BY n.sent_at DESC LIMIT ${RECENT_MESSAGES}`);
  const reports = await reader.all<{ flag_id: string; community_name: string; excerpt: string; reported_at: number; status: string }>(
    sql`SELECT f.id AS flag_id, c.name AS community_name, substr(m.body, 1, 200) AS excerpt, f.last_reported_at AS reported_at, f.status
      FROM messages m JOIN flags f ON f.message_id = m.id JOIN communities c ON c.id = f.community_id
      WHERE m.author_member_id IN ${ids} AND m.id <> ${messageId} ORDER BY f.last_reported_at DESC LIMIT ${HISTORY_LIMIT}`,
  );
  const actions = await reader.all<ActionRaw>(
    sql`SELECT s.id, s.kind, s.community_id, c.name AS community_name, c.connection_id, s.until, s.note, s.created_at, s.undone_at, s.lifted_at,
        CASE WHEN o.state IN ('in-flight', 'done') THEN 'reached' WHEN o.state = 'queued' THEN 'waiting' ELSE 'none' END AS platform
      FROM member_sanctions s LEFT JOIN communities c ON c.id = s.community_id LEFT JOIN outbox o ON o.id = s.outbox_id
      WHERE s.member_id IN ${ids} ORDER BY s.created_at DESC, s.seq DESC LIMIT ${HISTORY_LIMIT}`,
  );
  const notes = await reader.all<{ id: string; body: string; actor: string; created_at: number }>(
    sql`SELECT id, body, actor, created_at FROM notes WHERE member_id IN ${ids} ORDER BY created_at DESC LIMIT ${HISTORY_LIMIT}`,
  );
  return {
    memberId,
    displayName: member.display_name,
    username: member.username,
    profileUrl: member.profile_url,
    accountCreatedAt: member.account_created_at,
    standing: JSON.parse(member.standing) as AuthorStanding,
    recentMessages: recent.map(toMessage),
    reports: reports.map((f) => ({ flagId: f.flag_id, communityName: f.community_name, excerpt: f.excerpt, reportedAt: f.reported_at, status: f.status })),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      communityId: a.community_id,
      communityName: a.community_name,
      connectionId: a.connection_id,
      until: a.until,
      note: a.note,
      at: a.created_at,
      undone: a.undone_at !== null,
      liftedAt: a.lifted_at,
      platform: a.platform,
    })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, actor: n.actor, createdAt: n.created_at })),
  };
}
