/**
 * Focus follows a row, not an index: rows arrive and leave a live queue, so the view
 * keeps the focused row's id with its last index and re-finds it. Not found (it left
 * the query), focus stays at the index, where the next row has slid in.
 */
export interface FocusAnchor {
  readonly id: string | null;
  readonly index: number;
}

/** How far from its last index a row is looked for; past that the index wins. */
const SEARCH_SPAN = 500;

export function locateFocus(anchor: FocusAnchor, idAt: (index: number) => string | undefined, total: number): number {
  const hint = total === 0 ? 0 : Math.min(Math.max(anchor.index, 0), total - 1);
  if (anchor.id === null || idAt(hint) === anchor.id) return hint;
  for (let distance = 1; distance <= SEARCH_SPAN; distance++) {
    if (hint - distance >= 0 && idAt(hint - distance) === anchor.id) return hint - distance;
    if (hint + distance < total && idAt(hint + distance) === anchor.id) return hint + distance;
  }
  return hint;
}

/**
 * Where focus goes after deciding `decided`: the first row from `from` on that was not
 * decided. When decided rows are hidden, that row slides into the focused index.
 */
export function nextUndecided(from: number, decided: ReadonlySet<string>, idAt: (index: number) => string | undefined, total: number) {
  for (let index = from; index < total; index++) {
    const id = idAt(index);
    if (id === undefined || !decided.has(id)) return { id: id ?? null, index };
  }
  return { id: null, index: from };
}

export interface DecisionFocusInput {
  /** Rows decided by id; empty when main finds them (an author's, a cluster's). */
  readonly decided: readonly string[];
  /** A decision on every row of the query but these ("all" selected). */
  readonly everyRowOfQuery: boolean;
  /** The decided rows leave the table at once (hidden before the refetch). */
  readonly hidden: boolean;
  readonly focusedIndex: number;
  readonly idAt: (index: number) => string | undefined;
  readonly total: number;
}

/**
 * Where focus goes in the same event a decision is made, so the next row is focused in the
 * frame the decided one leaves: the top after "all matching"; else the next undecided row,
 * kept at the focused index when the decided rows are hidden (it slides into it). Null: stay.
 */
export function focusAfterDecision(input: DecisionFocusInput): FocusAnchor | null {
  if (input.everyRowOfQuery) return { id: null, index: 0 };
  if (input.decided.length === 0) return null;
  const next = nextUndecided(input.focusedIndex, new Set(input.decided), input.idAt, input.total);
  return input.hidden ? { id: next.id, index: input.focusedIndex } : next;
}
