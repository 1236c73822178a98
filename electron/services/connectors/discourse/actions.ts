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

export function decideJoin(api: DiscourseApi, decision: JoinDecision, signal: CancelSignal | undefined): Promise<Outcome> {
  if (decision.requestExternalId.startsWith('grq:')) {
    // A group cannot ban; `decision.ban` only applies to site signups (reject_user_block).
    return decideGroupRequest(api, parseGroupRequest(decision.requestExternalId), decision.decision, signal);
  }
  const preferred = decision.decision === 'approve' ? APPROVE_USER : decision.ban ? REJECT_AND_BLOCK_USER : REJECT_USER;
  return performReviewable(api, { id: parsePrefixed(decision.requestExternalId, 'rv'), version: decision.version, notFound: 'request' }, preferred, signal);
}

export function moderation(api: DiscourseApi, action: ModAction, now: number, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  switch (action.type) {
    case 'removeMessage':
      return deletePost(api, parsePrefixed(action.messageExternalId, 'post'), signal);
    case 'ban': {
      // Discourse has no post purge by age on suspend: `deleteHistorySeconds` is not applied.
      const body = { suspend_until: new Date(action.until ?? now + FOREVER_MS).toISOString(), reason: action.reason ?? DEFAULT_REASON };
      return api.push({ method: 'PUT', path: `admin/users/${userIdOf(action.personExternalId)}/suspend.json`, body, ...on }, { notFound: 'user', alreadyOn409: 'already suspended' });
    }
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
