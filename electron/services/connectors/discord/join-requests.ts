import type { CancelSignal, Cursor, JoinDecision, JoinRequestItem, JoinRequestItemStatus, Outcome, Page } from '@shared/connectors';
import type { DiscordApi } from './api';
import { sweepPage, type SweepPlan } from './guild-sweep';
import { guildOf, hasPermission, snowflakeAt, snowflakeOf } from './ids';
import { personOf } from './reports';
import { dcJoinRequest, dcJoinRequestList, type DcGuild, type DcJoinRequest } from './wire';

/**
 * Server member applications (Guild Join Request resource, docs published Aug 2026).
 * Only guilds with both features below have the API; others answer 403, which
 * counts toward Discord's invalid-request ban, so such guilds are skipped, as are
 * guilds where the bot lacks KICK_MEMBERS (without it the list has no requests).
 *
 * Per guild, two tasks a pass: `pending` lists SUBMITTED requests in full (newest
 * first, paged with `before`), and `decided` reads requests APPROVED or REJECTED since
 * the last pass (`after` compares with the review time), so a decision made in Discord
 * reaches the console as handled elsewhere.
 */
export const REQUIRED_FEATURES = ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'] as const;
export const REQUESTS_PAGE = 100;
const REVIEW_LOOKBACK_MS = 86_400_000;

const STATUS: Readonly<Record<string, JoinRequestItemStatus>> = { SUBMITTED: 'pending', APPROVED: 'approved', REJECTED: 'declined' };

const takesRequests = (guild: DcGuild) => REQUIRED_FEATURES.every((f) => guild.features.includes(f)) && hasPermission(guild.permissions, 'KICK_MEMBERS');

function answerOf(field: NonNullable<DcJoinRequest['form_responses']>[number]): string {
  const r = field.response;
  if (field.field_type === 'TERMS') return r === true ? 'Accepted' : 'Not accepted';
  if (field.field_type === 'MULTIPLE_CHOICE' && typeof r === 'number') return field.choices?.[r] ?? String(r);
  return r === null || r === undefined ? '' : String(r);
}

export function joinRequestOf(r: DcJoinRequest): JoinRequestItem {
  const reviewer = r.actioned_by_user;
  const reviewedAt = r.reviewed_at ? Date.parse(r.reviewed_at) : Number.NaN;
  return {
    externalId: r.id,
    version: r.application_status ?? null,
    communityExternalId: r.guild_id,
    person: personOf(r.user ?? undefined, r.user_id),
    requestedAt: Date.parse(r.created_at),
    answers: (r.form_responses ?? []).map((field) => ({ question: field.label ?? field.field_type, answer: answerOf(field) })),
    status: STATUS[r.application_status ?? ''] ?? 'withdrawn',
    handledBy: reviewer && !Number.isNaN(reviewedAt) ? { name: reviewer.global_name || reviewer.username, at: reviewedAt } : null,
  };
}

export function pullJoinRequestPage(api: DiscordApi, cursor: Cursor | null, now: number, signal: CancelSignal | undefined): Promise<Page<JoinRequestItem>> {
  const plan: SweepPlan<JoinRequestItem> = {
    tag: 'dc.j',
    tasksFor: (guild) => (takesRequests(guild) ? [`${guild.id}:pending`, `${guild.id}:APPROVED`, `${guild.id}:REJECTED`] : []),
    async run(key, mark, taskSignal) {
      const [guildId = '', task = ''] = key.split(':');
      const on = taskSignal ? { signal: taskSignal } : {};
      if (task === 'pending') {
        const query = { status: 'SUBMITTED', limit: REQUESTS_PAGE, ...(mark ? { before: mark } : {}) };
        const list = await api.read({ method: 'GET', path: `guilds/${guildId}/requests`, query, ...on }, dcJoinRequestList, { notFound: 'community' });
        const requests = list.guild_join_requests ?? [];
        const oldest = requests.reduce<string | undefined>((min, r) => (min === undefined || BigInt(r.id) < BigInt(min) ? r.id : min), undefined);
        const more = requests.length === REQUESTS_PAGE && oldest !== undefined;
        // The pending list is read in full every pass: its mark only lives while paging.
        return { items: requests.map(joinRequestOf), mark: more ? oldest : undefined, more };
      }
      const query = { status: task, limit: REQUESTS_PAGE, after: mark ?? snowflakeAt(now - REVIEW_LOOKBACK_MS) };
      const list = await api.read({ method: 'GET', path: `guilds/${guildId}/requests`, query, ...on }, dcJoinRequestList, { notFound: 'community' });
      const requests = list.guild_join_requests ?? [];
      const latest = Math.max(...requests.map((r) => (r.reviewed_at ? Date.parse(r.reviewed_at) : 0)), 0);
      // One page a pass: more decisions than that by others between two passes reach us as already-handled on push.
      return { items: requests.map(joinRequestOf), mark: latest > 0 ? snowflakeAt(latest) : (mark ?? snowflakeAt(now - REVIEW_LOOKBACK_MS)), more: false };
    },
  };
  return sweepPage(api, cursor, plan, signal);
}

/**
 * `PATCH /guilds/{g}/requests/{id}`. Only SUBMITTED requests change; one already
 * decided comes back unchanged, so the answer's status and reviewer tell whether this
 * call decided it or someone (another moderator, an earlier try of ours) did before.
 */
export async function decideJoinRequest(api: DiscordApi, decision: JoinDecision, botId: string | null, signal: CancelSignal | undefined): Promise<Outcome> {
  const guildId = guildOf(decision.communityExternalId);
  const action = decision.decision === 'approve' ? 'APPROVED' : 'REJECTED';
  const reason = decision.reason?.slice(0, 160);
  const body = { action, ...(action === 'REJECTED' && reason ? { rejection_reason: reason } : {}) };
  const on = signal ? { signal } : {};
  const path = `guilds/${guildId}/requests/${snowflakeOf(decision.requestExternalId, 'request')}`;
  const result = await api.read({ method: 'PATCH', path, body, reason: decision.reason, ...on }, dcJoinRequest, { notFound: 'request' });
  const item = joinRequestOf(result);
  const byOther = result.actioned_by_user && botId !== null && result.actioned_by_user.id !== botId;
  if (result.application_status !== action || byOther) return { status: 'already-handled', currentState: item.status, ...(item.handledBy ? { by: item.handledBy } : {}) };
  // A retry finds the request already rejected by this bot and bans again: PUT bans is idempotent.
  if (decision.ban) await api.push({ method: 'PUT', path: `guilds/${guildId}/bans/${result.user_id}`, body: { delete_message_seconds: 0 }, reason: decision.reason, ...on }, { notFound: 'user' });
  return { status: 'applied', at: Date.now(), externalId: result.id };
}
