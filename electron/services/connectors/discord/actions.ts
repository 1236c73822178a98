import { ConnectorFailure, type CancelSignal, type ModAction, type Outcome } from '@shared/connectors';
import { assertNever } from '@shared/assert-never';
import { unsupported } from '../http/unsupported';
import type { DiscordApi } from './api';
import { channelOf, guildOf, snowflakeOf, snowflakeTime } from './ids';
import { warn } from './warn';

export const MAX_BULK_DELETE = 100;
/** Bulk delete refuses the whole batch (400, code 50034) if any message is older than 14 days. */
export const BULK_DELETE_MAX_AGE_MS = 14 * 86_400_000;
/** Timeouts end at most 28 days ahead. */
export const MAX_TIMEOUT_MS = 28 * 86_400_000;
export const MAX_DELETE_MESSAGE_SECONDS = 604_800;
/** A minute's slack: a message at exactly 14 days when checked is older when Discord checks. */
const AGE_MARGIN_MS = 60_000;

/** Unknown Message (10008) on delete, Unknown Member (10007) on kick: already what was wanted. */
const GONE_MESSAGE = { 10008: 'already deleted' } as const;
const GONE_MEMBER = { 10007: 'not a member' } as const;
/** Unknown Ban (10026) on unban: nobody to unban, which is what was wanted. */
const NOT_BANNED = { 10026: 'not banned' } as const;

/**
 * Checks a bulk delete locally before sending it: 2 to 100 distinct ids (Discord
 * fails on a repeat), none older than 14 days (read from the snowflakes). One id goes
 * through the single delete instead.
 */
export function bulkDeleteIds(ids: readonly string[], now: number): string[] {
  const unique = [...new Set(ids.map((id) => snowflakeOf(id, 'message')))];
  if (unique.length === 0 || unique.length > MAX_BULK_DELETE) throw new ConnectorFailure({ class: 'invalid', detail: `Discord bulk-deletes 2 to ${MAX_BULK_DELETE} messages at a time` });
  const old = unique.filter((id) => snowflakeTime(id) < now - BULK_DELETE_MAX_AGE_MS + AGE_MARGIN_MS);
  if (old.length > 0) throw new ConnectorFailure({ class: 'invalid', detail: `Discord cannot bulk-delete messages older than 14 days (${old.length} of ${unique.length}); remove those one by one` });
  return unique;
}

function timeoutUntil(until: number | null, now: number): string {
  if (until === null) return unsupported('An indefinite mute on Discord (timeouts last at most 28 days)');
  if (until <= now || until > now + MAX_TIMEOUT_MS) throw new ConnectorFailure({ class: 'invalid', detail: 'A Discord timeout must end within the next 28 days' });
  return new Date(until).toISOString();
}

export async function moderation(api: DiscordApi, action: ModAction, now: number, idempotencyKey: string, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  switch (action.type) {
    case 'removeMessage': {
      const path = `channels/${channelOf(action.communityExternalId)}/messages/${snowflakeOf(action.messageExternalId, 'message')}`;
      return api.push({ method: 'DELETE', path, reason: action.reason, ...on }, { notFound: 'message', doneCodes: GONE_MESSAGE });
    }
    case 'removeMessages': {
      const ids = bulkDeleteIds(action.messageExternalIds, now);
      const channel = channelOf(action.communityExternalId);
      if (ids.length === 1) return api.push({ method: 'DELETE', path: `channels/${channel}/messages/${ids[0]}`, reason: action.reason, ...on }, { notFound: 'message', doneCodes: GONE_MESSAGE });
      return api.push({ method: 'POST', path: `channels/${channel}/messages/bulk-delete`, body: { messages: ids }, reason: action.reason, ...on }, { notFound: 'community' });
    }
    case 'kick':
      return api.push({ method: 'DELETE', path: `guilds/${guildOf(action.communityExternalId)}/members/${snowflakeOf(action.personExternalId, 'user')}`, reason: action.reason, ...on }, { notFound: 'user', doneCodes: GONE_MEMBER });
    case 'ban':
      return ban(api, action, on);
    case 'mute': {
      const body = { communication_disabled_until: timeoutUntil(action.until, now) };
      return api.push({ method: 'PATCH', path: `guilds/${guildOf(action.communityExternalId)}/members/${snowflakeOf(action.personExternalId, 'user')}`, body, reason: action.reason, ...on }, { notFound: 'user' });
    }
    case 'warn':
      return warn(api, action, idempotencyKey, on);
    case 'unban':
      return api.push({ method: 'DELETE', path: `guilds/${guildOf(action.communityExternalId)}/bans/${snowflakeOf(action.personExternalId, 'user')}`, ...on }, { notFound: 'user', doneCodes: NOT_BANNED });
    case 'unmute':
      // A null timeout ends it now; a member not timed out is left as they were (200 either way).
      return api.push(
        { method: 'PATCH', path: `guilds/${guildOf(action.communityExternalId)}/members/${snowflakeOf(action.personExternalId, 'user')}`, body: { communication_disabled_until: null }, ...on },
        { notFound: 'user' },
      );
    case 'resolveReport':
      return unsupported('Resolving a report on Discord (AutoMod hits have no state to resolve)');
    default:
      return assertNever(action, 'moderation action');
  }
}

/**
 * `PUT /guilds/{g}/bans/{u}` is idempotent (204 again for a banned user), which hides
 * whether this call banned them. The ban is looked up first so a user banned by
 * someone else reads as already-handled. Discord has no timed bans.
 */
async function ban(api: DiscordApi, action: Extract<ModAction, { type: 'ban' }>, on: { signal?: CancelSignal }): Promise<Outcome> {
  if (action.until !== null) return unsupported('A timed ban on Discord (bans last until lifted)');
  const path = `guilds/${guildOf(action.communityExternalId)}/bans/${snowflakeOf(action.personExternalId, 'user')}`;
  const existing = await api.send({ method: 'GET', path, ...on });
  if (existing.status === 200) return { status: 'already-handled', currentState: 'banned' };
  if (existing.status !== 404) api.fail(existing, { notFound: 'user' });
  const seconds = Math.max(0, Math.min(MAX_DELETE_MESSAGE_SECONDS, Math.floor(action.deleteHistorySeconds)));
  return api.push({ method: 'PUT', path, body: { delete_message_seconds: seconds }, reason: action.reason, ...on }, { notFound: 'user' });
}
