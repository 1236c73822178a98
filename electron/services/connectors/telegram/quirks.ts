import type { ConnectorError, NotFoundWhat, Outcome } from '@shared/connectors';
import { errorFromResponse, type ErrorResponse } from '../http/errors';
import { tgError } from './wire';
import { safeParseAnswer } from '../http/client';

/**
 * How the Bot API words its failures. The HTTP status equals `error_code`, and the
 * meaning is in `description` (stable strings that bots match on in practice):
 * - `HIDE_REQUESTER_MISSING` (the join request was handled or expired) and
 *   `USER_ALREADY_PARTICIPANT` are not errors: someone got there first.
 * - "message to delete not found" / "message is not modified" are also final states.
 * - `parameters.migrate_to_chat_id`: the group became a supergroup with a new id.
 * - 429 gives the wait in `parameters.retry_after` (seconds), not always a header.
 * - 401 is the token; 404 means the token in the path is malformed.
 * - 403 "bot was kicked / is not a member" is about one chat, not the token: the
 *   connection must not pause for it, so it reads as that chat gone (not-found).
 * - "not enough rights" is the bot's role in one chat: `invalid` for that push.
 * - 409 on getUpdates: a webhook is set or another process is polling this bot.
 */
export type TelegramReading = { readonly kind: 'outcome'; readonly outcome: Outcome } | { readonly kind: 'error'; readonly error: ConnectorError };

export interface FailureContext {
  readonly notFound: NotFoundWhat;
  /** The chat a call was about; a 429 on a message to one chat is that chat's flood limit. */
  readonly chatId?: number;
  readonly perChatFlood?: boolean;
}

const ALREADY_HANDLED: readonly [RegExp, string][] = [
  [/HIDE_REQUESTER_MISSING/, 'request no longer pending'],
  [/USER_ALREADY_PARTICIPANT/, 'already a member'],
  [/message to delete not found/i, 'already deleted'],
  [/message is not modified/i, 'unchanged'],
];

const NOT_FOUND: readonly [RegExp, NotFoundWhat][] = [
  [/chat not found|bot was kicked|bot is not a member|CHANNEL_PRIVATE|PEER_ID_INVALID/i, 'community'],
  [/user not found|USER_ID_INVALID|PARTICIPANT_ID_INVALID|user_not_participant/i, 'user'],
  [/message to (edit|reply|forward) not found|MESSAGE_ID_INVALID/i, 'message'],
];

export function readTelegramFailure(response: ErrorResponse, context: FailureContext): TelegramReading {
  const parsed = safeParseAnswer(tgError, response.body);
  const body = parsed.success ? parsed.data : null;
  const description = body?.description ?? (typeof response.body === 'string' ? response.body.slice(0, 200) : '');
  const handled = ALREADY_HANDLED.find(([pattern]) => pattern.test(description));
  if (handled) return { kind: 'outcome', outcome: { status: 'already-handled', currentState: handled[1] } };
  const error = (e: ConnectorError): TelegramReading => ({ kind: 'error', error: e });
  const migratedTo = body?.parameters?.migrate_to_chat_id;
  if (migratedTo !== undefined) return error({ class: 'conflict', reason: 'migrated', newId: String(migratedTo) });
  if (response.status === 404) return error({ class: 'auth', reason: 'invalid-token' });
  if (response.status === 409) return error({ class: 'invalid', detail: `Telegram refused getUpdates: ${description || 'conflict'} (remove the bot's webhook or stop the other program polling it)` });
  const missing = NOT_FOUND.find(([pattern]) => pattern.test(description));
  if (missing && response.status !== 429 && response.status < 500) return error({ class: 'not-found', what: missing[1] });
  const refused = /not enough rights|CHAT_ADMIN_REQUIRED|can't be deleted|can't remove|can't restrict|can't ban/i.test(description);
  if (response.status === 403 || (response.status === 400 && refused))
    return error({ class: 'invalid', detail: `Telegram: ${description || 'forbidden'} (check the bot's admin rights in this chat)` });
  const retryAfter = body?.parameters?.retry_after;
  const perChat = context.perChatFlood === true && context.chatId !== undefined;
  return error(
    errorFromResponse(response, {
      notFound: context.notFound,
      rateLimit: () => ({
        ...(retryAfter !== undefined ? { retryAfterMs: Math.ceil(retryAfter * 1000) } : {}),
        scope: perChat ? 'target' : 'account',
        ...(perChat ? { bucket: `chat:${context.chatId}` } : {}),
      }),
      authReason: () => 'invalid-token',
      detail: () => description || undefined,
    }),
  );
}
