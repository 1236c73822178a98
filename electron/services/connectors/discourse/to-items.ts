import type { JoinRequestItem, JoinRequestItemStatus, MessageItem, PersonItem, ReportItem } from '@shared/connectors';
import { categoryCommunity, groupCommunity, groupRequestRef, postRef, reviewableRef, SITE } from './ids';
import { REVIEWABLE_PENDING, type DsRequester, type DsReviewable, type DsSideLoads, type DsUser } from './wire';

/** Discourse JSON (validated) to normalized items; `site` makes profile and post links absolute. */

const ms = (iso: string | null | undefined): number | null => {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(at) ? null : at;
};

export function personOf(user: Pick<DsUser, 'id' | 'username' | 'name' | 'created_at'>, site: string | null): PersonItem {
  return {
    externalId: String(user.id),
    displayName: user.name || user.username,
    username: user.username,
    accountCreatedAt: ms(user.created_at),
    profileUrl: site ? new URL(`u/${encodeURIComponent(user.username)}`, site).toString() : null,
    history: null,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const stripHtml = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** A post's text: its markdown, or the rendered HTML without tags when the raw text is not sent. */
export const postBody = (raw: unknown, cooked: string | null | undefined): string | null => text(raw) ?? (cooked ? stripHtml(cooked) : null);

/** 0 pending, 1 approved, 2 rejected, 3 ignored, 4 deleted. */
const JOIN_STATUS: Record<number, JoinRequestItemStatus> = { 0: 'pending', 1: 'approved', 2: 'declined', 3: 'declined', 4: 'withdrawn' };

/** A `ReviewableUser` (site with must_approve_users): the signup awaiting approval; answers from its payload. */
export function joinFromReviewable(r: DsReviewable, side: DsSideLoads, site: string | null): JoinRequestItem {
  const payload = r.payload ?? {};
  const username = text(payload.username) ?? `user${r.target_created_by_id ?? r.user_id ?? r.id}`;
  const user = side.users.find((u) => u.id === (r.user_id ?? r.target_created_by_id));
  const answers = (['name', 'email', 'website', 'bio'] as const).flatMap((field) => {
    const answer = text(payload[field]);
    return answer ? [{ question: field[0]?.toUpperCase() + field.slice(1), answer }] : [];
  });
  return {
    externalId: reviewableRef(r.id),
    version: String(r.version),
    communityExternalId: SITE,
    person: personOf({ id: r.user_id ?? r.target_created_by_id ?? 0, username, name: text(payload.name) ?? user?.name ?? null, created_at: user?.created_at ?? r.created_at }, site),
    requestedAt: ms(r.created_at) ?? 0,
    answers,
    status: JOIN_STATUS[r.status] ?? 'declined',
    handledBy: null,
  };
}

/** A request to join a group (`members.json?requesters=true`); Discourse deletes it once decided. */
export function joinFromRequester(group: { id: number; name: string }, requester: DsRequester, site: string | null): JoinRequestItem {
  return {
    externalId: groupRequestRef(group.id, group.name, requester.id, requester.username),
    version: null,
    communityExternalId: groupCommunity(group.id),
    person: personOf(requester, site),
    requestedAt: ms(requester.requested_at) ?? 0,
    answers: requester.reason ? [{ question: 'Reason', answer: requester.reason }] : [],
    status: 'pending',
    handledBy: null,
  };
}

/**
 * A flagged or queued post (any reviewable but a user). The flagged post's text is
 * in the reviewable (`raw`, `cooked`); a queued post's is in its payload.
 */
export function reportFromReviewable(r: DsReviewable, side: DsSideLoads, site: string | null): ReportItem {
  const payload = r.payload ?? {};
  const authorId = r.target_created_by_id ?? r.created_by_id;
  const author = side.users.find((u) => u.id === authorId) ?? { id: authorId ?? 0, username: 'unknown', name: null, created_at: null };
  const scores = side.reviewable_scores.filter((s) => r.reviewable_score_ids.includes(s.id));
  const reporter = side.users.find((u) => u.id === scores[0]?.user_id);
  const reasons = [...new Set(scores.map((s) => s.reason || s.score_type?.title).filter((t): t is string => Boolean(t)))];
  const community = r.category_id ? categoryCommunity(r.category_id) : SITE;
  const message: MessageItem = {
    externalId: r.post_id ? postRef(r.post_id) : `queued:${r.id}`,
    communityExternalId: community,
    conversationId: r.topic_id ? `topic:${r.topic_id}` : community,
    author: personOf(author, site),
    body: postBody(r.raw, r.cooked) ?? text(payload.raw) ?? '',
    sentAt: ms(r.created_at) ?? 0,
    replyToExternalId: null,
  };
  return {
    externalId: reviewableRef(r.id),
    version: String(r.version),
    message,
    // The queue does not carry the surrounding posts; fetching the topic per report would cost the rate budget.
    context: [],
    reporter: reporter ? { name: reporter.username } : null,
    reason: reasons.join(', ') || (r.type === 'ReviewableQueuedPost' ? 'Waiting for approval' : 'Flagged'),
    reportedAt: ms(r.created_at) ?? 0,
    status: r.status === REVIEWABLE_PENDING ? 'open' : 'resolved',
    handledBy: null,
  };
}
