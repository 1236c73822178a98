import { afterEach, describe, expect, it } from 'vitest';
import { sql } from '@services/store/sql';
import { outboxStates, untilIdle, type SyncRig } from '@services/sync/testing';
import { decide, effectsByRequest, pendingIds, pulledRig, untilSettled } from './rig';

/**
 * Timeouts and slow answers, against the Sandbox's `timeout` (held until the client gives
 * up) and `slow` (answered late, applied after the wait even if the client left) knobs,
 * with a connector that gives up after 400 ms.
 */
let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('a platform that does not answer in time', () => {
  it('retries a push that timed out until it lands, once', async () => {
    const setup = await pulledRig();
    rig = setup.rig;
    const ids = await pendingIds(rig, 5);
    rig.server.setFaults({ timeout: { rate: 1, times: 4 } });
    await decide(rig, ids);
    setup.engine.start();
    await untilSettled(rig);
    expect(await outboxStates(rig)).toEqual({ done: 5 });
    expect(rig.server.requests().filter((r) => r.rejected === 'timeout').length).toBeGreaterThan(0);
    const timedOut = await rig.temp.store.reader.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE attempts > 1`);
    expect(timedOut?.n).toBeGreaterThan(0);
    for (const effects of effectsByRequest(rig).values()) expect(effects).toEqual(['applied']);
  });

  it('does not apply a push twice when its answer comes after the client gave up', async () => {
    const setup = await pulledRig();
    rig = setup.rig;
    const ids = await pendingIds(rig, 4);
    // Each of these is applied 700 ms after it arrives, long after the connector gave up at 400 ms.
    rig.server.setFaults({ slow: { rate: 1, times: 4, delayMs: 700 } });
    await decide(rig, ids, 'decline');
    setup.engine.start();
    await untilSettled(rig);
    expect(await outboxStates(rig)).toEqual({ done: 4 });
    const effects = effectsByRequest(rig);
    expect(effects.size).toBe(4);
    for (const applied of effects.values()) expect(applied).toEqual(['applied']);
    // The retries were answered from the platform's memory of the key, not acted on again.
    expect(rig.server.actions().filter((a) => a.effect === 'duplicate').length).toBeGreaterThan(0);
  });

  it('waits for a slow answer that comes within the timeout, without a retry', async () => {
    const setup = await pulledRig();
    rig = setup.rig;
    const ids = await pendingIds(rig, 3);
    rig.server.setFaults({ slow: { rate: 1, times: 3, delayMs: 150 } });
    await decide(rig, ids);
    setup.engine.start();
    await untilSettled(rig);
    expect(await rig.temp.store.reader.all(sql`SELECT state, attempts FROM outbox`)).toEqual(Array(3).fill({ state: 'done', attempts: 1 }));
  });

  it('finishes a pull whose pages time out now and then, with every item once', async () => {
    const setup = await pulledRig({ volume: 1_500, pull: false });
    rig = setup.rig;
    rig.server.setFaults({ timeout: { rate: 0.3, times: 3 }, slow: { rate: 0.3, times: null, delayMs: 100 } });
    await setup.engine.runNow();
    await untilIdle(setup.engine, 30_000);
    expect(rig.server.requests().filter((r) => r.rejected === 'timeout').length).toBeGreaterThan(0);
    const rows = await rig.temp.store.reader.get(sql`SELECT count(*) AS n, count(DISTINCT external_id) AS distinct_ids FROM join_requests`);
    expect(rows).toEqual({ n: 1_500, distinct_ids: 1_500 });
    expect(setup.engine.liveProgress().every((p) => p.lastError === null)).toBe(true);
  });
});
