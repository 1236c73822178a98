import type { RowWindow } from '@shared/table/window';

export type FetchWindow<Row> = (request: { offset: number; limit: number }) => Promise<RowWindow<Row>>;

export interface RowWindowSnapshot {
  readonly queryKey: string;
  readonly total: number;
  readonly totalKnown: boolean;
  readonly loading: boolean;
  readonly error: Error | null;
  /** Bumps on every change, so React can tell snapshots apart cheaply. */
  readonly version: number;
}

type SnapshotChange = Partial<Omit<RowWindowSnapshot, 'version' | 'loading'>>;

interface Page<Row> {
  readonly rows: readonly Row[];
  /** Refresh epoch the rows were requested in; older than the current one means stale. */
  readonly epoch: number;
}

interface InFlight<Row> {
  readonly epoch: number;
  readonly promise: Promise<readonly Row[] | null>;
}

export interface RowWindowCacheOptions<Row> {
  readonly fetchWindow: FetchWindow<Row>;
  readonly queryKey: string;
  readonly pageSize: number;
  readonly maxPages?: number;
  readonly maxConcurrent?: number;
}

/**
 * Pages of rows for one query at a time, fetched on demand.
 *
 * - `generation` changes with the query: answers for an older one are dropped.
 * - `epoch` changes with each refresh: pages fetched before it are stale and
 *   refetched while still shown.
 * - Only pages of the latest view wait in the queue, so a fast fling through a
 *   million rows does not leave a trail of requests nobody will look at.
 */
export class RowWindowCache<Row> {
  private fetchWindow: FetchWindow<Row>;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly maxConcurrent: number;

  private pages = new Map<number, Page<Row>>();
  private inFlight = new Map<number, InFlight<Row>>();
  private failed = new Set<number>();
  private queue: number[] = [];
  private view = { start: 0, end: -1 };
  private generation = 0;
  private epoch = 0;
  private requestSeq = 0;
  private totalSeq = 0;
  private listeners = new Set<() => void>();
  private snapshot: RowWindowSnapshot;

  constructor(options: RowWindowCacheOptions<Row>) {
    this.fetchWindow = options.fetchWindow;
    this.pageSize = Math.max(1, Math.floor(options.pageSize));
    this.maxPages = Math.max(1, options.maxPages ?? 50);
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
    this.snapshot = { queryKey: options.queryKey, total: 0, totalKnown: false, loading: false, error: null, version: 0 };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RowWindowSnapshot => this.snapshot;

  /** The caller binds sort, filters and search into the fetcher; it may change every render. */
  setFetcher(fetchWindow: FetchWindow<Row>): void {
    this.fetchWindow = fetchWindow;
  }

  /** A new query: forget every row. `total` keeps its old value until the first answer, so the body does not collapse. */
  setQuery(queryKey: string): void {
    if (queryKey === this.snapshot.queryKey) return;
    this.generation += 1;
    this.pages.clear();
    this.inFlight.clear();
    this.failed.clear();
    this.queue = [];
    this.view = { start: 0, end: -1 };
    this.publish({ queryKey, totalKnown: false, error: null });
    this.schedule();
  }

  /** The data changed under the same query: refetch what is on screen, keep showing the old rows meanwhile. */
  refresh(): void {
    // Pages are not dropped: they stay on screen, marked stale by the epoch, until their refetch lands.
    this.epoch += 1;
    this.failed.clear();
    this.publish({ error: null });
    this.schedule();
  }

  readonly getRow = (index: number): Row | undefined => {
    if (index < 0 || (this.snapshot.totalKnown && index >= this.snapshot.total)) return undefined;
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.rows[index % this.pageSize];
  };

  readonly ensureRange = (start: number, end: number): void => {
    this.view = { start: Math.max(0, Math.floor(start)), end: Math.floor(end) };
    this.schedule();
  };

  /**
   * Rows start..end inclusive, from cache or fetched, for work that needs ids
   * of rows not on screen (a shift-range). Null if the query changed meanwhile
   * or a page failed: a partial range would select the wrong rows.
   */
  readonly loadRange = async (start: number, end: number): Promise<readonly Row[] | null> => {
    const generation = this.generation;
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(0, end) / this.pageSize);
    const rows: Row[] = [];
    for (let page = first; page <= last; page += this.maxConcurrent) {
      const batch = [];
      for (let p = page; p <= Math.min(last, page + this.maxConcurrent - 1); p++) batch.push(this.pageRows(p));
      const results = await Promise.all(batch);
      if (generation !== this.generation) return null;
      for (const result of results) {
        if (result === null) return null;
        rows.push(...result);
      }
    }
    const offset = first * this.pageSize;
    return rows.slice(Math.max(0, start) - offset, end - offset + 1);
  };

  private pageRows(page: number): Promise<readonly Row[] | null> {
    const cached = this.pages.get(page);
    return cached ? Promise.resolve(cached.rows) : this.fetchPage(page);
  }

