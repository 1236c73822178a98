import { afterEach, expect, it } from 'vitest';
import { sql } from '@services/store/sql';
import { outboxStates, type SyncRig } from '@services/sync/testing';
import { decide, pendingIds, pulledRig, untilSettled } from './rig';

/**
 * A 5xx burst fails many pushes at once. Their retries must spread over the backoff
 * window (full jitter) rather than all coming back together and tripping the platform
 * again. The delay each row got is read from the outbox itself: a requeue writes
 * `not_before = now + delay` and `updated_at = now` together.
 */
let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ROWS = 40;
const CEILING_MS = 1_000;

it('spreads the retries of pushes that failed together over the whole backoff window', async () => {
  // First attempt's window: min(cap, base * 2^1) = 1 s.
  const setup = await pulledRig({ engine: { tuning: { backoff: { baseMs: CEILING_MS / 2, capMs: 8_000 } } } });
  rig = setup.rig;
  const ids = await pendingIds(rig, ROWS);
  rig.server.setFaults({ serverError: { rate: 1, times: ROWS } });
  await decide(rig, ids, 'decline');
  setup.engine.start();

  const delays = new Map<string, number>();
  const live = rig;
  const watching = (async () => {
    while (delays.size < ROWS) {
      const waiting = await live.temp.store.reader.all<{ id: string; delay: number }>(
        sql`SELECT id, not_before - updated_at AS delay FROM outbox WHERE state = 'queued' AND attempts = 1 AND last_error_class = 'transient'`,
      );
      for (const row of waiting) if (!delays.has(row.id)) delays.set(row.id, row.delay);
      if ((await outboxStates(live)).done === ROWS) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await untilSettled(rig, 30_000);
  await watching;

  expect(await outboxStates(rig)).toEqual({ done: ROWS });
  const seen = [...delays.values()];
  expect(seen.length).toBeGreaterThan(ROWS * 0.75);
  expect(seen.filter((delay) => delay < 0 || delay >= CEILING_MS)).toEqual([]);
  expect(Math.min(...seen)).toBeLessThan(CEILING_MS * 0.25);
  expect(Math.max(...seen)).toBeGreaterThan(CEILING_MS * 0.75);
  // No synchronized burst: no 100 ms slice of the window holds more than a third of the retries.
  // (Uniform jitter expects a tenth per slice; a third is out of reach by chance, P < 1e-3,
  // while retries that came back together would all land in one slice.)
  const slices = new Map<number, number>();
  for (const delay of seen) slices.set(Math.floor(delay / 100), (slices.get(Math.floor(delay / 100)) ?? 0) + 1);
  expect(Math.max(...slices.values())).toBeLessThanOrEqual(seen.length / 3);
});
