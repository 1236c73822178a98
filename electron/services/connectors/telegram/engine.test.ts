import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../app/logger';
import { EventHub } from '../../contract/event-hub';
import { addConnection, openTempStore, type TempStore } from '../../store/repositories/testing';
import { AppFailure } from '@shared/result';
import type { Store } from '../../store/database';
import { sql } from '../../store/sql';
import { createSyncEngine, type SyncEngine } from '../../sync/engine';
import { untilIdle } from '../../sync/testing';
import { createTelegramConnector } from './connector';
import { FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';
import type { TgUser } from './wire';

/**
 * The update-queue protocol (updates.ts): one combined `updates` stream consumes the
 * queue, committing every feed's items with its one cursor; communities run first
 * and peek. This runs the real engine against the fake Bot API to show nothing is
 * lost or doubled, however the updates of the three feeds interleave.
 */
let fake: FakeTelegram;
let temp: TempStore;
let engine: SyncEngine;
let connectionId: string;
beforeEach(async () => {
  fake = await FakeTelegram.start();
  temp = await openTempStore('modboard-telegram-');
  connectionId = await addConnection(temp.store, 'TELEGRAM');
  const connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0 });
  engine = createSyncEngine({ store: temp.store, hub: new EventHub(), log: silentLogger, connectorFor: async () => connector, intervalMs: () => 3_600_000, device: 'test' });
});
afterEach(async () => {
  await engine.stop();
  await fake.close();
  await temp.cleanup();
});

const user = (id: number): TgUser => ({ id, is_bot: false, first_name: `User ${id}` });
async function run(): Promise<void> {
  await engine.runNow(connectionId);
  await untilIdle(engine);
}

describe('Telegram through the sync engine', () => {
  it('ingests every join request, message and /report across runs, each once, with nothing confirmed before it was stored', async () => {
    fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
    fake.botAdded(-1001);
    const spam = fake.post(-1001, user(900), 'cheap watches');
    for (let id = 1; id <= 150; id++) fake.requestToJoin(-1001, user(id));
    fake.post(-1001, user(901), '/report spam', spam.message_id);
    for (let id = 151; id <= 260; id++) fake.requestToJoin(-1001, user(id));
    await run();
    await run();
    const other = fake.post(-1001, user(902), 'more watches');
    fake.post(-1001, user(903), '/report again', other.message_id);
    for (let id = 261; id <= 270; id++) fake.requestToJoin(-1001, user(id));
    await run();
    await run();

    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 270 });
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM reports`)).toEqual({ n: 2 });
    expect(await temp.store.reader.all(sql`SELECT body FROM messages ORDER BY sent_at, external_id`)).toEqual(
      ['cheap watches', '/report spam', 'more watches', '/report again'].map((body) => ({ body })),
    );
    expect(await temp.store.reader.all(sql`SELECT stream FROM sync_cursors ORDER BY stream`)).toEqual([{ stream: 'communities' }, { stream: 'updates' }]);
    expect(fake.pendingUpdateIds()).toEqual([]);
    expect(await temp.store.reader.get(sql`SELECT name FROM communities WHERE external_id = '-1001'`)).toEqual({ name: 'Gardening' });
  });

  it('never asks for the next updates (which confirms the last page) before that page is stored: a failed commit loses nothing', async () => {
    fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
    fake.botAdded(-1001);
    await run();
    for (let id = 1; id <= 250; id++) fake.requestToJoin(-1001, user(id));
    // Only Telegram's update pages commit with durability 'full' explicitly; the second one fails, as a full disk would.
    let pageCommits = 0;
    let failing = true;
    const real = temp.store;
    const store: Store = {
      ...real,
      writer: {
        transaction: (work, options) => {
          if (failing && options?.durability === 'full' && ++pageCommits === 2) return Promise.reject(new AppFailure('storage-full', 'disk full'));
          return real.writer.transaction(work, options);
        },
      },
    };
    const connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0 });
    const failingEngine = createSyncEngine({ store, hub: new EventHub(), log: silentLogger, connectorFor: async () => connector, intervalMs: () => 3_600_000, device: 'test', tuning: { pageSize: 100 } });
    await failingEngine.runNow(connectionId);
    await untilIdle(failingEngine);
    await failingEngine.stop();
    expect(pageCommits).toBe(2);
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n FROM join_requests`)).toEqual({ n: 100 });
    // Telegram still holds every update of the page that was not stored: the next call had not confirmed it.
    expect(fake.pendingUpdateIds()).toHaveLength(150);

    failing = false;
    await run();
    // The last page is confirmed by the next run's first call, as in the test above.
    await run();
    expect(await temp.store.reader.get(sql`SELECT count(*) AS n, count(DISTINCT external_id) AS d FROM join_requests`)).toEqual({ n: 250, d: 250 });
    expect(fake.pendingUpdateIds()).toEqual([]);
  });
});
