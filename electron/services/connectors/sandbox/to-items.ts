import type { CommunityItem, JoinRequestItem, MessageItem, PersonItem, ReportItem } from '@shared/connectors';
import type { WireCommunity, WireJoinRequest, WireMessage, WireReport, WireUser } from '@services/sandbox/http/wire';

/** Sandbox JSON (already validated) to normalized items. Times: ISO strings to epoch ms. */

const ms = (iso: string): number => Date.parse(iso);
const handledBy = (by: { name: string; at: string } | null) => (by ? { name: by.name, at: ms(by.at) } : null);

export const personOf = (user: WireUser): PersonItem => ({
  externalId: user.id,
  displayName: user.display_name,
  username: user.username,
  accountCreatedAt: ms(user.created_at),
  profileUrl: user.profile_url,
  history: { mutualCommunities: user.mutual_communities, priorDeclines: user.prior_declines, priorRemovals: user.prior_removals },
});

export const communityOf = (c: WireCommunity): CommunityItem => ({
  externalId: c.id,
  parentExternalId: c.parent_id,
  name: c.name,
  kind: c.kind,
  memberCount: c.member_count,
  language: c.language,
  tags: c.tags,
  url: c.url,
  rulesUrl: c.rules_url,
});

export const joinRequestOf = (r: WireJoinRequest): JoinRequestItem => ({
  externalId: r.id,
  version: String(r.version),
  communityExternalId: r.community_id,
  person: personOf(r.user),
  requestedAt: ms(r.requested_at),
  answers: r.answers,
  status: r.status,
  handledBy: handledBy(r.handled_by),
});

export const messageOf = (m: WireMessage): MessageItem => ({
  externalId: m.id,
  communityExternalId: m.community_id,
  conversationId: m.conversation_id,
  author: personOf(m.author),
  body: m.body,
  sentAt: ms(m.sent_at),
  replyToExternalId: m.reply_to,
});

export const reportOf = (r: WireReport): ReportItem => ({
  externalId: r.id,
  version: String(r.version),
  message: messageOf(r.message),
  context: [...r.context.before.map(messageOf), ...r.context.after.map(messageOf)],
  reporter: r.reporter,
  reason: r.reason,
  reportedAt: ms(r.reported_at),
  status: r.status,
  handledBy: handledBy(r.handled_by),
});
