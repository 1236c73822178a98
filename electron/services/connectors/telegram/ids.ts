import { ConnectorFailure } from '@shared/connectors';
import type { TgChat } from './wire';

/**
 * External ids. Telegram join requests have no id of their own (the key is the
 * chat and the user) and message ids are only unique within a chat, so both are
 * `<chatId>:<id>`; a community is its chat id.
 */

export const chatExternalId = (chatId: number): string => String(chatId);
export const pairId = (chatId: number, id: number): string => `${chatId}:${id}`;

function integer(text: string, what: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n)) throw new ConnectorFailure({ class: 'invalid', detail: `"${text}" is not a Telegram ${what} id` });
  return n;
}

export const parseChatId = (externalId: string): number => integer(externalId, 'chat');

/** The id after the chat in `<chatId>:<id>`; a bare number is accepted as the id alone. */
export function parseItemId(externalId: string, what: 'user' | 'message'): number {
  const at = externalId.lastIndexOf(':');
  return integer(at < 0 ? externalId : externalId.slice(at + 1), what);
}

/**
 * A link to a message: public chats by username, private supergroups and channels
 * through `t.me/c/<id without -100>`; basic groups have no message links.
 */
export function messageUrl(chat: Pick<TgChat, 'id' | 'username'>, messageId: number): string | null {
  if (chat.username) return `https://t.me/${chat.username}/${messageId}`;
  const id = String(chat.id);
  return id.startsWith('-100') ? `https://t.me/c/${id.slice(4)}/${messageId}` : null;
}

export const chatUrl = (chat: Pick<TgChat, 'username'>): string | null => (chat.username ? `https://t.me/${chat.username}` : null);

/** Unix seconds to epoch ms. */
export const ms = (seconds: number): number => seconds * 1000;
