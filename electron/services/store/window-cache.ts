import type { SqlValue } from './sql';

/** The sort keys of the row at `offset` in one (query, data version). */
export interface Anchor {
  readonly offset: number;
  readonly keys: readonly SqlValue[];
}

type NextAnchor = (from: Anchor | null) => Promise<SqlValue[] | null>;

/**
 * Per query and data version: the total count and a ladder of anchors every `step`
 * rows, built lazily as deep windows are asked for. With them a window 900,000 rows
 * deep walks at most `step` index entries instead of 900,000. Any commit to the
 * query's tables changes the version and so starts a fresh entry.
 */
export class WindowCacheEntry {
  private totalPromise: Promise<number> | null = null;
  private readonly anchors: Anchor[] = [];
  private exhausted = false;
  private building: Promise<void> = Promise.resolve();

  constructor(readonly version: string) {}

  total(count: () => Promise<number>): Promise<number> {
    this.totalPromise ??= count().catch((error: unknown) => {
      this.totalPromise = null;
      throw error;
    });
    return this.totalPromise;
  }

  /** The last anchor strictly before `offset`, extending the ladder as needed. */
  async anchorBefore(offset: number, step: number, next: NextAnchor): Promise<Anchor | null> {
    const extend = async () => {
      while (!this.exhausted) {
        const last = this.anchors.at(-1) ?? null;
        const nextOffset = last ? last.offset + step : step - 1;
        if (nextOffset >= offset) break;
        const keys = await next(last);
        if (!keys) this.exhausted = true;
        else this.anchors.push({ offset: nextOffset, keys });
      }
    };
    // Serialised so two windows never build the same rung twice.
    this.building = this.building.then(extend, extend);
    await this.building;
    let found: Anchor | null = null;
    for (const anchor of this.anchors) {
      if (anchor.offset >= offset) break;
      found = anchor;
    }
    return found;
  }
}

export class WindowCache {
  private readonly entries = new Map<string, WindowCacheEntry>();

  constructor(private readonly capacity = 32) {}

  entry(key: string, version: string): WindowCacheEntry {
    const existing = this.entries.get(key);
    this.entries.delete(key);
    const entry = existing && existing.version === version ? existing : new WindowCacheEntry(version);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}
