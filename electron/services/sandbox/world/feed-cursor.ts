import type { ChangeLog } from './change-log';

/**
 * Where a pull stands in one feed. A pull from nothing first walks the backlog
 * (every index that existed when it began, in their current state), then the
 * changes recorded since it began; from then on it only follows changes.
 *
 * Why this never skips an item: an item changed behind the walk gets a sequence
 * number above `since`, so the changes phase returns it; one changed ahead of the
 * walk is read in its new state (and returned again as a change, which the
 * engine dedupes by id and version). Items added during the walk are changes too.
 */
export type FeedPosition =
  | { readonly phase: 'backlog'; readonly next: number; readonly end: number; readonly since: number }
  /** `base`: backlog items this pull already counted, for the expected total. */
  | { readonly phase: 'changes'; readonly after: number; readonly since: number; readonly base: number };

export interface FeedState {
  /** How many indices exist now (backlog plus additions). */
  readonly size: number;
  readonly log: ChangeLog;
  /** The last sequence number handed out. */
  readonly seq: number;
}

export interface FeedPage {
  readonly indices: readonly number[];
  readonly next: FeedPosition;
  readonly complete: boolean;
  readonly total: number;
}

export function pageFeed(feed: FeedState, from: FeedPosition | null, limit: number): FeedPage {
  let position: FeedPosition = from ?? { phase: 'backlog', next: 0, end: feed.size, since: feed.seq };
  const indices: number[] = [];
  if (position.phase === 'backlog') {
    const stop = Math.min(position.end, position.next + limit);
    for (let i = position.next; i < stop; i++) indices.push(i);
    const total = position.end + feed.log.countAfter(position.since);
    if (stop < position.end) return { indices, next: { ...position, next: stop }, complete: false, total };
    position = { phase: 'changes', after: position.since, since: position.since, base: position.end };
  }
  const changes = feed.log.liveAfter(position.after, limit - indices.length);
  indices.push(...changes.indices);
  const total = position.base + feed.log.countAfter(position.since);
  if (!changes.exhausted) return { indices, next: { ...position, after: changes.scannedTo }, complete: false, total };
  // Caught up: the committed cursor starts the next pull, which counts from here.
  return { indices, next: { phase: 'changes', after: changes.scannedTo, since: changes.scannedTo, base: 0 }, complete: true, total };
}

/**
 * Cursors are opaque to clients but carry the world's id, so one from a reset
 * or restarted world is refused instead of silently skipping or repeating items.
 */
export function encodeCursor(worldId: string, position: FeedPosition): string {
  const fields =
    position.phase === 'backlog'
      ? ['b', position.next, position.end, position.since]
      : ['c', position.after, position.since, position.base];
  return Buffer.from(`${worldId}.${fields.join('.')}`).toString('base64url');
}

export type CursorReading = { readonly ok: true; readonly position: FeedPosition | null } | { readonly ok: false; readonly reason: 'malformed' | 'expired' };

export function decodeCursor(worldId: string, feed: FeedState, cursor: string | null): CursorReading {
  if (cursor === null || cursor === '') return { ok: true, position: null };
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const [world, phase, ...rest] = parts;
  const numbers = rest.map(Number);
  if (numbers.length !== 3 || !numbers.every((n) => Number.isSafeInteger(n) && n >= 0)) return { ok: false, reason: 'malformed' };
  if (world !== worldId) return { ok: false, reason: 'expired' };
  const [a, b, c] = numbers as [number, number, number];
  // A hand-made cursor must not reach items or changes that do not exist yet.
  if (phase === 'b' && a <= b && b <= feed.size && c <= feed.seq)
    return { ok: true, position: { phase: 'backlog', next: a, end: b, since: c } };
  if (phase === 'c' && a <= feed.seq && b <= feed.seq) return { ok: true, position: { phase: 'changes', after: a, since: b, base: c } };
  return { ok: false, reason: 'malformed' };
}
