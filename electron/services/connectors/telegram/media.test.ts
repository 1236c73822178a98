import { isConnectorFailure, type Connector, type FeedItem } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePng } from '@services/sandbox/world/media';
import { FakeTelegram } from '../../../../test/platforms/telegram/fake-telegram-server';
import { attachmentsOf } from './attachments';
import { createTelegramConnector } from './connector';
import type { TgUser } from './wire';

let fake: FakeTelegram;
let connector: Connector;
const ANN: TgUser = { id: 42, is_bot: false, first_name: 'Ann' };
const JPEGISH = samplePng('telegram');

beforeEach(async () => {
  fake = await FakeTelegram.start();
  fake.addChat({ id: -1001, type: 'supergroup', title: 'Gardening' });
  connector = createTelegramConnector({ baseUrl: fake.url, token: fake.token }, { longPollSeconds: 0 });
});
afterEach(() => fake.close());

const messages = (items: readonly FeedItem[]) => items.flatMap((u) => (u.feed === 'messages' ? [u.item] : u.feed === 'reports' ? [u.item.message] : []));

describe('Telegram media', () => {
  it('reads photo (largest size), video, animation (not its duplicate document), document, sticker, voice and audio; skips malformed fields', () => {
    const file = (id: string, extra: Record<string, unknown> = {}) => ({ file_id: id, file_unique_id: `${id}u`, file_size: 10, ...extra });
    expect(
      attachmentsOf({
        photo: [file('small', { width: 90, height: 60 }), file('big', { width: 1280, height: 853 }), { width: 'x' }],
        video: file('vid', { width: 640, height: 360, duration: 3, mime_type: 'video/mp4', file_name: 'clip.mp4' }),
        animation: file('gif', { width: 320, height: 240, duration: 2, mime_type: 'video/mp4' }),
        document: file('gif', { mime_type: 'video/mp4', file_name: 'animation.gif.mp4' }),
        sticker: file('st', { width: 512, height: 512, is_animated: false, is_video: false, type: 'regular' }),
        voice: file('voice', { duration: 4, mime_type: 'audio/ogg' }),
        audio: { duration: 1 },
      }).map((a) => [a.kind, a.name, a.contentType, a.ref, a.key, a.width]),
    ).toEqual([
      ['image', 'photo-bigu.jpg', 'image/jpeg', 'big', 'bigu', 1280],
      ['video', 'clip.mp4', 'video/mp4', 'vid', 'vidu', 640],
      ['video', 'animation.mp4', 'video/mp4', 'gif', 'gifu', 320],
      ['sticker', 'sticker.webp', 'image/webp', 'st', 'stu', 512],
      ['audio', 'voice-message.ogg', 'audio/ogg', 'voice', 'voiceu', null],
    ]);
    expect(attachmentsOf({ document: file('doc', { file_name: 'scan.png', mime_type: 'image/png' }) })[0]).toMatchObject({ kind: 'image', name: 'scan.png' });
    expect(attachmentsOf({ sticker: file('a', { width: 512, height: 512, is_animated: true }) })[0]).toMatchObject({ name: 'sticker.tgs', contentType: 'application/x-tgsticker' });
  });

  it('delivers a photo with its caption as the body, and a photo without one as a message too', async () => {
    fake.postPhoto(-1001, ANN, JPEGISH, 'look at this');
    fake.postPhoto(-1001, ANN, JPEGISH);
    const page = await connector.pullUpdates(null, { limit: 100 });
    const [captioned, bare] = messages(page.items);
    expect(captioned).toMatchObject({ body: 'look at this', attachments: [{ kind: 'image', contentType: 'image/jpeg', width: 960, height: 640, size: JPEGISH.length }] });
    expect(bare).toMatchObject({ body: '', attachments: [{ kind: 'image' }] });
    expect(captioned?.attachments?.[0]?.ref).not.toContain(fake.token);
  });

  it('fetches by getFile then the file URL, and names the token in no error', async () => {
    const message = fake.postPhoto(-1001, ANN, JPEGISH);
    const fileId = (message.photo as { file_id: string }[])[1]!.file_id;
    const got = await connector.fetchMedia!(fileId, { maxBytes: 1_000_000 });
    expect(Buffer.from(got.bytes).equals(JPEGISH)).toBe(true);
    expect(fake.calls().map((c) => c.method)).toEqual(['getFile', 'file_0.jpg']);

    const failures: unknown[] = [];
    await connector.fetchMedia!('no-such-file', { maxBytes: 1_000_000 }).catch((e: unknown) => failures.push(e));
    await connector.fetchMedia!(fileId, { maxBytes: 100 }).catch((e: unknown) => failures.push(e));
    // getFile still describes it, but the download is gone (deleted after a removal).
    fake.inject({ when: (r) => r.path.startsWith('/file/'), reply: { status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } } });
    await connector.fetchMedia!(fileId, { maxBytes: 1_000_000 }).catch((e: unknown) => failures.push(e));
    await fake.close();
    await connector.fetchMedia!(fileId, { maxBytes: 1_000_000 }).catch((e: unknown) => failures.push(e));
    expect(failures.map((e) => (isConnectorFailure(e) ? [e.error.class, 'what' in e.error ? e.error.what : 'reason' in e.error ? e.error.reason : null] : e))).toEqual([
      ['not-found', 'media'],
      ['invalid', 'too-large'],
      ['not-found', 'media'],
      ['transient', null],
    ]);
    for (const failure of failures) {
      expect(String(failure)).not.toContain(fake.token);
      expect(JSON.stringify(failure)).not.toContain(fake.token);
      expect(String((failure as Error).cause ?? '')).not.toContain(fake.token);
    }
    fake = await FakeTelegram.start();
  });

  it('reads "file is temporarily unavailable" as a failure worth retrying, not a deleted file', async () => {
    const message = fake.postPhoto(-1001, ANN, JPEGISH);
    const fileId = (message.photo as { file_id: string }[])[1]!.file_id;
    fake.inject({
      when: (r) => r.path.endsWith('/getFile'),
      reply: { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: file is temporarily unavailable' } },
    });
    const failure = await connector.fetchMedia!(fileId, { maxBytes: 1_000_000 }).catch((e: unknown) => e);
    expect(isConnectorFailure(failure) && failure.error.class).toBe('transient');
  });
});
