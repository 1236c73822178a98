import { isConnectorFailure, type CancelSignal } from '@shared/connectors';
import { z } from 'zod';
import type { DiscourseApi } from './api';
import { REVIEWABLE_PENDING, dsReviewList, dsReviewOne, type DsReviewable, type DsSideLoads } from './wire';

/**
 * One pass over the pending review queue, then a look at what left it.
 *
 * `/review.json` is offset-paged with a fixed page size (10, no `limit`) and
 * `meta.load_more_reviewables` naming the next offset. Offsets over a queue that
 * changes meanwhile can skip an item for one pass (one ahead was decided); the next
 * pass sees it, and items are deduped by id, so a pass is at-least-once over time.
 * A pending list does not say what was decided elsewhere, so the sweep keeps the ids
 * it saw pending (`seen`), and after the list reads each id pending last time and
 * missing now (`todo`, one `/review/{id}.json` per page, at most MAX_SETTLE) to
 * deliver its final state. State lives in the cursor; the connector keeps none.
 */
export const sweepState = z.object({
  /** Offset of the next list page; -1 once the list is done and `todo` is being read. */
  o: z.number().int().min(-1),
  seen: z.array(z.number().int()),
  prev: z.array(z.number().int()),
  todo: z.array(z.number().int()),
});
export type SweepState = z.output<typeof sweepState>;

export const FRESH_SWEEP: SweepState = { o: 0, seen: [], prev: [], todo: [] };
/** Bounds the cursor and the lookups per pass; more vanished items are seen when decided here. */
export const MAX_SETTLE = 50;
const MAX_REMEMBERED = 5_000;

export interface SweepStep {
  readonly reviewables: readonly DsReviewable[];
  readonly side: DsSideLoads;
  readonly state: SweepState;
  /** The pass is over; `state` is the start of the next one. */
  readonly done: boolean;
}

const EMPTY_SIDE: DsSideLoads = { users: [], bundled_actions: [], actions: [], reviewable_scores: [] };

function nextOffset(loadMore: string | null | undefined): number | null {
  if (!loadMore) return null;
  const offset = Number(new URL(loadMore, 'http://x/').searchParams.get('offset'));
  return Number.isSafeInteger(offset) && offset > 0 ? offset : null;
}

export async function sweepStep(api: DiscourseApi, state: SweepState, type: string | null, signal: CancelSignal | undefined): Promise<SweepStep> {
  const on = signal ? { signal } : {};
  if (state.o >= 0) {
    const query = { status: 'pending', offset: state.o, ...(type ? { type } : {}) };
    const page = await api.read({ method: 'GET', path: 'review.json', query, ...on }, dsReviewList, { notFound: 'report' });
    const seen = [...state.seen, ...page.reviewables.filter((r) => r.status === REVIEWABLE_PENDING).map((r) => r.id)].slice(0, MAX_REMEMBERED);
    const next = nextOffset(page.meta.load_more_reviewables);
    if (next !== null) return { reviewables: page.reviewables, side: page, state: { ...state, o: next, seen }, done: false };
    const still = new Set(seen);
    const todo = state.prev.filter((id) => !still.has(id)).slice(0, MAX_SETTLE);
    return finish({ reviewables: page.reviewables, side: page, state: { o: -1, seen, prev: state.prev, todo } });
  }
  const [id, ...rest] = state.todo;
  const found = id === undefined ? null : await readOne(api, id, on);
  return finish({ reviewables: found ? [found.reviewable] : [], side: found ?? EMPTY_SIDE, state: { ...state, todo: rest } });
}

function finish(step: Omit<SweepStep, 'done'>): SweepStep {
  if (step.state.todo.length > 0) return { ...step, done: false };
  return { ...step, state: { o: 0, seen: [], prev: step.state.seen, todo: [] }, done: true };
}

/** A reviewable that left the queue; gone entirely (404) leaves nothing to report. */
async function readOne(api: DiscourseApi, id: number, on: { signal?: CancelSignal }) {
  try {
    return await api.read({ method: 'GET', path: `review/${id}.json`, ...on }, dsReviewOne, { notFound: 'report' });
  } catch (error) {
    if (isConnectorFailure(error) && error.error.class === 'not-found') return null;
    throw error;
  }
}
