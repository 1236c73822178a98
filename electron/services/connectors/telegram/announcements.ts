import { ConnectorFailure, type AnnouncementDelete, type AnnouncementEdit, type AnnouncementPost, type CancelSignal, type Outcome } from '@shared/connectors';
import { z } from 'zod';
import type { TelegramApi } from './api';
import { MAX_MESSAGE_LENGTH } from './descriptor';
import { messageUrl, pairId, parseChatId, parseItemId } from './ids';
import { tgMessage, tgTrue } from './wire';

function checkLength(text: string): void {
  if (text.length === 0 || text.length > MAX_MESSAGE_LENGTH) throw new ConnectorFailure({ class: 'invalid', detail: `A Telegram message holds 1 to ${MAX_MESSAGE_LENGTH} characters` });
}

/**
 * sendMessage has no idempotency key: a retry after a lost answer posts twice
 * (`sendIdempotency: 'none'`, and `reconcile` answers `unknown`). Messages to one
 * chat share its flood limit, so a 429 here is scoped to that chat.
 */
export function sendAnnouncement(api: TelegramApi, post: AnnouncementPost, signal: CancelSignal | undefined): Promise<Outcome> {
  checkLength(post.text);
  const chatId = parseChatId(post.communityExternalId);
  return api.pushFor(
    { method: 'sendMessage', params: { chat_id: chatId, text: post.text }, context: { notFound: 'community', chatId, perChatFlood: true }, ...(signal ? { signal } : {}) },
    tgMessage,
    (message) => {
      const url = messageUrl(message.chat, message.message_id);
      return { externalId: pairId(message.chat.id, message.message_id), ...(url ? { url } : {}) };
    },
  );
}

/** "message is not modified" (same text again, e.g. a retry) is already-handled. */
export function editAnnouncement(api: TelegramApi, edit: AnnouncementEdit, signal: CancelSignal | undefined): Promise<Outcome> {
  checkLength(edit.text);
  const chatId = parseChatId(edit.communityExternalId);
  const params = { chat_id: chatId, message_id: parseItemId(edit.messageExternalId, 'message'), text: edit.text };
  return api.pushFor({ method: 'editMessageText', params, context: { notFound: 'message', chatId, perChatFlood: true }, ...(signal ? { signal } : {}) }, z.union([tgMessage, tgTrue]), () => ({
    externalId: edit.messageExternalId,
  }));
}

export function deleteAnnouncement(api: TelegramApi, target: AnnouncementDelete, signal: CancelSignal | undefined): Promise<Outcome> {
  const chatId = parseChatId(target.communityExternalId);
  const params = { chat_id: chatId, message_id: parseItemId(target.messageExternalId, 'message') };
  return api.push({ method: 'deleteMessage', params, context: { notFound: 'message', chatId }, ...(signal ? { signal } : {}) });
}
