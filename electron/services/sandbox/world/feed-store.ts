import { ChangeLog } from './change-log';
import { decodeCursor, encodeCursor, pageFeed, type CursorReading } from './feed-cursor';
import type { HandledByRecord } from './model';

/** The fields of an item that can change after it is generated. */
export interface Changeable {
  readonly id: string;
  readonly status: string;
  readonly version: number;
  readonly handledBy: HandledByRecord | null;
}

export interface FeedPageOf<R> {
  readonly items: readonly R[];
  readonly next: string;
  readonly complete: boolean;
  readonly total: number;
}

/**
 * One feed of the world (join requests or reports). The backlog is never stored:
 * items are generated from their index on demand. Only what happened since is
 * kept: when each added item appeared, and each item's changed fields.
 */
export class FeedStore<R extends Changeable> {
  readonly log = new ChangeLog();
  private readonly addedAt: number[] = [];
  private readonly changes = new Map<number, Partial<R>>();
  private openItems: number;

  constructor(
    private readonly world: { readonly id: string; nextSeq(): number; readonly seq: number },
    private readonly backlog: number,
    private readonly backlogTime: (index: number) => number,
    private readonly generate: (index: number, createdAt: number) => R,
    private readonly isOpen: (item: R) => boolean,
  ) {
    this.openItems = backlog;
  }

  get size(): number {
    return this.backlog + this.addedAt.length;
  }

  get openCount(): number {
    return this.openItems;
  }

  get changedCount(): number {
    return this.changes.size;
  }

  has(index: number): boolean {
    return Number.isSafeInteger(index) && index >= 0 && index < this.size;
  }

  createdAt(index: number): number {
    return index < this.backlog ? this.backlogTime(index) : (this.addedAt[index - this.backlog] ?? 0);
  }

  get(index: number): R {
    const item = this.generate(index, this.createdAt(index));
    const change = this.changes.get(index);
    return change ? { ...item, ...change } : item;
  }

  /** A new item appears now; the next catch-up pull returns it. */
  add(at: number): number {
    const index = this.size;
    this.addedAt.push(at);
    this.openItems++;
    this.log.record(index, this.world.nextSeq());
    return index;
  }

  /** Changes an item, bumps its version and queues it for catch-up pulls. */
  update(index: number, patch: Partial<Omit<R, 'id' | 'version'>>): R {
    const before = this.get(index);
    const change = { ...this.changes.get(index), ...patch, version: before.version + 1 } as Partial<R>;
    this.changes.set(index, change);
    const after = this.get(index);
    this.openItems += Number(this.isOpen(after)) - Number(this.isOpen(before));
    this.log.record(index, this.world.nextSeq());
    return after;
  }

  page(cursor: string | null, limit: number): FeedPageOf<R> | Extract<CursorReading, { ok: false }> {
    const feed = { size: this.size, log: this.log, seq: this.world.seq };
    const reading = decodeCursor(this.world.id, feed, cursor);
    if (!reading.ok) return reading;
    const page = pageFeed(feed, reading.position, limit);
    return {
      items: page.indices.map((index) => this.get(index)),
      next: encodeCursor(this.world.id, page.next),
      complete: page.complete,
      total: page.total,
    };
  }
}
