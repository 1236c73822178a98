import { ConnectorFailure, type CancelSignal, type Outcome } from '@shared/connectors';
import { expectBody } from '../http/client';
import type { DiscordApi } from './api';
import { guildOf, snowflakeOf } from './ids';
import { dcBulkBan, dcError } from './wire';
import { MAX_DELETE_MESSAGE_SECONDS } from './actions';
import { safeParseAnswer } from '../http/client';

export const MAX_BULK_BAN = 200;
/** Bulk ban answers this JSON code ("Failed to ban users") when it could ban nobody. */
const BANNED_NOBODY = 500_000;

export interface BulkBan {
  readonly communityExternalId: string;
  readonly personExternalIds: readonly string[];
  readonly deleteHistorySeconds: number;
  readonly reason: string | null;
}

/**
 * `POST /guilds/{g}/bulk-ban` (up to 200 users; needs BAN_MEMBERS and MANAGE_GUILD):
 * `{banned_users, failed_users}` becomes a `partial` outcome when some failed. A user
 * already banned is reported as failed by Discord, so a retry is partial too, which
 * the caller may read as "done". The contract has no bulk-ban action yet (see
 * README): this is ready for one.
 */
export async function bulkBan(api: DiscordApi, request: BulkBan, signal: CancelSignal | undefined): Promise<Outcome> {
  const users = [...new Set(request.personExternalIds.map((id) => snowflakeOf(id, 'user')))];
  if (users.length === 0 || users.length > MAX_BULK_BAN) throw new ConnectorFailure({ class: 'invalid', detail: `Discord bans 1 to ${MAX_BULK_BAN} users at a time` });
  const body = { user_ids: users, delete_message_seconds: Math.max(0, Math.min(MAX_DELETE_MESSAGE_SECONDS, Math.floor(request.deleteHistorySeconds))) };
  const failedAll = (): Outcome => ({ status: 'partial', succeeded: [], failed: users.map((id) => ({ id, error: { class: 'invalid', detail: 'Discord could not ban this user' } })) });
  const path = `guilds/${guildOf(request.communityExternalId)}/bulk-ban`;
  const answer = await api.send({ method: 'POST', path, body, reason: request.reason, ...(signal ? { signal } : {}) });
  if (answer.status >= 300) {
    if (safeParseAnswer(dcError, answer.body).data?.code === BANNED_NOBODY) return failedAll();
    api.fail(answer, { notFound: 'community' });
  }
  const result = expectBody(answer, dcBulkBan, 'guilds/{id}/bulk-ban');
  if (result.failed_users.length === 0) return { status: 'applied', at: Date.now() };
  return {
    status: 'partial',
    succeeded: result.banned_users,
    failed: result.failed_users.map((id) => ({ id, error: { class: 'invalid', detail: 'Discord did not ban this user (already banned, or above the bot in the role list)' } })),
  };
}
