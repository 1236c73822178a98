import { isConnectorFailure, type MessageItem } from '@shared/connectors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePng } from '@services/sandbox/world/media';
import { BOT_TOKEN, FakeDiscord } from '../../../../test/platforms/discord/fake-discord-server';
import { attachmentsOf, cdnFor, DISCORD_CDN } from './attachments';
import { createDiscordConnector, type DiscordConnector } from './connector';

let fake: FakeDiscord;
let connector: DiscordConnector;
const G1 = '100000000000000001';
const GENERAL = '200000000000000001';
const PNG = samplePng('discord');

beforeEach(async () => {
  fake = await FakeDiscord.start();
  fake.addGuild({ id: G1, name: 'Gardeners', channels: [{ id: GENERAL, type: 0, name: 'general' }] });
  connector = createDiscordConnector({ baseUrl: fake.url, token: BOT_TOKEN });
});
afterEach(() => fake.close());

async function pulled(): Promise<MessageItem[]> {
  const items: MessageItem[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await connector.pullMessages(cursor);
    items.push(...page.items);
    cursor = page.next;
    if (page.complete) break;
  }
  return items;
}

describe('Discord attachments', () => {
  it('reads attachments[] and sticker_items[] as the docs describe them, skipping entries of another shape', () => {
    const cdn = DISCORD_CDN;
    const found = attachmentsOf(
      [
        { id: '1', filename: 'cat.png', content_type: 'image/png', size: 1234, url: 'https://cdn.discordapp.com/attachments/2/1/cat.png?ex=1&is=2&hm=3&', width: 96, height: 64 },
        { id: '2', filename: 'clip.mp4', content_type: 'video/mp4', size: 99, url: 'https://cdn.discordapp.com/attachments/2/2/clip.mp4' },
        { id: '3', filename: 'notes', size: 5, url: 'https://cdn.discordapp.com/attachments/2/3/notes' },
        { id: '4', filename: 'no-url.png', size: 5 },
        'nonsense',
        null,
      ],
      [
        { id: '749054660769218631', name: 'Wave', format_type: 1 },
        { id: '749054660769218632', name: 'Dance', format_type: 4 },
        { id: '749054660769218633', name: 'Lottie', format_type: 3 },
        { id: '749054660769218634', name: 'Future', format_type: 9 },
        { id: 'x', name: 'Bad id', format_type: 1 },
      ],
      cdn,
    );
    expect(found).toEqual([
      { kind: 'image', name: 'cat.png', contentType: 'image/png', size: 1234, width: 96, height: 64, ref: 'https://cdn.discordapp.com/attachments/2/1/cat.png?ex=1&is=2&hm=3&', key: 'attachment:1' },
      { kind: 'video', name: 'clip.mp4', contentType: 'video/mp4', size: 99, width: null, height: null, ref: 'https://cdn.discordapp.com/attachments/2/2/clip.mp4', key: 'attachment:2' },
      { kind: 'file', name: 'notes', contentType: null, size: 5, width: null, height: null, ref: 'https://cdn.discordapp.com/attachments/2/3/notes', key: 'attachment:3' },
      { kind: 'sticker', name: 'Wave.png', contentType: 'image/png', size: null, width: null, height: null, ref: 'https://cdn.discordapp.com/stickers/749054660769218631.png', key: 'sticker:749054660769218631' },
      // Sticker GIFs are on the media proxy, not the CDN base.
      { kind: 'sticker', name: 'Dance.gif', contentType: 'image/gif', size: null, width: null, height: null, ref: 'https://media.discordapp.net/stickers/749054660769218632.gif', key: 'sticker:749054660769218632' },
      { kind: 'sticker', name: 'Lottie.json', contentType: 'application/json', size: null, width: null, height: null, ref: 'https://cdn.discordapp.com/stickers/749054660769218633.json', key: 'sticker:749054660769218633' },
    ]);
    expect(cdnFor('https://discord.com/api/v10/')).toBe(DISCORD_CDN);
  });

  it('pulls a message with its file and fetches the bytes from the CDN URL without the bot token', async () => {
    const { messageId } = fake.postAttachment(GENERAL, { filename: 'cat.png', contentType: 'image/png', bytes: PNG, width: 96, height: 64 });
    fake.postMessage(GENERAL, 0, 'no files here');
    const items = await pulled();
    const message = items.find((m) => m.externalId === messageId);
    expect(message?.attachments).toEqual([expect.objectContaining({ kind: 'image', name: 'cat.png', contentType: 'image/png', size: PNG.length, width: 96, height: 64 })]);
    expect(items.find((m) => m.body === 'no files here')?.attachments).toBeUndefined();

    const got = await connector.fetchMedia!(message!.attachments![0]!.ref, { maxBytes: 1_000_000 });
    expect(Buffer.from(got.bytes).equals(PNG)).toBe(true);
    expect(got.contentType).toBe('image/png');
    const cdnCalls = fake.requestLog.filter((r) => r.path.startsWith('/attachments/'));
    expect(cdnCalls).toHaveLength(1);
    expect(cdnCalls[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps the page when one attachment entry is malformed', async () => {
    const id = fake.postMessage(GENERAL, 0, 'odd');
    fake.setMedia(id, { attachments: [{ filename: 42 }, { id: '9', filename: 'ok.txt', size: 2, url: `${fake.url.replace('/api/v10', '')}/attachments/1/9/ok.txt`, content_type: 'text/plain' }], sticker_items: [{ nope: true }] });
    const items = await pulled();
    expect(items.find((m) => m.externalId === id)?.attachments).toEqual([expect.objectContaining({ name: 'ok.txt', kind: 'file' })]);
  });

  it('answers a deleted file as not-found, a file over the cap as too-large, and never fetches off the CDN', async () => {
    const { url } = fake.postAttachment(GENERAL, { filename: 'cat.png', contentType: 'image/png', bytes: PNG });
    await expect(connector.fetchMedia!(url, { maxBytes: 100 })).rejects.toSatisfy((e) => isConnectorFailure(e) && e.error.class === 'invalid' && e.error.reason === 'too-large');
    fake.cdn.clear();
    await expect(connector.fetchMedia!(url, { maxBytes: 1_000_000 })).rejects.toSatisfy((e) => isConnectorFailure(e) && e.error.class === 'not-found' && e.error.what === 'media');
    for (const elsewhere of ['http://169.254.169.254/latest/meta-data', 'https://cdn.discordapp.com/attachments/1/2/x.png', 'file:///etc/passwd', 'not a url']) {
      await expect(connector.fetchMedia!(elsewhere, { maxBytes: 1_000 })).rejects.toSatisfy((e) => isConnectorFailure(e) && e.error.class === 'invalid');
    }
  });
});
