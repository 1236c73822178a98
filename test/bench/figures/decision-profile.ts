import { decideJoinRequests } from '@services/decisions/join-decisions';
import { openStore } from '@services/store/database';
import type { Section } from '../core/results-schema';
import { StatementClock, timedStore } from '../core/statement-clock';
import { explain } from '../support/read-only';

/**
 * Where a decision's time goes: the product's `decideJoinRequests` on `ids`, in this
 * process on the same database (no WebSocket, no zod), every statement timed.
 */
export async function profileDecision(file: string, ids: readonly string[], decision: 'approve' | 'decline', what: string): Promise<Section[]> {
  const clock = new StatementClock();
  const store = await openStore(file);
  let ms: number;
  let plan: string[];
  try {
    const started = performance.now();
    await decideJoinRequests(timedStore(store, clock), {
      target: { kind: 'ids', ids: [...ids] },
      decision,
      reason: decision === 'decline' ? 'Your request looks like spam or advertising.' : null,
      snoozeUntil: null,
      actor: 'bench',
      device: 'bench',
      graceMs: 10_000,
      now: Date.now(),
    });
    ms = performance.now() - started;
    const worst = clock.slowestQuery();
    // On the write connection: the statement reads its temp table, which only that connection has.
    plan = worst ? await store.writer.transaction((tx) => explain(tx, worst)) : [];
  } finally {
    await store.close();
  }
  return [
    clock.section(`${what} in process (no WebSocket, no zod): ${ms.toFixed(0)} ms in all, by statement`),
    { title: 'EXPLAIN QUERY PLAN of its slowest statement', lines: plan },
  ];
}
