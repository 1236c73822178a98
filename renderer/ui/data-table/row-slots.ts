/**
 * React keys for the rows on screen, chosen so scrolling does the least DOM work.
 *
 * - A scroll that keeps some rows (a wheel step, a key press): kept rows keep
 *   their keys, rows coming in get new ones. Reusing a leaving row's element for
 *   an entering row would make React move it to the other end of the list, and
 *   scrolling up it moves all the others instead.
 * - A jump that keeps none (a fling, a scrollbar drag, End): every row is new,
 *   so each takes the key of the row that was at its place, and the elements are
 *   reused in place: only their text and attributes change, nothing is mounted.
 *
 * Either way the DOM order stays the visual order, which assistive technology
 * reads, and keys never repeat within one window.
 */
export interface RowSlots {
  /** Index of the first row the keys are for. */
  readonly first: number;
  readonly keys: readonly number[];
  /** The next key never used yet. */
  readonly next: number;
}

export const NO_SLOTS: RowSlots = { first: 0, keys: [], next: 0 };

/** Keys for rows first..last (inclusive; empty when last < first), given the keys of the previous window. */
export function assignRowSlots(previous: RowSlots, first: number, last: number): RowSlots {
  const count = Math.max(0, last - first + 1);
  const previousLast = previous.first + previous.keys.length - 1;
  const overlaps = previous.keys.length > 0 && count > 0 && first <= previousLast && last >= previous.first;
  let next = previous.next;
  const keys = Array.from({ length: count }, (_, slot) => {
    const index = first + slot;
    if (overlaps) return index >= previous.first && index <= previousLast ? previous.keys[index - previous.first]! : next++;
    return slot < previous.keys.length ? previous.keys[slot]! : next++;
  });
  return { first, keys, next };
}
