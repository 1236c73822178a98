import { isConnectorFailure, type CancelSignal, type CommunityItem, type Cursor, type Page, type PullOptions } from '@shared/connectors';
import { z } from 'zod';
import { jsonCursor } from '../http/json-cursor';
import type { TelegramApi } from './api';
import { chatExternalId, chatUrl } from './ids';
import { readUpdates } from './updates';
import { tgChatFullInfo, type TgChatFullInfo, type TgUpdate } from './wire';

/**
 * The Bot API cannot list the chats a bot is in. The communities feed keeps the
 * chat ids it has learnt in its own cursor (stateless connector, state in the
 * engine's cursor): each round first peeks at the unconfirmed updates for
 * `my_chat_member` (added, removed), migrations and any chat an update mentions,
 * adds the ids the user typed in (`?chats=` on the base URL), then reads one chat per
 * page with getChat + getChatMemberCount. A chat the bot was removed from is dropped.
 */

/** Bounds the cursor's size; a bot in more chats than this lists the first ones only. */
export const MAX_KNOWN_CHATS = 1_000;

/** `k`: chat ids known; `i`: the next to read, or -1 to peek for new chats first. */
const roundCursor = jsonCursor('tg.c', z.object({ k: z.array(z.number().int()).max(MAX_KNOWN_CHATS), i: z.number().int().min(-1) }));

const LEFT = new Set(['left', 'kicked']);

/** The chat ids after what `updates` tell: joins, removals, group → supergroup moves. */
export function learnChats(known: readonly number[], updates: readonly TgUpdate[]): number[] {
  const chats = new Set(known);
  const add = (chat: { id: number; type: string } | undefined) => {
    if (chat && chat.type !== 'private') chats.add(chat.id);
  };
  for (const update of updates) {
    const member = update.my_chat_member;
    if (member && LEFT.has(member.new_chat_member.status)) chats.delete(member.chat.id);
    else add(member?.chat);
    const message = update.message;
    if (message?.migrate_to_chat_id !== undefined) {
      chats.delete(message.chat.id);
      chats.add(message.migrate_to_chat_id);
    } else if (message?.migrate_from_chat_id !== undefined) {
      chats.delete(message.migrate_from_chat_id);
      add(message.chat);
    } else add(message?.chat);
    add(update.chat_join_request?.chat);
    add(update.chat_member?.chat);
  }
  return [...chats].slice(0, MAX_KNOWN_CHATS);
}

export function communityOf(chat: TgChatFullInfo, memberCount: number): CommunityItem {
  return {
    externalId: chatExternalId(chat.id),
    parentExternalId: null,
    name: chat.title ?? (chat.username ? `@${chat.username}` : chatExternalId(chat.id)),
    kind: chat.type === 'channel' ? 'announcements' : chat.is_forum ? 'forum' : 'group',
    memberCount,
    language: null,
    tags: [chat.type],
    url: chatUrl(chat),
    rulesUrl: null,
  };
}

export async function listCommunityPage(api: TelegramApi, cursor: Cursor | null, options: PullOptions): Promise<Page<CommunityItem>> {
  const round = roundCursor.decode(cursor, { k: [], i: -1 });
  const signal = options.signal ? { signal: options.signal } : {};
  if (round.i < 0) {
    const window = await readUpdates(api, { offset: null, limit: 100, timeoutSeconds: 0, ...signal });
    const known = learnChats([...new Set([...round.k, ...api.seedChatIds])], window);
    return { items: [], next: roundCursor.encode({ k: known, i: known.length > 0 ? 0 : -1 }), complete: known.length === 0 };
  }
  const chatId = round.k[round.i];
  const read = chatId === undefined ? null : await readChat(api, chatId, signal);
  const known = read?.kind === 'moved' ? round.k.map((id) => (id === chatId ? read.to : id)) : read?.kind === 'gone' ? round.k.filter((id) => id !== chatId) : round.k;
  // A moved chat is read again under its new id; a gone one leaves its place to the next.
  const next = read?.kind === 'read' ? round.i + 1 : round.i;
  const done = next >= known.length;
  return { items: read?.kind === 'read' ? [read.item] : [], next: roundCursor.encode({ k: known, i: done ? -1 : next }), complete: done };
}

type ChatRead = { kind: 'read'; item: CommunityItem } | { kind: 'gone' } | { kind: 'moved'; to: number };

async function readChat(api: TelegramApi, chatId: number, signal: { signal?: CancelSignal }): Promise<ChatRead> {
  const context = { notFound: 'community' as const, chatId };
  try {
    const chat = await api.call({ method: 'getChat', params: { chat_id: chatId }, context, ...signal }, tgChatFullInfo);
    const count = await api.call({ method: 'getChatMemberCount', params: { chat_id: chatId }, context, ...signal }, z.number().int().nonnegative());
    return { kind: 'read', item: communityOf(chat, count) };
  } catch (error) {
    if (!isConnectorFailure(error)) throw error;
    if (error.error.class === 'not-found') return { kind: 'gone' };
    if (error.error.class === 'conflict' && error.error.reason === 'migrated' && error.error.newId) return { kind: 'moved', to: Number(error.error.newId) };
    throw error;
  }
}
