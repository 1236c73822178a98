import { describe, expect, it } from 'vitest';
import type { RowWindow } from '@shared/table/window';
import { RowWindowCache } from './row-window-cache';

interface Row {
  readonly id: string;
}

interface Call {
  readonly offset: number;
  readonly limit: number;
  resolve(window: RowWindow<Row>): void;
  reject(error: Error): void;
}

/** A backend whose answers the test releases one by one, in any order. */
function backend() {
  const calls: Call[] = [];
  const fetchWindow = (request: { offset: number; limit: number }) =>
    new Promise<RowWindow<Row>>((resolve, reject) => calls.push({ ...request, resolve, reject }));
  const answer = (call: Call, total: number, tag = 'r') => {
    const count = Math.max(0, Math.min(call.limit, total - call.offset));
    const rows = Array.from({ length: count }, (_, i) => ({ id: `${tag}${call.offset + i}` }));
    call.resolve({ rows, total, offset: call.offset });
  };
  return { calls, fetchWindow, answer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { pageSize?: number; maxPages?: number; maxConcurrent?: number } = {}) {
  const server = backend();
  const cache = new RowWindowCache<Row>({
    fetchWindow: server.fetchWindow,
    queryKey: 'q1',
    pageSize: options.pageSize ?? 10,
    maxPages: options.maxPages,
    maxConcurrent: options.maxConcurrent,
  });
  return { server, cache };
}

const offsets = (calls: readonly Call[]) => calls.map((call) => call.offset);
const sortedOffsets = (calls: readonly Call[]) => offsets(calls).sort((a, b) => a - b);

describe('fetching windows', () => {
  it('fetches the pages covering the range and serves their rows', async () => {
    const { server, cache } = setup();
    cache.ensureRange(5, 24);
    await settle();
    expect(sortedOffsets(server.calls)).toEqual([0, 10, 20]);
    expect(cache.getSnapshot().loading).toBe(true);
    for (const call of server.calls) server.answer(call, 1000);
    await settle();
    expect(cache.getRow(5)).toEqual({ id: 'r5' });
    expect(cache.getRow(24)).toEqual({ id: 'r24' });
    expect(cache.getRow(30)).toBeUndefined();
    expect(cache.getSnapshot()).toMatchObject({ total: 1000, totalKnown: true, loading: false, error: null });
  });

  it('asks for the first page before the total is known, even for an empty view', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, -1);
    await settle();
    expect(offsets(server.calls)).toEqual([0]);
  });

  it('dedupes concurrent requests for the same page', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    cache.ensureRange(0, 9);
    const loaded = cache.loadRange(2, 4);
    await settle();
    expect(offsets(server.calls)).toEqual([0]);
    server.answer(server.calls[0]!, 100);
    expect((await loaded)?.map((row) => row.id)).toEqual(['r2', 'r3', 'r4']);
  });

  it('keeps at most maxConcurrent requests and forgets queued pages that left the view', async () => {
    const { server, cache } = setup({ maxConcurrent: 2 });
    cache.ensureRange(0, -1);
    await settle();
    server.answer(server.calls[0]!, 10_000);
    await settle();
    cache.ensureRange(100, 199);
    await settle();
    // Nearest the middle of the view first.
    expect(offsets(server.calls.slice(1))).toEqual([140, 150]);
    cache.ensureRange(500, 509);
    for (const call of server.calls.slice(1)) server.answer(call, 10_000);
    await settle();
    expect(offsets(server.calls.slice(1))).toEqual([140, 150, 500]);
  });

  it('notifies subscribers when rows arrive', async () => {
    const { server, cache } = setup();
    let notified = 0;
    const unsubscribe = cache.subscribe(() => (notified += 1));
    cache.ensureRange(0, 9);
    await settle();
    const before = notified;
    server.answer(server.calls[0]!, 50);
    await settle();
    expect(notified).toBeGreaterThan(before);
    unsubscribe();
  });

  it('does not notify for rows of a page the view has left', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.answer(server.calls[0]!, 1000);
    await settle();
    cache.ensureRange(100, 109);
    await settle();
    cache.ensureRange(500, 509);
    await settle();
    let notified = 0;
    const unsubscribe = cache.subscribe(() => (notified += 1));
    server.answer(server.calls.find((call) => call.offset === 100)!, 1000);
    await settle();
    expect(notified).toBe(0);
    expect(cache.getRow(100)).toEqual({ id: 'r100' });
    server.answer(server.calls.find((call) => call.offset === 500)!, 1000);
    await settle();
    expect(notified).toBeGreaterThan(0);
    expect(cache.getRow(505)).toEqual({ id: 'r505' });
    unsubscribe();
  });
});

