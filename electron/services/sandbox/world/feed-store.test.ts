import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './feed-cursor';
import { FeedStore, type Changeable } from './feed-store';

interface Item extends Changeable {
  readonly index: number;
}

function feedOf(backlog: number) {
  const world = {
    id: 'w1',
    seq: 0,
    nextSeq() {
      return ++this.seq;
    },
  };
  const store = new FeedStore<Item>(
    world,
    backlog,
    () => 0,
    (index) => ({ id: `i${index}`, index, status: 'open', version: 1, handledBy: null }),
    (item) => item.status === 'open',
  );
  return { world, store };
}

type Op = { kind: 'page'; limit: number } | { kind: 'change'; pick: number } | { kind: 'add' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 40 }).map((limit) => ({ kind: 'page' as const, limit })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'change' as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'add' as const }) },
);

/**
 * Runs `ops` as a client that keeps polling (a page after completion continues from
 * the committed cursor), then pages until caught up. Returns the last version seen
 * per item and the final cursor.
 */
function pullThrough(store: FeedStore<Item>, ops: readonly Op[], from: string | null) {
  const seen = new Map<number, number>();
  let cursor = from;
  let complete = false;
  const page = (limit: number) => {
    const result = store.page(cursor, limit);
    if ('reason' in result) throw new Error(result.reason);
    for (const item of result.items) seen.set(item.index, item.version);
    cursor = result.next;
    complete = result.complete;
  };
  for (const step of ops) {
    if (step.kind === 'page') page(step.limit);
    if (step.kind === 'change' && store.size > 0) store.update(step.pick % store.size, { status: step.pick % 3 === 0 ? 'closed' : 'open' });
    if (step.kind === 'add') store.add(0);
  }
  do page(25);
  while (!complete);
  return { seen, cursor };
}

describe('feed paging', () => {
  it('never skips an item and ends with every item in its current version, whatever happens mid-pull', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.array(op, { maxLength: 60 }), (backlog, ops) => {
        const { store } = feedOf(backlog);
        const { seen, cursor } = pullThrough(store, ops, null);
        for (let i = 0; i < store.size; i++) expect(seen.get(i)).toBe(store.get(i).version);
        const again = store.page(cursor, 1000);
        expect('items' in again && again.items).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('from a committed cursor, returns exactly what changed since, once each', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.array(op, { maxLength: 40 }), (backlog, later) => {
        const { store } = feedOf(backlog);
        const first = pullThrough(store, [], null);
        const before = new Map(Array.from({ length: store.size }, (_, i) => [i, store.get(i).version]));
        const changes = later.filter((step) => step.kind !== 'page');
        const { seen } = pullThrough(store, changes, first.cursor);
        const expected = Array.from({ length: store.size }, (_, i) => i).filter((i) => before.get(i) !== store.get(i).version);
        expect([...seen.keys()].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reports an expected total and refuses cursors it did not make', () => {
    const { store } = feedOf(10);
    store.update(3, { status: 'closed' });
    const page = store.page(null, 4);
    expect('total' in page && page.total).toBe(10);
    expect(store.page('not-a-cursor', 5)).toEqual({ ok: false, reason: 'malformed' });
    const foreign = encodeCursor('other-world', { phase: 'backlog', next: 0, end: 10, since: 0 });
    expect(store.page(foreign, 5)).toEqual({ ok: false, reason: 'expired' });
    const beyond = encodeCursor('w1', { phase: 'backlog', next: 0, end: 11, since: 0 });
    expect(decodeCursor('w1', { size: 10, log: store.log, seq: 1 }, beyond)).toEqual({ ok: false, reason: 'malformed' });
  });
});
