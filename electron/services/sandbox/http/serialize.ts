import type { HandledByRecord, JoinRequestRecord, MessageRecord, ReportRecord, SandboxCommunity, SandboxPerson } from '../world/model';
import { PUBLIC_BASE_URL } from '../world/model';
import type { WireCommunity, WireJoinRequest, WireMessage, WireReport, WireUser } from './wire';

/** Records to the JSON the API serves. Typed against the wire schemas so the two cannot drift. */

export const iso = (ms: number): string => new Date(ms).toISOString();

const handledBy = (by: HandledByRecord | null) => (by ? { name: by.name, at: iso(by.at) } : null);

export const wireUserOf = (person: SandboxPerson): WireUser => ({
  id: person.id,
  display_name: person.displayName,
  username: person.username,
  created_at: iso(person.createdAt),
  profile_url: `${PUBLIC_BASE_URL}/u/${person.id}`,
  mutual_communities: person.mutualCommunities,
  prior_declines: person.priorDeclines,
  prior_removals: person.priorRemovals,
});

export const wireCommunityOf = (c: SandboxCommunity): WireCommunity => ({
  id: c.id,
  parent_id: c.parentId,
  name: c.name,
  kind: c.kind,
  member_count: c.memberCount,
  language: c.language,
  tags: [...c.tags],
  url: c.url,
  rules_url: c.rulesUrl,
  screening_questions: [...c.screeningQuestions],
});

export const wireJoinRequestOf = (r: JoinRequestRecord): WireJoinRequest => ({
  id: r.id,
  version: r.version,
  community_id: r.communityId,
  user: wireUserOf(r.person),
  requested_at: iso(r.requestedAt),
  answers: r.answers.map((a) => ({ question: a.question, answer: a.answer })),
  status: r.status,
  handled_by: handledBy(r.handledBy),
});

export const wireMessageOf = (m: MessageRecord): WireMessage => ({
  id: m.id,
  community_id: m.communityId,
  conversation_id: m.conversationId,
  author: wireUserOf(m.author),
  body: m.body,
  sent_at: iso(m.sentAt),
  reply_to: m.replyTo,
  ...(m.attachments?.length
    ? {
        attachments: m.attachments.map((a) => ({
          ref: a.ref,
          kind: a.kind,
          name: a.name,
          content_type: a.contentType,
          size: a.size,
          width: a.width,
          height: a.height,
        })),
      }
    : {}),
});

export const wireReportOf = (r: ReportRecord): WireReport => ({
  id: r.id,
  version: r.version,
  community_id: r.message.communityId,
  message: wireMessageOf(r.message),
  context: { before: r.before.map(wireMessageOf), after: r.after.map(wireMessageOf) },
  reporter: r.reporter,
  reason: r.reason,
  reported_at: iso(r.reportedAt),
  status: r.status,
  resolution: r.resolution,
  handled_by: handledBy(r.handledBy),
});
