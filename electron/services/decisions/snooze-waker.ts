import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import { sql } from '../store/sql';

export const SNOOZE_CHECK_MS = 30_000;

/** Snoozed requests whose time is up return to the pending queue. */
export async function wakeSnoozed(store: Store, now: number): Promise<number> {
  return store.writer.transaction(async (tx) => {
    const result = await tx.run(sql`UPDATE join_requests SET status = 'pending', snoozed_until = NULL, previous_status = NULL,
        last_action_id = NULL, updated_at = ${now}
      WHERE status = 'snoozed' AND snoozed_until <= ${now}`);
    if (result.changes > 0) tx.touch('join_requests');
    return result.changes;
  });
}

/** Runs `wakeSnoozed` every half minute until stopped. */
export function startSnoozeWaker(store: Store, log: Logger, now: () => number = Date.now): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = wakeSnoozed(store, now()).catch((error: unknown) => log.warn('Could not wake snoozed requests', { error: String(error) }));
  }, SNOOZE_CHECK_MS);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
