import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../app/logger';
import { EventHub } from '../../contract/event-hub';
import { addConnection, openTempStore, type TempStore } from '../../store/repositories/testing';
import { sql } from '../../store/sql';
import { createSyncEngine, type SyncEngine } from '../../sync/engine';
import { untilIdle } from '../../sync/testing';
import { createTelegramConnector } from './connector';
import { FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';
import type { TgUser } from './wire';

/**
 * The update-queue protocol (updates.ts) depends on how the engine runs streams:
 * communities, then join requests, then reports, each committing its own cursor.
 * This runs the real engine against the fake Bot API to show nothing is lost.
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
  it('ingests every join request and every /report across runs, with nothing confirmed before the reports feed saw it', async () => {
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
    expect(await temp.store.reader.get(sql`SELECT name FROM communities WHERE external_id = '-1001'`)).toEqual({ name: 'Gardening' });
  });
});
