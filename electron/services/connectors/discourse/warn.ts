import { ConnectorFailure, isConnectorFailure, type CancelSignal, type ModAction, type Outcome } from '@shared/connectors';
import { z } from 'zod';
import { externalIdFor, reconcileSend } from './announcements';
import type { DiscourseApi } from './api';
import { postRef, userIdOf } from './ids';
import { dsCreatedPost } from './wire';

/** Above Discourse's default `min_personal_message_title_length` (2). */
export const WARNING_TITLE = 'A note from the moderators';
const MAX_RAW = 32_000;
const TAKEN = /external.?id.*(taken|exists)/i;

const dsAdminUser = z.object({ id: z.number().int(), username: z.string().min(1) });

/**
 * A warning is a private message to the person (`POST /posts.json` with
 * `archetype: private_message` and `target_recipients`), which needs their username:
 * read from `/admin/users/{id}.json`. The message carries the push's topic external id,
 * as announcements do, so a retry whose first answer was lost finds the message it
 * already sent instead of warning twice.
 */
export async function warn(api: DiscourseApi, action: Extract<ModAction, { type: 'warn' }>, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  if (action.text.trim() === '' || action.text.length > MAX_RAW) throw new ConnectorFailure({ class: 'invalid', detail: `A Discourse warning holds 1 to ${MAX_RAW} characters` });
  const user = await api.read({ method: 'GET', path: `admin/users/${userIdOf(action.personExternalId)}.json`, ...on }, dsAdminUser, { notFound: 'user' });
  const body = { title: WARNING_TITLE, raw: action.text, archetype: 'private_message', target_recipients: user.username, external_id: externalIdFor(idempotencyKey) };
  try {
    return await api.pushFor({ method: 'POST', path: 'posts.json', body, ...on }, dsCreatedPost, { notFound: 'user' }, (created) => ({ externalId: postRef(created.id) }));
  } catch (error) {
    if (!(isConnectorFailure(error) && error.error.class === 'invalid' && TAKEN.test(error.error.detail))) throw error;
    const earlier = await reconcileSend(api, idempotencyKey, signal);
    if (earlier.state === 'applied') return { status: 'already-handled', currentState: 'warned' };
    throw error;
  }
}
