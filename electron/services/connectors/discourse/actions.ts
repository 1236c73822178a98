import type { CancelSignal, JoinDecision, ModAction, Outcome } from '@shared/connectors';
import { assertNever } from '@shared/assert-never';
import { unsupported } from '../http/unsupported';
import type { DiscourseApi } from './api';
import { deletePost } from './delete-post';
import { decideGroupRequest } from './group-requests';
import { parseGroupRequest, parsePrefixed, userIdOf } from './ids';
import { warn } from './warn';
import { APPROVE_USER, performReviewable, REJECT_AND_BLOCK_USER, REJECT_USER, RESOLUTION_ACTIONS } from './perform';

/** Suspensions need an end; Discourse's own "forever" is a thousand years out. */
const FOREVER_MS = 1_000 * 365.25 * 86_400_000;
const DEFAULT_REASON = 'Moderation decision in Modboard';

export async function decideJoin(api: DiscourseApi, decision: JoinDecision, now: number, signal: CancelSignal | undefined): Promise<Outcome> {
  if (decision.requestExternalId.startsWith('grq:')) {
    const ref = parseGroupRequest(decision.requestExternalId);
    const declined = await decideGroupRequest(api, ref, decision.decision, signal);
    if (decision.decision !== 'decline' || !decision.ban) return declined;
    // A group has no ban of its own, so "decline and ban" bans the way this connector's
    // `member.ban` does everywhere on Discourse: a site suspension. It runs whether the
    // decline applied or the request was already gone (declined before a crash, on a
    // retry): the moderator decided this person is banned, and suspending twice is harmless.
    return suspend(api, ref.userId, { until: null, reason: decision.reason, now }, signal);
  }
  const preferred = decision.decision === 'approve' ? APPROVE_USER : decision.ban ? REJECT_AND_BLOCK_USER : REJECT_USER;
  return performReviewable(api, { id: parsePrefixed(decision.requestExternalId, 'rv'), version: decision.version, notFound: 'request' }, preferred, signal);
}

/** A site-wide suspension: Discourse's ban. */
function suspend(api: DiscourseApi, userId: number, terms: { until: number | null; reason: string | null; now: number }, signal: CancelSignal | undefined): Promise<Outcome> {
  const body = { suspend_until: new Date(terms.until ?? terms.now + FOREVER_MS).toISOString(), reason: terms.reason ?? DEFAULT_REASON };
  return api.push({ method: 'PUT', path: `admin/users/${userId}/suspend.json`, body, ...(signal ? { signal } : {}) }, { notFound: 'user', alreadyOn409: 'already suspended' });
}

export function moderation(api: DiscourseApi, action: ModAction, now: number, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  switch (action.type) {
    case 'removeMessage':
      return deletePost(api, parsePrefixed(action.messageExternalId, 'post'), signal);
    case 'ban':
      // Discourse has no post purge by age on suspend: `deleteHistorySeconds` is not applied.
      return suspend(api, userIdOf(action.personExternalId), { until: action.until, reason: action.reason, now }, signal);
    case 'mute': {
      // Silence without `silenced_till` lasts until lifted.
      const body = { reason: action.reason ?? DEFAULT_REASON, ...(action.until !== null ? { silenced_till: new Date(action.until).toISOString() } : {}) };
      return api.push({ method: 'PUT', path: `admin/users/${userIdOf(action.personExternalId)}/silence.json`, body, ...on }, { notFound: 'user', alreadyOn409: 'already silenced' });
    }
    case 'resolveReport':
      return performReviewable(api, { id: parsePrefixed(action.reportExternalId, 'rv'), version: action.version, notFound: 'report' }, RESOLUTION_ACTIONS[action.resolution], signal);
    case 'warn':
      return warn(api, action, idempotencyKey, signal);
    case 'unban':
      // Lifting a suspension or silence that is not there changes nothing: a retry is harmless.
      return api.push({ method: 'PUT', path: `admin/users/${userIdOf(action.personExternalId)}/unsuspend.json`, body: {}, ...on }, { notFound: 'user' });
    case 'unmute':
      return api.push({ method: 'PUT', path: `admin/users/${userIdOf(action.personExternalId)}/unsilence.json`, body: {}, ...on }, { notFound: 'user' });
    case 'removeMessages':
    case 'kick':
      return unsupported(`${action.type} on Discourse`);
    default:
      return assertNever(action, 'moderation action');
  }
}
