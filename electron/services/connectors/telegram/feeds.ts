import type { Cursor, JoinRequestItem, Page, PullOptions, ReportItem } from '@shared/connectors';
import type { TelegramApi } from './api';
import { joinRequestsOf, reportOf } from './to-items';
import { decodePosition, encodePosition, neededByPeekers, nextIdAfter, readUpdates } from './updates';

/** getUpdates serves at most 100 updates per call. */
export const MAX_UPDATES_PER_CALL = 100;

export interface FeedOptions extends PullOptions {
  readonly now: number;
  readonly longPollSeconds: number;
}

/**
 * The consumer of the update queue (see updates.ts). Each page confirms the one
 * before it; it stops at a page the peeking feeds still need. The cursor is
 * `last update_id + 1`, committed by the engine with the items.
 */
export async function pullJoinRequestPage(api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<JoinRequestItem>> {
  const position = decodePosition('j', cursor, options.now);
  const limit = Math.min(MAX_UPDATES_PER_CALL, Math.max(1, Math.floor(options.limit ?? MAX_UPDATES_PER_CALL)));
  const updates = await readUpdates(api, { offset: position.nextId, limit, timeoutSeconds: options.longPollSeconds, ...(options.signal ? { signal: options.signal } : {}) });
  const nextId = nextIdAfter(updates, position.nextId);
  return {
    items: updates.flatMap(joinRequestsOf),
    // The time of the last update seen, not of this pull: it tells a week-long silence (see POSITION_TTL_MS).
    next: encodePosition('j', { nextId, madeAt: updates.length > 0 ? options.now : position.madeAt }),
    complete: updates.length < limit || updates.some(neededByPeekers),
  };
}

/**
 * Reports peek at the unconfirmed window (members' /report replies) and never
 * confirm; the cursor only skips updates already turned into reports.
 */
export async function pullReportPage(api: TelegramApi, cursor: Cursor | null, options: FeedOptions): Promise<Page<ReportItem>> {
  const position = decodePosition('r', cursor, options.now);
  const window = await readUpdates(api, { offset: null, limit: MAX_UPDATES_PER_CALL, timeoutSeconds: 0, ...(options.signal ? { signal: options.signal } : {}) });
  const fresh = window.filter((update) => position.nextId === null || update.update_id >= position.nextId);
  return {
    items: fresh.flatMap((update) => reportOf(update) ?? []),
    next: encodePosition('r', { nextId: nextIdAfter(fresh, position.nextId), madeAt: fresh.length > 0 ? options.now : position.madeAt }),
    // A peek cannot page: what lies past the window arrives once the consumer confirms.
    complete: true,
  };
}
