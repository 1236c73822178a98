import { afterEach, expect, it } from 'vitest';
import { joinRequestsWindow } from '@services/queries/join-requests';
import { sql } from '@services/store/sql';
import { WindowCache } from '@services/store/window-cache';
import { fetchWindow } from '@services/store/window-query';
import { outboxStates, type SyncRig } from '@services/sync/testing';
import { decide, effectsByRequest, pendingIds, pulledRig, untilSettled } from './rig';

/**
 * A decision made on a stale copy: the request changed on the platform (its version
 * moved on) after the last pull. The platform refuses it, and the queue row says so
 * instead of pretending it was synced or retrying forever.
 */
let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

it('surfaces a stale-version refusal as a conflict on the row, sends it once, and leaves the others synced', async () => {
  const setup = await pulledRig();
  rig = setup.rig;
  const ids = await pendingIds(rig, 3);
  const [stale] = await rig.temp.store.reader.all<{ external_id: string }>(sql`SELECT external_id FROM join_requests WHERE id = ${ids[0] ?? ''}`);
  const world = rig.server.world();
  const index = world.joinRequestIndex(stale?.external_id ?? '');
  if (index === null) throw new Error('the stale request is not on the platform');
  world.joinRequests.update(index, {});

  await decide(rig, ids);
  setup.engine.start();
  await untilSettled(rig);

  expect(await outboxStates(rig)).toEqual({ done: 2, failed: 1 });
  const failed = await rig.temp.store.reader.get<{ subject_id: string; last_error_class: string; last_error: string; attempts: number }>(
    sql`SELECT subject_id, last_error_class, last_error, attempts FROM outbox WHERE state = 'failed'`,
  );
  expect(failed).toMatchObject({ subject_id: ids[0], last_error_class: 'conflict', attempts: 1 });
  expect(failed?.last_error).toMatch(/conflict: stale-version/);
  expect(effectsByRequest(rig).get(`/v1/join-requests/${stale?.external_id}/decision`)).toEqual(['rejected']);

  const window = await fetchWindow(
    { reader: rig.temp.store.reader, versionOf: rig.temp.store.versionOf, cache: new WindowCache() },
    joinRequestsWindow,
    { offset: 0, limit: 200, sort: [], filters: {} },
  );
  const rows = new Map(window.rows.map((row) => [row.id, row.syncState]));
  expect(rows.get(ids[0] ?? '')).toBe('conflict');
  expect([rows.get(ids[1] ?? ''), rows.get(ids[2] ?? '')]).toEqual(['synced', 'synced']);
});
