import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeTelegram } from '../../platforms/telegram/fake-telegram-server';
import type { TgUser } from '@services/connectors/telegram/wire';
import { recordingLogger } from '@services/media/testing';
import { samplePng } from '@services/sandbox/world/media';
import { eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';

/**
 * A reported Telegram photo through the whole app: the attachment syncs with the report,
 * `media.prepare` fetches it (getFile, then the file URL with the token in it), the app
 * serves it, a decision keeps it, and the token is in no log line and no file of the data
 * folder (the database and the kept media included).
 */
const TOKEN = '424242:AAH-media-test-token_telegram';
let fake: FakeTelegram;
let app: PlatformApp;
let log: ReturnType<typeof recordingLogger>;
beforeEach(async () => {
  fake = await FakeTelegram.start(TOKEN);
  log = recordingLogger();
  app = await startPlatformApp({ log });
});
afterEach(async () => {
  await app.stop();
  await fake.close();
  removeDataDir(app.dataDir);
});

const CHAT = -1001234567890;
const user = (id: number, first_name: string): TgUser => ({ id, is_bot: false, first_name });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

it('syncs a reported photo, fetches and serves it, keeps it through a decision, and leaks the token nowhere', async () => {
  fake.addChat({ id: CHAT, type: 'supergroup', title: 'Gardening' });
  fake.botAdded(CHAT);
  const png = samplePng('reported');
  const photo = fake.postPhoto(CHAT, user(601, 'Sam'), png, 'buy now');
  fake.post(CHAT, user(602, 'Helper'), '/report spam photo', photo.message_id);
  await app.call('connections.add', { kind: 'telegram', name: 'Our bot', baseUrl: fake.url, token: fake.token });
  const [flag] = await eventually(() => rows.flagged(app), (list) => list.length === 1, 'the report to sync');

  const detail = await app.call('flagged.detail', { id: flag!.id });
  expect(detail.message.body).toBe('buy now');
  const [attachment] = detail.message.attachments;
  expect(attachment).toMatchObject({ kind: 'image', contentType: 'image/jpeg', width: 960, height: 640, state: 'not-fetched' });
  // The file_id (the ref) stays in main; the name uses the file_unique_id, which cannot fetch anything.
  const fileId = (photo.photo as { file_id: string }[]).at(-1)!.file_id;
  expect(JSON.stringify(detail)).not.toContain(`"${fileId}"`);

  expect(await app.call('media.prepare', { id: attachment!.id })).toMatchObject({ state: 'cached', inlineType: 'image/png' });
  const served = await app.services.readMedia(attachment!.id);
  expect(served.kind === 'image' && Buffer.from(served.bytes).equals(png)).toBe(true);
  expect(fake.calls().map((c) => c.method).filter((m) => m === 'getFile')).toHaveLength(1);

  // Removed on the platform afterwards: the kept copy still serves.
  await app.call('flagged.decide', { target: { kind: 'ids', ids: [flag!.id] }, action: { kind: 'remove' } });
  fake.files.clear();
  expect((await app.services.readMedia(attachment!.id)).kind).toBe('image');

  // A file the platform deleted: gone, in words, and a failure logged without the token.
  const later = fake.postPhoto(CHAT, user(603, 'Kim'), png);
  fake.files.clear();
  fake.post(CHAT, user(602, 'Helper'), '/report', later.message_id);
  await app.call('sync.runNow', {});
  const flags = await eventually(() => rows.flagged(app), (list) => list.length === 2, 'the second report to sync');
  const second = await app.call('flagged.detail', { id: flags.find((f) => f.id !== flag!.id)!.id });
  expect(await app.call('media.prepare', { id: second.message.attachments[0]!.id })).toMatchObject({ state: 'gone', problem: 'The platform no longer has this file.' });
  expect(await app.services.readMedia(second.message.attachments[0]!.id)).toMatchObject({ kind: 'refused', status: 410 });

  await app.stop();
  expect(log.lines.some((line) => line.includes('Fetching an attachment failed'))).toBe(true);
  expect(log.lines.join('\n')).not.toContain(TOKEN);
  const files = await filesUnder(app.dataDir);
  expect(files.some((f) => f.includes(`${join('media', '')}`))).toBe(true);
  for (const file of files) expect((await readFile(file)).includes(Buffer.from(TOKEN)), file).toBe(false);
});
