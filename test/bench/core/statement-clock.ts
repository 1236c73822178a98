import type { Reader, Store, Tx } from '@services/store/database';
import type { SqlQuery } from '@services/store/sql';
import type { Section } from './results-schema';

/**
 * Times every statement the product runs through a wrapped Reader, Tx or Store, grouped
 * by the statement's opening words: the "where the time goes" of a main-side figure.
 * The product code is unchanged; it is handed a wrapper that measures.
 */
export class StatementClock {
  private readonly totals = new Map<string, { count: number; ms: number; text: string }>();
  private slowest: { query: SqlQuery; ms: number } | null = null;

  async time<T>(query: SqlQuery, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - started;
      this.add(query.text, ms);
      if (!this.slowest || ms > this.slowest.ms) this.slowest = { query, ms };
    }
  }

  add(text: string, ms: number): void {
    const label = labelOf(text);
    const entry = this.totals.get(label) ?? { count: 0, ms: 0, text };
    entry.count += 1;
    entry.ms += ms;
    this.totals.set(label, entry);
  }

  /** The single slowest execution, with its values, for EXPLAIN QUERY PLAN. */
  slowestQuery(): SqlQuery | null {
    return this.slowest?.query ?? null;
  }

  /** The slowest statement groups, each with its share of the time measured. */
  top(limit = 8): { label: string; text: string; count: number; ms: number; share: number }[] {
    const all = [...this.totals.entries()].map(([label, e]) => ({ label, text: e.text, count: e.count, ms: e.ms }));
    const total = all.reduce((sum, e) => sum + e.ms, 0) || 1;
    return all
      .sort((a, b) => b.ms - a.ms)
      .slice(0, limit)
      .map((e) => ({ ...e, share: e.ms / total }));
  }

  section(title: string, limit = 8): Section {
    return {
      title,
      lines: this.top(limit).map(
        (e) => `${(e.share * 100).toFixed(0).padStart(3)}%  ${e.ms.toFixed(0).padStart(7)} ms  ×${e.count}  ${e.label}`,
      ),
    };
  }
}

export const labelOf = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 96 ? `${flat.slice(0, 95)}…` : flat;
};

export const timedReader = (reader: Reader, clock: StatementClock): Reader => ({
  all: (q) => clock.time(q, () => reader.all(q)),
  get: (q) => clock.time(q, () => reader.get(q)),
});

export const timedTx = (tx: Tx, clock: StatementClock): Tx => ({
  ...timedReader(tx, clock),
  run: (q) => clock.time(q, () => tx.run(q)),
  touch: (...tables) => tx.touch(...tables),
});

/**
 * A Store whose transactions are timed statement by statement; what the transaction
 * costs beyond its statements (BEGIN IMMEDIATE, COMMIT and its fsync) is its own line.
 */
export function timedStore(store: Store, clock: StatementClock): Store {
  return {
    ...store,
    reader: timedReader(store.reader, clock),
    writer: {
      transaction: async (work) => {
        let inside = 0;
        const started = performance.now();
        const result = await store.writer.transaction(async (tx) => {
          const began = performance.now();
          try {
            return await work(timedTx(tx, clock));
          } finally {
            inside = performance.now() - began;
          }
        });
        clock.add('BEGIN IMMEDIATE … COMMIT (transaction overhead, fsync)', performance.now() - started - inside);
        return result;
      },
    },
  };
}
