import { commitPage } from '@services/store/repositories/cursors';
import { ingestJoinRequests } from '@services/store/repositories/join-requests-ingest';
import { pagesOf, type Backlog } from '../data/backlog';
import { openBacklogStore } from '../data/fresh-store';
import { timedStore, type StatementClock } from '../core/statement-clock';

/** The sync engine's page size: each page is one transaction with its cursor. */
export const PULL_PAGE_SIZE = 1_000;

/**
 * Ingests the backlog into a fresh database exactly as a pull writes it: page by page,
 * each page's items and cursor in one replayable transaction (`ingestJoinRequests` + `commitPage`).
 * Only the transactions are timed; building the items stands in for the network.
 */
export interface IngestRun {
  readonly ms: number;
  /** Milliseconds per tenth of the backlog, in order: how the rate holds up as the table grows. */
  readonly tenths: number[];
}

export async function ingestThroughProduct(file: string, b: Backlog, clock: StatementClock): Promise<IngestRun> {
  const store = await openBacklogStore(file, b);
  const timed = timedStore(store, clock);
  const tenth = Math.max(1, Math.ceil(b.rows / 10));
  const tenths: number[] = [];
  let ms = 0;
  let sent = 0;
  try {
    for (const page of pagesOf(b, PULL_PAGE_SIZE)) {
      sent += page.length;
      const now = Date.now();
      const started = performance.now();
      await timed.writer.transaction(async (tx) => {
        await ingestJoinRequests(tx, b.connectionId, page, now);
        await commitPage(tx, {
          connectionId: b.connectionId,
          stream: 'join-requests',
          cursor: String(sent),
          items: page.length,
          complete: sent >= b.rows,
          now,
          lastError: null,
        });
      }, { durability: 'replayable' });
      const spent = performance.now() - started;
      ms += spent;
      const slot = Math.min(9, Math.floor((sent - 1) / tenth));
      tenths[slot] = (tenths[slot] ?? 0) + spent;
    }
  } finally {
    await store.close();
  }
  return { ms, tenths };
}
