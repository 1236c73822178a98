import type { ConnectionCapabilities } from '@shared/domain/flagged';
import { AppFailure } from '@shared/result';
import type { Logger } from '../app/host';
import type { Store } from '../store/database';
import { sql } from '../store/sql';
import { ARRIVALS_BATCH, judgeArrivals } from './rule-arrivals';

export interface RuleRunnerDeps {
  readonly store: Store;
  readonly log: Logger;
  readonly device: () => string;
  readonly graceMs: () => number;
  /** Called after a commit that queued pushes, so they leave when their grace period ends. */
  readonly wakeDrainer: () => void;
  /**
   * What each connection can do, read before each batch's transaction (connectors are
   * asked outside it). Without it every rule decision is taken as the rule says.
   */
  readonly capabilities?: () => Promise<readonly ConnectionCapabilities[]>;
  readonly now?: () => number;
}

export interface RuleRunner {
  /** Resolves once the inbox is empty (tests; the runner also runs by itself after every ingest commit). */
  settle(): Promise<void>;
  /** Takes no new pass and waits for the one in progress, so the store can close under it. */
  stop(): Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Enabled rules acting on new requests: after each commit that touched join requests
 * (an ingested page queues its new pending requests in `rule_inbox`), it empties the
 * inbox in batches, one transaction each. Also runs once at start, for arrivals left
 * by a crash. Passes never overlap; a commit during a pass asks for another.
 */
export function startRuleRunner(deps: RuleRunnerDeps): RuleRunner {
  const now = deps.now ?? Date.now;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const pass = async () => {
    // The read connection answers "anything to do?" without taking the writer's lock.
    while (!stopped && (await deps.store.reader.get(sql`SELECT 1 AS waiting FROM rule_inbox LIMIT 1`))) {
      const capabilities = deps.capabilities ? await deps.capabilities() : null;
      const outcome = await deps.store.writer.transaction((tx) =>
        judgeArrivals(tx, { store: deps.store, device: deps.device(), graceMs: deps.graceMs(), now: now(), capabilities }),
      );
      if (outcome.queued) deps.wakeDrainer();
      if (outcome.taken < ARRIVALS_BATCH) break;
      await nextTurn();
    }
  };

  const schedule = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((error: unknown) => {
        if (error instanceof AppFailure && error.code === 'unavailable') return;
        deps.log.error('Rules could not judge new join requests', { error: error instanceof Error ? error.stack : String(error) });
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule();
        }
      });
  };

  const unsubscribe = deps.store.onCommit((tables) => {
    if (tables.has('join_requests')) schedule();
  });
  schedule();

  return {
    async settle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      unsubscribe();
      while (running) await running;
    },
  };
}
