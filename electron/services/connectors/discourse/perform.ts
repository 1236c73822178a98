import { ConnectorFailure, type CancelSignal, type NotFoundWhat, type Outcome } from '@shared/connectors';
import type { DiscourseApi } from './api';
import { REVIEWABLE_PENDING, dsReviewOne } from './wire';

const STATUS_NAMES: Record<number, string> = { 1: 'approved', 2: 'rejected', 3: 'ignored', 4: 'deleted' };

/**
 * Performs an action on a reviewable, as a moderator would in /review:
 * 1. read it (`/review/{id}.json`): if it is no longer pending, someone decided it
 *    (already-handled) and nothing is sent;
 * 2. pick the first of `preferred` among its `bundled_actions` (never hard-coded:
 *    what is offered depends on the reviewable, the site settings and our rights), and
 *    send its `server_action` (the route takes only lowercase letters and underscores;
 *    an action's composite `id` would 404);
 * 3. `PUT /review/{id}/perform/{action}.json?version=n` with the version the moderator
 *    saw: required (422 without it), and a stale one answers 409 (conflict: stale-version).
 */
export async function performReviewable(
  api: DiscourseApi,
  target: { id: number; version: string | null; notFound: NotFoundWhat },
  preferred: readonly string[],
  signal: CancelSignal | undefined,
): Promise<Outcome> {
  const on = signal ? { signal } : {};
  const current = await api.read({ method: 'GET', path: `review/${target.id}.json`, ...on }, dsReviewOne, { notFound: target.notFound });
  const reviewable = current.reviewable;
  if (reviewable.status !== REVIEWABLE_PENDING) return { status: 'already-handled', currentState: STATUS_NAMES[reviewable.status] ?? `status ${reviewable.status}` };
  const actionIds = new Set(current.bundled_actions.filter((b) => reviewable.bundled_action_ids.includes(b.id)).flatMap((b) => b.action_ids));
  const offered = current.actions.filter((a) => actionIds.has(a.id)).map((a) => a.server_action ?? a.id.split('-').pop() ?? a.id);
  const action = preferred.find((name) => offered.includes(name));
  if (!action) throw new ConnectorFailure({ class: 'invalid', detail: `Discourse offers none of ${preferred.join(', ')} here (it offers ${offered.join(', ') || 'nothing'})` });
  const version = target.version ?? String(reviewable.version);
  if (!/^\d+$/.test(version)) throw new ConnectorFailure({ class: 'invalid', detail: `"${version}" is not a reviewable version` });
  return api.push({ method: 'PUT', path: `review/${target.id}/perform/${action}.json`, query: { version }, ...on }, { notFound: target.notFound });
}

/** What "dismissed" and "actioned" mean per kind of reviewable, in order of preference. */
export const RESOLUTION_ACTIONS = {
  dismissed: ['disagree', 'ignore_and_do_nothing', 'ignore', 'approve_post'],
  actioned: ['agree_and_hide', 'agree_and_keep', 'delete_and_agree', 'reject_post', 'delete_post'],
} as const;

export const APPROVE_USER = ['approve_user'] as const;
export const REJECT_USER = ['reject_user_delete', 'reject_user_block'] as const;
export const REJECT_AND_BLOCK_USER = ['reject_user_block', 'reject_user_delete'] as const;
