import { MAX_ATTACHMENTS_PER_MESSAGE, type CommunityItem, type JoinRequestItem, type MessageAttachment, type MessageItem, type PersonItem, type ReportItem } from '@shared/connectors';
import { wireAttachment, type WireCommunity, type WireJoinRequest, type WireMessage, type WireReport, type WireUser } from '@services/sandbox/http/wire';

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

const KINDS = new Set(['image', 'video', 'audio', 'file', 'sticker'] as const);
const isKind = (kind: string): kind is MessageAttachment['kind'] => (KINDS as ReadonlySet<string>).has(kind);

/** The attachments the console can read; an entry of another shape is skipped, never the whole page. */
export function attachmentsOf(entries: readonly unknown[] | undefined): MessageAttachment[] {
  const found: MessageAttachment[] = [];
  for (const entry of entries ?? []) {
    const parsed = wireAttachment.safeParse(entry);
    if (!parsed.success || !isKind(parsed.data.kind) || parsed.data.ref === '') continue;
    const a = parsed.data;
    // The Sandbox's refs name the file and never change, so the ref is its key.
    found.push({ kind: a.kind as MessageAttachment['kind'], name: a.name, contentType: a.content_type, size: a.size, width: a.width, height: a.height, ref: a.ref, key: a.ref });
    if (found.length === MAX_ATTACHMENTS_PER_MESSAGE) break;
  }
  return found;
}

export const messageOf = (m: WireMessage): MessageItem => {
  const attachments = attachmentsOf(m.attachments);
  return {
    externalId: m.id,
    communityExternalId: m.community_id,
    conversationId: m.conversation_id,
    author: personOf(m.author),
    body: m.body,
    sentAt: ms(m.sent_at),
    replyToExternalId: m.reply_to,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
};

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
