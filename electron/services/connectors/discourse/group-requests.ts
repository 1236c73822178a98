import type { CancelSignal, Outcome } from '@shared/connectors';
import type { DiscourseApi } from './api';
import type { GroupRequestRef } from './ids';
import { dsRequesters } from './wire';

/**
 * Decides a request to join a group.
 *
 * THE DECLINE TRAP: `handle_membership_request` checks whether `accept` is present,
 * not its value, so `accept=false` (or "false", or null) approves. To decline, the
 * body must not contain `accept` at all; Discourse then deletes the GroupRequest.
 *
 * Discourse answers success even when the request is gone (decided by another owner,
 * or withdrawn), and an "accept" would add the user anyway. So the request is looked
 * up first (`members.json?requesters=true&filter=<username>`); gone is already-handled.
 */
export async function decideGroupRequest(api: DiscourseApi, ref: GroupRequestRef, decision: 'approve' | 'decline', signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  const query = { requesters: 'true', filter: ref.username, limit: 50 };
  const requesters = await api.read({ method: 'GET', path: `groups/${encodeURIComponent(ref.groupName)}/members.json`, query, ...on }, dsRequesters, { notFound: 'community' });
  if (!requesters.members.some((member) => member.id === ref.userId)) return { status: 'already-handled', currentState: 'no longer requested' };
  const body = decision === 'approve' ? { user_id: ref.userId, accept: true } : { user_id: ref.userId };
  return api.push({ method: 'PUT', path: `groups/${ref.groupId}/handle_membership_request.json`, body, ...on }, { notFound: 'community' });
}