describe('query changes', () => {
  it('drops answers for the previous query', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    const oldCall = server.calls[0]!;
    cache.setQuery('q2');
    cache.ensureRange(0, 9);
    await settle();
    server.answer(oldCall, 999, 'old');
    await settle();
    expect(cache.getRow(0)).toBeUndefined();
    expect(cache.getSnapshot()).toMatchObject({ queryKey: 'q2', totalKnown: false });
    server.answer(server.calls[1]!, 3, 'new');
    await settle();
    expect(cache.getRow(0)).toEqual({ id: 'new0' });
    expect(cache.getSnapshot().total).toBe(3);
  });

  it('keeps the old total on screen until the new query answers, then takes the new one even if smaller', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.answer(server.calls[0]!, 5000);
    await settle();
    cache.setQuery('q2');
    expect(cache.getSnapshot()).toMatchObject({ total: 5000, totalKnown: false });
    expect(cache.getRow(3)).toBeUndefined();
    cache.ensureRange(0, 9);
    await settle();
    server.answer(server.calls[1]!, 7);
    await settle();
    expect(cache.getSnapshot()).toMatchObject({ total: 7, totalKnown: true });
  });

  it('makes loadRange give up when the query changes under it', async () => {
    const { server, cache } = setup();
    const loaded = cache.loadRange(0, 25);
    await settle();
    cache.setQuery('q2');
    for (const call of server.calls.slice()) server.answer(call, 100);
    expect(await loaded).toBeNull();
  });

  it('setting the same key again changes nothing', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.answer(server.calls[0]!, 100);
    await settle();
    cache.setQuery('q1');
    expect(cache.getRow(0)).toEqual({ id: 'r0' });
  });
});

describe('refresh', () => {
  async function loaded() {
    const context = setup();
    context.cache.ensureRange(0, 19);
    await settle();
    for (const call of context.server.calls) context.server.answer(call, 100, 'v1-');
    await settle();
    return context;
  }

  it('refetches the visible pages while the old rows stay on screen', async () => {
    const { server, cache } = await loaded();
    cache.refresh();
    await settle();
    expect(offsets(server.calls.slice(2))).toEqual([0, 10]);
    expect(cache.getRow(0)).toEqual({ id: 'v1-0' });
    for (const call of server.calls.slice(2)) server.answer(call, 100, 'v2-');
    await settle();
    expect(cache.getRow(0)).toEqual({ id: 'v2-0' });
    expect(cache.getRow(15)).toEqual({ id: 'v2-15' });
  });

  it('refetches stale pages that scroll into view later, not before', async () => {
    const { server, cache } = await loaded();
    cache.ensureRange(0, 9);
    cache.refresh();
    await settle();
    expect(offsets(server.calls.slice(2))).toEqual([0]);
    cache.ensureRange(10, 19);
    await settle();
    expect(offsets(server.calls.slice(2))).toEqual([0, 10]);
    expect(cache.getRow(12)).toEqual({ id: 'v1-12' });
  });

  it('does not let an answer requested before the refresh overwrite a newer one', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    const before = server.calls[0]!;
    cache.refresh();
    await settle();
    const after = server.calls[1]!;
    server.answer(after, 100, 'new');
    await settle();
    server.answer(before, 120, 'old');
    await settle();
    expect(cache.getRow(0)).toEqual({ id: 'new0' });
    expect(cache.getSnapshot().total).toBe(100);
  });

  it('re-reads the first page of an empty result, so new rows appear', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, -1);
    await settle();
    server.answer(server.calls[0]!, 0);
    await settle();
    expect(cache.getSnapshot()).toMatchObject({ total: 0, totalKnown: true });
    cache.ensureRange(0, -1);
    await settle();
    expect(server.calls).toHaveLength(1);
    cache.refresh();
    await settle();
    expect(offsets(server.calls)).toEqual([0, 0]);
    server.answer(server.calls[1]!, 2);
    await settle();
    expect(cache.getSnapshot().total).toBe(2);
    expect(cache.getRow(1)).toEqual({ id: 'r1' });
  });

  it('drops rows past a total that shrank', async () => {
    const { server, cache } = await loaded();
    cache.ensureRange(0, 9);
    cache.refresh();
    await settle();
    server.answer(server.calls[2]!, 4);
    await settle();
    expect(cache.getRow(3)).toEqual({ id: 'r3' });
    expect(cache.getRow(4)).toBeUndefined();
    expect(cache.getRow(15)).toBeUndefined();
  });
});

