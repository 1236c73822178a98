import { ConnectorFailure, type CancelSignal, type JoinDecision, type ModAction, type Outcome } from '@shared/connectors';
import { assertNever } from '@shared/assert-never';
import { unsupported } from '../http/unsupported';
import type { TelegramApi } from './api';
import { pairId, parseChatId, parseItemId } from './ids';
import { MAX_BULK_DELETE, MAX_MESSAGE_LENGTH } from './descriptor';
import { tgMessage } from './wire';

const MIN_TIMED_SECONDS = 30;
const MAX_TIMED_SECONDS = 366 * 86_400;

/**
 * `until_date` for bans and restrictions. Telegram treats anything under 30 s or over
 * 366 days from now as forever, so such a time would silently become permanent:
 * refuse it instead. Null (indefinite) sends no `until_date`.
 */
export function untilDate(until: number | null, now: number): { until_date?: number } {
  if (until === null) return {};
  const seconds = Math.ceil(until / 1000);
  const ahead = seconds - Math.floor(now / 1000);
  if (ahead < MIN_TIMED_SECONDS) throw new ConnectorFailure({ class: 'invalid', detail: 'Telegram needs a timed ban or mute to end at least 30 s from now' });
  if (ahead > MAX_TIMED_SECONDS) throw new ConnectorFailure({ class: 'invalid', detail: 'Telegram treats a ban or mute longer than 366 days as permanent; choose "indefinitely" instead' });
  return { until_date: seconds };
}

/** Everything off: Telegram's "mute". Independent permissions, so "send media" etc. do not re-enable messages. */
const MUTED = {
  can_send_messages: false,
  can_send_audios: false,
  can_send_documents: false,
  can_send_photos: false,
  can_send_videos: false,
  can_send_video_notes: false,
  can_send_voice_notes: false,
  can_send_polls: false,
  can_send_other_messages: false,
  can_add_web_page_previews: false,
};

/**
 * Every permission on: "Pass True for all permissions to lift restrictions from a
 * user" (restrictChatMember). The chat's own defaults still cap what members may do.
 */
const UNMUTED = {
  ...Object.fromEntries(Object.keys(MUTED).map((name) => [name, true])),
  can_change_info: true,
  can_invite_users: true,
  can_pin_messages: true,
  can_manage_topics: true,
};

/** Where a warning without a message to reply to names the person: a `tg://user` link over this word. */
const WARNING_LABEL = 'Warning';

export async function decideJoin(api: TelegramApi, decision: JoinDecision, signal: CancelSignal | undefined): Promise<Outcome> {
  const chatId = parseChatId(decision.communityExternalId);
  const params = { chat_id: chatId, user_id: parseItemId(decision.requestExternalId, 'user') };
  const call = (method: string) => api.push({ method, params, context: { notFound: 'request', chatId }, ...(signal ? { signal } : {}) });
  if (decision.decision === 'approve') return call('approveChatJoinRequest');
  if (!decision.ban) return call('declineChatJoinRequest');
  // Ban first: a retry after a crash then still bans, where a decline would already answer HIDE_REQUESTER_MISSING.
  const banned = await call('banChatMember');
  const declined = await call('declineChatJoinRequest');
  return declined.status === 'already-handled' ? banned : declined;
}

/**
 * A warning is a message in the chat: a reply to the message it is about (sent even
 * if that message is gone by then), or, with none, one that mentions the person through
 * a `tg://user?id=` link, which works without a username. Entities, not parse_mode, so
 * the moderator's text is never read as markup.
 */
function warning(action: Extract<ModAction, { type: 'warn' }>): Record<string, unknown> {
  if (action.text.trim() === '' || action.text.length + WARNING_LABEL.length + 2 > MAX_MESSAGE_LENGTH)
    throw new ConnectorFailure({ class: 'invalid', detail: `A Telegram warning holds 1 to ${MAX_MESSAGE_LENGTH - WARNING_LABEL.length - 2} characters` });
  if (action.messageExternalId !== null)
    return { text: action.text, reply_parameters: { message_id: parseItemId(action.messageExternalId, 'message'), allow_sending_without_reply: true } };
  const userId = parseItemId(action.personExternalId, 'user');
  return { text: `${WARNING_LABEL}: ${action.text}`, entities: [{ type: 'text_link', offset: 0, length: WARNING_LABEL.length, url: `tg://user?id=${userId}` }] };
}

export function moderation(api: TelegramApi, action: ModAction, now: number, signal: CancelSignal | undefined): Promise<Outcome> {
  const on = signal ? { signal } : {};
  if (action.type === 'resolveReport') return unsupported('Resolving a report on Telegram (reports are local to Modboard)');
  const chatId = parseChatId(action.communityExternalId);
  switch (action.type) {
    case 'removeMessage':
      return api.push({ method: 'deleteMessage', params: { chat_id: chatId, message_id: parseItemId(action.messageExternalId, 'message') }, context: { notFound: 'message', chatId }, ...on });
    case 'removeMessages': {
      const ids = action.messageExternalIds.map((id) => parseItemId(id, 'message'));
      if (ids.length === 0 || ids.length > MAX_BULK_DELETE) throw new ConnectorFailure({ class: 'invalid', detail: `Telegram deletes 1 to ${MAX_BULK_DELETE} messages at a time` });
      // Ids Telegram cannot find are skipped, not failed: the call is naturally idempotent.
      return api.push({ method: 'deleteMessages', params: { chat_id: chatId, message_ids: ids }, context: { notFound: 'message', chatId }, ...on });
    }
    case 'kick':
      // unbanChatMember without only_if_banned removes a member and lets them rejoin: Telegram's kick.
      return api.push({ method: 'unbanChatMember', params: { chat_id: chatId, user_id: parseItemId(action.personExternalId, 'user') }, context: { notFound: 'user', chatId }, ...on });
    case 'ban':
      return api.push({
        method: 'banChatMember',
        // Telegram cannot purge a time window: any history deletion revokes all of the user's messages.
        params: { chat_id: chatId, user_id: parseItemId(action.personExternalId, 'user'), revoke_messages: action.deleteHistorySeconds > 0, ...untilDate(action.until, now) },
        context: { notFound: 'user', chatId },
        ...on,
      });
    case 'mute':
      return api.push({
        method: 'restrictChatMember',
        params: { chat_id: chatId, user_id: parseItemId(action.personExternalId, 'user'), permissions: MUTED, use_independent_chat_permissions: true, ...untilDate(action.until, now) },
        context: { notFound: 'user', chatId },
        ...on,
      });
    case 'warn':
      return api.pushFor({ method: 'sendMessage', params: { chat_id: chatId, ...warning(action) }, context: { notFound: 'community', chatId, perChatFlood: true }, ...on }, tgMessage, (sent) => ({
        externalId: pairId(sent.chat.id, sent.message_id),
      }));
    case 'unban':
      // only_if_banned: without it unbanChatMember also removes a member (Telegram's kick).
      return api.push({ method: 'unbanChatMember', params: { chat_id: chatId, user_id: parseItemId(action.personExternalId, 'user'), only_if_banned: true }, context: { notFound: 'user', chatId }, ...on });
    case 'unmute':
      return api.push({
        method: 'restrictChatMember',
        params: { chat_id: chatId, user_id: parseItemId(action.personExternalId, 'user'), permissions: UNMUTED, use_independent_chat_permissions: true },
        context: { notFound: 'user', chatId },
        ...on,
      });
    default:
      return assertNever(action, 'moderation action');
  }
}
