/**
 * Index arithmetic for rows hidden before main confirms they left the query. The
 * table asks for visual indexes; the page cache holds underlying ones. `positions`
 * are the underlying indexes of hidden rows, ascending.
 */

/** Rows searched either side of where a hidden row was, when it is no longer there. */
const SEARCH_SPAN = 300;
/** Beyond this a scan costs more than a frame; such rows simply stay until the refetch. */
const MAX_SCAN = 20_000;

/**
 * Where the hidden rows sit now. Each id is looked for at its hint (its index when it
 * was hidden), then in one scan around the misses. An id not found has left the cache's
 * rows (the refetch landed), so it no longer needs hiding.
 */
export function findHiddenPositions(
  idAt: (index: number) => string | undefined,
  hidden: ReadonlyMap<string, number>,
  total: number,
): number[] {
  const found = new Set<number>();
  const missed: number[] = [];
  for (const [id, hint] of hidden) {
    if (hint < total && idAt(hint) === id) found.add(hint);
    else missed.push(hint);
  }
  if (missed.length > 0) {
    const start = Math.max(0, Math.min(...missed) - SEARCH_SPAN);
    const end = Math.min(total - 1, Math.max(...missed) + SEARCH_SPAN, start + MAX_SCAN);
    for (let index = start; index <= end; index++) {
      const id = idAt(index);
      if (id !== undefined && hidden.has(id)) found.add(index);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The underlying index shown at visual index `visual`. */
export function toUnderlying(visual: number, positions: readonly number[]): number {
  let index = visual;
  for (const position of positions) {
    if (position > index) break;
    index += 1;
  }
  return index;
}

/** The visual index of an underlying one (a hidden row maps to where its successor shows). */
export function toVisual(underlying: number, positions: readonly number[]): number {
  let before = 0;
  for (const position of positions) {
    if (position >= underlying) break;
    before += 1;
  }
  return underlying - before;
}

/** Where each id sits now, looked for within `span` rows of `around`; an id not found gets `around`. */
export function indexHints(
  ids: readonly string[],
  idAt: (index: number) => string | undefined,
  around: number,
  total: number,
  span = 2000,
): Map<string, number> {
  const wanted = new Set(ids);
  const hints = new Map<string, number>();
  for (let index = Math.max(0, around - span); index < Math.min(total, around + span) && hints.size < wanted.size; index++) {
    const id = idAt(index);
    if (id !== undefined && wanted.has(id)) hints.set(id, index);
  }
  for (const id of ids) if (!hints.has(id)) hints.set(id, around);
  return hints;
}