describe('eviction', () => {
  it('keeps at most maxPages, evicting the pages farthest from the view', async () => {
    const { server, cache } = setup({ maxPages: 3 });
    for (const start of [0, 10, 20, 30]) {
      cache.ensureRange(start, start + 9);
      await settle();
      server.answer(server.calls.at(-1)!, 1000);
      await settle();
    }
    expect(cache.getRow(0)).toBeUndefined();
    expect([10, 20, 30].map((index) => cache.getRow(index)?.id)).toEqual(['r10', 'r20', 'r30']);
  });

  it('never evicts a page that is on screen', async () => {
    const { server, cache } = setup({ maxPages: 1, maxConcurrent: 10 });
    cache.ensureRange(0, 29);
    await settle();
    for (const call of server.calls) server.answer(call, 1000);
    await settle();
    expect([0, 10, 20].map((index) => cache.getRow(index)?.id)).toEqual(['r0', 'r10', 'r20']);
  });
});

describe('errors', () => {
  it('reports a failed page and does not retry it on every scroll', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.calls[0]!.reject(new Error('database is locked'));
    await settle();
    expect(cache.getSnapshot().error?.message).toBe('database is locked');
    cache.ensureRange(0, 9);
    await settle();
    expect(server.calls).toHaveLength(1);
  });

  it('retries after a refresh and clears the error on success', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.calls[0]!.reject(new Error('boom'));
    await settle();
    cache.refresh();
    await settle();
    expect(server.calls).toHaveLength(2);
    server.answer(server.calls[1]!, 10);
    await settle();
    expect(cache.getSnapshot().error).toBeNull();
    expect(cache.getRow(9)).toEqual({ id: 'r9' });
  });

  it('makes loadRange return null rather than a partial range', async () => {
    const { server, cache } = setup();
    const loaded = cache.loadRange(0, 15);
    await settle();
    server.answer(server.calls[0]!, 100);
    server.calls[1]!.reject(new Error('boom'));
    expect(await loaded).toBeNull();
  });

  it('turns a synchronous throw in the fetcher into an error, not a crash', async () => {
    const cache = new RowWindowCache<Row>({
      fetchWindow: () => {
        throw new Error('not connected');
      },
      queryKey: 'q',
      pageSize: 10,
    });
    cache.ensureRange(0, 9);
    await settle();
    expect(cache.getSnapshot().error?.message).toBe('not connected');
    expect(cache.getSnapshot().loading).toBe(false);
  });
});

describe('loadRange', () => {
  it('combines cached and fetched pages into exactly the requested rows', async () => {
    const { server, cache } = setup();
    cache.ensureRange(0, 9);
    await settle();
    server.answer(server.calls[0]!, 1000);
    await settle();
    const loaded = cache.loadRange(7, 23);
    await settle();
    expect(offsets(server.calls)).toEqual([0, 10, 20]);
    for (const call of server.calls.slice(1)) server.answer(call, 1000);
    const rows = await loaded;
    expect(rows?.map((row) => row.id)).toEqual(Array.from({ length: 17 }, (_, i) => `r${7 + i}`));
  });
});
