import { ConnectorFailure, type CancelSignal, type Cursor } from '@shared/connectors';
import type { TelegramApi } from './api';
import { ALLOWED_UPDATES, tgUpdates, type TgUpdate } from './wire';

/**
 * Telegram keeps a bot's updates in ONE queue and forgets each update once getUpdates
 * is called with a higher `offset`. Join requests, ordinary messages and /report
 * replies all arrive in it, so they are one combined feed (`delivery.combined`):
 *
 * - `pullUpdates` is the only consumer: it calls with `offset`, and the engine commits
 *   every feed's items of a page and the cursor after it in one transaction. An update
 *   is confirmed (by the next call) only after all of its items are stored: none is
 *   lost, and since there is one cursor none is read into two feeds' pages twice.
 * - `listCommunities` peeks: getUpdates without `offset` confirms nothing. The consumer
 *   stops paging (`complete: true`) at a page with anything the communities peek needs
 *   (`my_chat_member`, a migration) and confirms it only on its next pull, after the
 *   engine's next run has listed communities first.
 * - `pullJoinRequests`, `pullReports` and `pullMessages` alone only peek too (see feeds.ts).
 */

export type StreamTag = 'u' | 'j' | 'r' | 'm';

/** How a stream's cursor reads: the next update id it wants, and when the cursor was made. */
export interface StreamPosition {
  readonly nextId: number | null;
  readonly madeAt: number;
}

/**
 * After a week without updates Telegram picks the next update id at random (Bot API,
 * Update.update_id), so an old position may point past every new update. Older than
 * this, a position is dropped and the stream reads from the earliest unconfirmed update.
 */
export const POSITION_TTL_MS = 6 * 24 * 3_600_000;

export function encodePosition(stream: StreamTag, position: StreamPosition): Cursor {
  return `tg.${stream}.${position.nextId ?? ''}.${position.madeAt}`;
}

/** A cursor this connector did not make (or an older format) starts the stream again. */
export function decodePosition(stream: StreamTag, cursor: Cursor | null, now: number): StreamPosition {
  if (cursor === null) return { nextId: null, madeAt: now };
  const match = /^tg\.([ujrm])\.(\d*)\.(\d+)$/.exec(cursor);
  if (!match || match[1] !== stream) throw new ConnectorFailure({ class: 'invalid', detail: 'unknown Telegram cursor', reason: 'cursor-expired' });
  const madeAt = Number(match[3]);
  const nextId = match[2] === '' || now - madeAt > POSITION_TTL_MS ? null : Number(match[2]);
  return { nextId, madeAt };
}

export interface ReadOptions {
  /** Confirms every update below it; null reads from the earliest unconfirmed one and confirms nothing. */
  readonly offset: number | null;
  readonly limit: number;
  /** Long-poll seconds; 0 answers at once. */
  readonly timeoutSeconds: number;
  readonly signal?: CancelSignal;
}

export async function readUpdates(api: TelegramApi, options: ReadOptions): Promise<TgUpdate[]> {
  const params = {
    limit: options.limit,
    timeout: options.timeoutSeconds,
    // Sent on every call, peeks too: Telegram remembers the last list it was given.
    allowed_updates: ALLOWED_UPDATES,
    ...(options.offset !== null ? { offset: options.offset } : {}),
  };
  return api.call({ method: 'getUpdates', params, context: { notFound: 'community' }, ...(options.signal ? { signal: options.signal } : {}) }, tgUpdates);
}

/** Updates the communities peek needs (the bot added or removed, a migration), which the consumer must not confirm unseen. */
export const neededByCommunities = (update: TgUpdate): boolean =>
  update.my_chat_member !== undefined || update.message?.migrate_to_chat_id !== undefined || update.message?.migrate_from_chat_id !== undefined;

/** The id after the last update read, or where the stream already was. */
export const nextIdAfter = (updates: readonly TgUpdate[], current: number | null): number | null =>
  updates.reduce<number | null>((next, update) => Math.max(next ?? 0, update.update_id + 1), current);
