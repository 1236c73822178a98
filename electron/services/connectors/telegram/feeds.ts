import type { Cursor, FeedItem, JoinRequestItem, MessageItem, Page, PullOptions, ReportItem } from '@shared/connectors';
import type { TelegramApi } from './api';
import { joinRequestsOf, memberMessagesOf, reportOf } from './to-items';
import { decodePosition, encodePosition, neededByCommunities, nextIdAfter, readUpdates, type StreamTag } from './updates';
import type { TgUpdate } from './wire';

/** getUpdates serves at most 100 updates per call. */
export const MAX_UPDATES_PER_CALL = 100;

export interface FeedOptions extends PullOptions {
  readonly now: number;
  readonly longPollSeconds: number;
}

/** Everything one update carries, for each feed, in the order the platform sent it. */
export const feedItemsOf = (update: TgUpdate): FeedItem[] => [
  ...joinRequestsOf(update).map((item): FeedItem => ({ feed: 'joinRequests', item })),
  ...memberMessagesOf(update).map((item): FeedItem => ({ feed: 'messages', item })),
  ...[reportOf(update)].flatMap((item): FeedItem[] => (item ? [{ feed: 'reports', item }] : [])),
];

/**
 * The one consumer of the update queue (see updates.ts): join requests, messages and
 * /report replies from the same pages, under one cursor. Each page confirms the one
 * before it. The cursor is `last update_id + 1`, committed by the engine with the
 * page's items in one transaction, so an update is confirmed only once all its items
 * are stored. It stops paging at a page the communities peek still needs.
 */
export async function pullUpdatePage(api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<FeedItem>> {
  const position = decodePosition('u', cursor, options.now);
  const limit = Math.min(MAX_UPDATES_PER_CALL, Math.max(1, Math.floor(options.limit ?? MAX_UPDATES_PER_CALL)));
  const updates = await readUpdates(api, { offset: position.nextId, limit, timeoutSeconds: options.longPollSeconds, ...(options.signal ? { signal: options.signal } : {}) });
  return {
    items: updates.flatMap(feedItemsOf),
    // The time of the last update seen, not of this pull: it tells a week-long silence (see POSITION_TTL_MS).
    next: encodePosition('u', { nextId: nextIdAfter(updates, position.nextId), madeAt: updates.length > 0 ? options.now : position.madeAt }),
    complete: updates.length < limit || updates.some(neededByCommunities),
  };
}

/**
 * One feed alone, for a caller that wants only it: a peek at the unconfirmed window
 * that never confirms (so it cannot take an update from another feed); the cursor
 * only skips updates already read. It cannot page past the window: the engine pulls
 * Telegram through `pullUpdatePage` instead.
 */
async function peekFeed<T>(api: TelegramApi, tag: StreamTag, cursor: Cursor | null, options: FeedOptions, itemsOf: (update: TgUpdate) => T[]): Promise<Page<T>> {
  const position = decodePosition(tag, cursor, options.now);
  const window = await readUpdates(api, { offset: null, limit: MAX_UPDATES_PER_CALL, timeoutSeconds: 0, ...(options.signal ? { signal: options.signal } : {}) });
  const fresh = window.filter((update) => position.nextId === null || update.update_id >= position.nextId);
  return {
    items: fresh.flatMap(itemsOf),
    next: encodePosition(tag, { nextId: nextIdAfter(fresh, position.nextId), madeAt: fresh.length > 0 ? options.now : position.madeAt }),
    complete: true,
  };
}

export const peekJoinRequests = (api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<JoinRequestItem>> =>
  peekFeed(api, 'j', cursor, options, joinRequestsOf);
export const peekReports = (api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<ReportItem>> =>
  peekFeed(api, 'r', cursor, options, (update) => [reportOf(update)].flatMap((r) => (r ? [r] : [])));
export const peekMessages = (api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<MessageItem>> =>
  peekFeed(api, 'm', cursor, options, memberMessagesOf);