  private viewPages(): number[] {
    const lastIndex = this.snapshot.totalKnown ? Math.min(this.view.end, this.snapshot.total - 1) : this.view.end;
    const first = Math.floor(this.view.start / this.pageSize);
    const last = Math.floor(lastIndex / this.pageSize);
    // Until the total is known, or when the query is empty, page 0 is what tells us the total.
    if (last < first || !this.snapshot.totalKnown) return last < first ? [0] : unique([0, ...range(first, last)]);
    return range(first, last);
  }

  private needsFetch(page: number): boolean {
    if (this.failed.has(page)) return false;
    const current = this.inFlight.get(page);
    if (current && current.epoch === this.epoch) return false;
    const cached = this.pages.get(page);
    return cached === undefined || cached.epoch < this.epoch;
  }

  private schedule(): void {
    const pages = this.viewPages();
    const center = (pages[0]! + pages[pages.length - 1]!) / 2;
    this.queue = pages.filter((page) => this.needsFetch(page)).sort((a, b) => Math.abs(a - center) - Math.abs(b - center));
    this.pump();
    this.publish({});
  }

  private pump(): void {
    while (this.inFlight.size < this.maxConcurrent && this.queue.length > 0) {
      const page = this.queue.shift()!;
      if (this.needsFetch(page)) void this.fetchPage(page);
    }
  }

  private fetchPage(page: number): Promise<readonly Row[] | null> {
    const existing = this.inFlight.get(page);
    if (existing && existing.epoch === this.epoch) return existing.promise;
    const generation = this.generation;
    const epoch = this.epoch;
    const seq = ++this.requestSeq;
    const request = { offset: page * this.pageSize, limit: this.pageSize };
    const promise: Promise<readonly Row[] | null> = Promise.resolve()
      .then(() => this.fetchWindow(request))
      .then(
        (window) => {
          const rows = window.rows.slice(0, this.pageSize);
          const current = this.settle(page, promise, generation, () => this.accept(page, rows, window.total, epoch, seq));
          return current ? rows : null;
        },
        (error: unknown) => {
          this.settle(page, promise, generation, () => this.fail(page, error));
          return null;
        },
      );
    this.inFlight.set(page, { epoch, promise });
    return promise;
  }

  /** Applies an answer unless it belongs to an older query; false when it was dropped. */
  private settle(page: number, promise: Promise<unknown>, generation: number, apply: () => SnapshotChange): boolean {
    if (generation !== this.generation) return false;
    if (this.inFlight.get(page)?.promise === promise) this.inFlight.delete(page);
    const change = apply();
    this.pump();
    // Rows of a page the view has left are kept for later but change nothing on screen; during a fling most
    // answers are such pages, and each would otherwise re-render the table.
    this.publish(change, this.viewPages().includes(page));
    return true;
  }

  private accept(page: number, rows: readonly Row[], total: number, epoch: number, seq: number): SnapshotChange {
    const current = this.pages.get(page);
    // An answer requested before a refresh must not overwrite one requested after it.
    if (!current || current.epoch <= epoch) this.pages.set(page, { rows, epoch });
    this.failed.delete(page);
    const change: { -readonly [K in keyof SnapshotChange]: SnapshotChange[K] } = {};
    // Answers can land out of order; the total from the newest request wins.
    if (seq > this.totalSeq) {
      this.totalSeq = seq;
      change.total = Math.max(0, total);
      change.totalKnown = true;
      this.dropPagesPast(change.total);
    }
    if (this.failed.size === 0) change.error = null;
    this.evict();
    return change;
  }

  private fail(page: number, error: unknown): SnapshotChange {
    // A failed page is not retried until refresh() or a new query, or a broken backend would be hammered on every scroll.
    this.failed.add(page);
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private dropPagesPast(total: number): void {
    for (const page of this.pages.keys()) {
      // Page 0 stays even when empty: it is the answer "no rows", and dropping it would refetch forever.
      if (page > 0 && page * this.pageSize >= total) this.pages.delete(page);
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const protectedPages = new Set(this.viewPages());
    const center = (this.view.start + Math.max(this.view.start, this.view.end)) / 2 / this.pageSize;
    const candidates = [...this.pages.keys()]
      .filter((page) => !protectedPages.has(page))
      .sort((a, b) => Math.abs(b - center) - Math.abs(a - center));
    for (const page of candidates) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(page);
    }
  }

  /** `rowsChanged` forces a new snapshot: row data is not part of it, but rows on screen may have changed. */
  private publish(change: SnapshotChange, rowsChanged = false): void {
    const next = { ...this.snapshot, ...change, loading: this.inFlight.size > 0 || this.queue.length > 0 };
    const changed = (Object.keys(next) as (keyof RowWindowSnapshot)[]).some((key) => next[key] !== this.snapshot[key]);
    if (!changed && !rowsChanged) return;
    this.snapshot = { ...next, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
