import type { JoinRequestItem, MessageItem, PersonItem, ReportItem } from '@shared/connectors';
import { attachmentsOf } from './attachments';
import { chatExternalId, ms, pairId } from './ids';
import type { TgChatJoinRequest, TgChatMemberUpdated, TgMessage, TgRepliedMessage, TgUpdate, TgUser } from './wire';

/** Bot API updates (already validated) to normalized items. */

const displayName = (user: TgUser): string => [user.first_name, user.last_name].filter(Boolean).join(' ');

export const personOf = (user: TgUser): PersonItem => ({
  externalId: String(user.id),
  displayName: displayName(user),
  username: user.username ?? null,
  // The Bot API tells neither when an account was made nor anything of its past.
  accountCreatedAt: null,
  profileUrl: user.username ? `https://t.me/${user.username}` : null,
  history: null,
});

/** Posts sent as a chat (anonymous admins, linked channels) carry no `from`. */
const ANONYMOUS: TgUser = { id: 0, is_bot: false, first_name: 'Anonymous' };

export const pendingJoinOf = (request: TgChatJoinRequest): JoinRequestItem => ({
  externalId: pairId(request.chat.id, request.from.id),
  version: null,
  communityExternalId: chatExternalId(request.chat.id),
  person: personOf(request.from),
  requestedAt: ms(request.date),
  answers: [
    ...(request.bio ? [{ question: 'Bio', answer: request.bio }] : []),
    ...(request.invite_link ? [{ question: 'Invite link', answer: request.invite_link.name ?? request.invite_link.invite_link }] : []),
  ],
  status: 'pending',
  handledBy: null,
});

const MEMBER_STATUSES = new Set(['member', 'administrator', 'creator', 'restricted']);

/**
 * A `chat_member` update saying someone joined through an approved join request:
 * the request was decided, by `from` (another admin, or this bot).
 */
export function approvedJoinOf(update: TgChatMemberUpdated): JoinRequestItem | null {
  if (update.via_join_request !== true || !MEMBER_STATUSES.has(update.new_chat_member.status)) return null;
  const user = update.new_chat_member.user;
  return {
    externalId: pairId(update.chat.id, user.id),
    version: null,
    communityExternalId: chatExternalId(update.chat.id),
    person: personOf(user),
    requestedAt: ms(update.date),
    answers: [],
    status: 'approved',
    handledBy: { name: displayName(update.from), at: ms(update.date) },
  };
}

/** A media message's caption is its text; media without a caption has none (its files show instead). */
export function messageOf(message: TgMessage | TgRepliedMessage): MessageItem {
  const attachments = attachmentsOf(message);
  return {
    externalId: pairId(message.chat.id, message.message_id),
    communityExternalId: chatExternalId(message.chat.id),
    conversationId: message.message_thread_id ? pairId(message.chat.id, message.message_thread_id) : chatExternalId(message.chat.id),
    author: personOf(message.from ?? ANONYMOUS),
    body: message.text ?? message.caption ?? (attachments.length > 0 ? '' : '[a message without text]'),
    sentAt: ms(message.date),
    replyToExternalId: 'reply_to_message' in message && message.reply_to_message ? pairId(message.chat.id, message.reply_to_message.message_id) : null,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/**
 * Telegram has no report queue for bots. The usual workaround: a member replies to
 * the offending message with `/report [reason]` (or `/report@thisbot`, or `@admin`).
 */
const REPORT_COMMAND = /^(?:\/report(?:@\w+)?|@admins?)(?=\s|$)\s*(.*)$/is;

export const isReportCommand = (message: TgMessage | undefined): boolean =>
  message?.reply_to_message !== undefined && REPORT_COMMAND.test(message.text ?? '');

/** A ReportItem for the replied-to message; one per message, however many members report it. */
export function reportOf(update: TgUpdate): ReportItem | null {
  const message = update.message;
  const reported = message?.reply_to_message;
  const match = REPORT_COMMAND.exec(message?.text ?? '');
  if (!message || !reported || !match) return null;
  return {
    externalId: pairId(reported.chat.id, reported.message_id),
    version: String(update.update_id),
    message: messageOf(reported),
    // The bot cannot read history: the only context is the report itself.
    context: [messageOf(message)],
    reporter: { name: displayName(message.from ?? ANONYMOUS) },
    reason: match[1]?.trim() || 'Reported by a member with /report',
    reportedAt: ms(message.date),
    status: 'open',
    handledBy: null,
  };
}

const GROUP_CHATS = new Set(['group', 'supergroup']);

/**
 * Ordinary messages an update carries: a member's new or edited message in a group
 * (an edit arrives with the same id and the new text, so alert rules see it again).
 * Service messages (joins, migrations, pins) have neither text, caption nor media and
 * are left out; so are channel posts and private chats with the bot.
 */
export function memberMessagesOf(update: TgUpdate): MessageItem[] {
  const message = update.message ?? update.edited_message;
  if (!message || !GROUP_CHATS.has(message.chat.type)) return [];
  const item = messageOf(message);
  return message.text === undefined && message.caption === undefined && !item.attachments ? [] : [item];
}

/** Join requests an update carries: a new request, or one decided (approved) on Telegram. */
export function joinRequestsOf(update: TgUpdate): JoinRequestItem[] {
  if (update.chat_join_request) return [pendingJoinOf(update.chat_join_request)];
  const approved = update.chat_member ? approvedJoinOf(update.chat_member) : null;
  return approved ? [approved] : [];
}
