import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageAttachment } from '@shared/connectors';
import { startLoopback, type LoopbackServer } from '../../../test/platforms/loopback';
import { flagDetail } from '../queries/flag-detail';
import { samplePng } from '../sandbox/world/media';
import { addConnection, message, openTempStore, person, report, type TempStore } from '../store/repositories/testing';
import { sql } from '../store/sql';
import { decide, flagIdOf, ingest } from '../flags/testing';
import { exportCase } from '../flags/evidence/export';
import { PlatformAccess } from '../sync/platform-access';
import { RateGate } from '../sync/rate-gate';
import { createMediaService, type MediaService } from './media-service';
import { fileUrlConnector, FILE_TOKEN, recordingLogger } from './testing';

const PNG = samplePng('a cat');
const HTML_AS_PNG = Buffer.from('<html><script>alert(1)</script></html>');
const MAX = 64 * 1024;

let temp: TempStore;
let platform: LoopbackServer;
let media: MediaService;
let log: ReturnType<typeof recordingLogger>;
let deleted: Set<string>;

const file = (ref: string, over: Partial<MessageAttachment> = {}): MessageAttachment => ({
  kind: 'image',
  name: `${ref}`,
  contentType: 'image/png',
  size: null,
  width: 96,
  height: 64,
  ref,
  ...over,
});

const hits = (ref: string) => platform.requests.filter((r) => r.path.endsWith(`/${ref}`)).length;

async function attachmentId(ref: string): Promise<string> {
  const row = await temp.store.reader.get<{ id: string }>(sql`SELECT id FROM message_attachments WHERE ref = ${ref}`);
  if (!row) throw new Error(`no attachment ${ref}`);
  return row.id;
}

beforeEach(async () => {
  deleted = new Set();
  platform = await startLoopback((request) => {
    const ref = request.path.split('/').at(-1) ?? '';
    if (deleted.has(ref) || ref === 'gone.jpg') return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } };
    if (ref === 'cat.png' || ref === 'cat-again.png') return { status: 200, bytes: PNG, headers: { 'content-type': 'image/png' } };
    if (ref === 'page.png') return { status: 200, bytes: HTML_AS_PNG, headers: { 'content-type': 'image/png' } };
    if (ref === 'huge.png') return { status: 200, bytes: new Uint8Array(MAX + 1) };
    if (ref === 'broken.png') return { status: 502, text: 'bad gateway' };
    return { status: 404, text: 'no' };
  });
  temp = await openTempStore('modboard-media-');
  await addConnection(temp.store);
  const flagged = message('bad', {
    author: person('ann'),
    body: 'look',
    attachments: [file('cat.png'), file('page.png'), file('huge.png'), file('gone.jpg'), file('broken.png'), file('notes.pdf', { kind: 'file', contentType: 'application/pdf' })],
  });
  await ingest(temp.store, [report('r1', { message: flagged, context: [message('before', { attachments: [file('cat-again.png')] })] })]);
  log = recordingLogger();
  media = createMediaService({
    store: temp.store,
    dataDir: temp.dir,
    log,
    connectorFor: async () => fileUrlConnector(platform.url),
    access: new PlatformAccess(new RateGate(Date.now), Date.now),
    maxBytes: MAX,
  });
});

afterEach(async () => {
  await media.stop();
  await temp.cleanup();
  await platform.close();
});

describe('media service', () => {
  it('fetches an image once, keeps it under its sha256 in the data folder, and serves it from there', async () => {
    const id = await attachmentId('cat.png');
    const [first, second] = await Promise.all([media.prepare(id), media.prepare(id)]);
    expect(first).toMatchObject({ state: 'cached', inlineType: 'image/png', problem: null });
    expect(second.sha256).toBe(first.sha256);
    const sha = first.sha256 ?? '';
    expect(existsSync(join(temp.dir, 'media', sha.slice(0, 2), sha))).toBe(true);

    const answer = await media.read(id);
    expect(answer).toMatchObject({ kind: 'image', contentType: 'image/png' });
    expect(Buffer.from(answer.kind === 'image' ? answer.bytes : new Uint8Array()).equals(PNG)).toBe(true);
    await media.read(id);
    expect(hits('cat.png')).toBe(1);
  });

  it('never serves as an image what the bytes do not prove to be one (HTML labelled image/png)', async () => {
    const id = await attachmentId('page.png');
    expect(await media.prepare(id)).toMatchObject({ state: 'cached', inlineType: null });
    expect(await media.read(id)).toEqual({ kind: 'refused', status: 415, message: 'This file is not an image that can be shown.' });
  });

  it('refuses a file over the cap without keeping it, and says so', async () => {
    const id = await attachmentId('huge.png');
    expect(await media.prepare(id)).toMatchObject({ state: 'too-large', sha256: null, problem: 'Too large to preview (over 8 MB).' });
    expect(await media.read(id)).toMatchObject({ kind: 'refused', status: 413 });
    expect(existsSync(join(temp.dir, 'media'))).toBe(false);
  });

  it('tells a file the platform deleted (404) from a failure worth retrying, and retries only when asked', async () => {
    const gone = await attachmentId('gone.jpg');
    expect(await media.prepare(gone)).toMatchObject({ state: 'gone', problem: 'The platform no longer has this file.' });
    expect(await media.read(gone)).toMatchObject({ kind: 'refused', status: 410 });
    expect(hits('gone.jpg')).toBe(1);

    const broken = await attachmentId('broken.png');
    expect(await media.prepare(broken)).toMatchObject({ state: 'failed', problem: 'The platform did not send the file this time; try again.' });
    expect(await media.read(broken)).toMatchObject({ kind: 'refused', status: 502 });
    expect(hits('broken.png')).toBe(2);
    await media.prepare(gone, { retry: true });
    expect(hits('gone.jpg')).toBe(2);
  });

  it('answers 404 for an id it does not know', async () => {
    expect(await media.read('01NOSUCHATTACHMENT')).toEqual({ kind: 'refused', status: 404, message: 'No such attachment.' });
    await expect(media.prepare('01NOSUCHATTACHMENT')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps the decided message’s files after a decision, so they survive the platform deleting them', async () => {
    const flagId = await flagIdOf(temp.store, 'bad');
    const result = await decide(temp.store, { kind: 'ids', ids: [flagId] }, { kind: 'remove' });
    media.keepForEvidence(result.actionId);
    const id = await attachmentId('cat.png');
    const unsettled = sql`SELECT count(*) AS n FROM message_attachments a JOIN flags f ON f.message_id = a.message_id WHERE a.state = 'not-fetched'`;
    await vi.waitFor(async () => expect(await temp.store.reader.get(unsettled)).toEqual({ n: 0 }), { timeout: 5_000 });
    deleted.add('cat.png');
    expect(await media.read(id)).toMatchObject({ kind: 'image' });
    // The context message's file is not part of the decision.
    expect(hits('cat-again.png')).toBe(0);
    const detail = await flagDetail(temp.store.reader, flagId);
    expect(detail.message.attachments.map((a) => [a.name, a.state])).toEqual([
      ['cat.png', 'cached'],
      ['page.png', 'cached'],
      ['huge.png', 'too-large'],
      ['gone.jpg', 'gone'],
      ['broken.png', 'failed'],
      ['notes.pdf', 'gone'],
    ]);
    const exported = JSON.parse((await exportCase(temp.store.reader, flagId, 'json', Date.now())).text);
    expect(exported.attachments[0]).toMatchObject({ name: 'cat.png', state: 'cached', sha256: detail.message.attachments[0]?.sha256 });
  });

  it('seals the kept file’s sha256 into the evidence when it was fetched before the decision', async () => {
    const kept = await media.prepare(await attachmentId('cat.png'));
    const flagId = await flagIdOf(temp.store, 'bad');
    await decide(temp.store, { kind: 'ids', ids: [flagId] }, { kind: 'dismiss' });
    const [evidence] = JSON.parse((await exportCase(temp.store.reader, flagId, 'json', Date.now())).text).evidence;
    expect(evidence.verified).toBe(true);
    expect(evidence.snapshot.message.attachments[0]).toMatchObject({ name: 'cat.png', kind: 'image', sha256: kept.sha256 });
    expect(evidence.snapshot.message.attachments[1]).toMatchObject({ name: 'page.png', sha256: null });
    const csv = (await exportCase(temp.store.reader, flagId, 'csv', Date.now())).text;
    expect(csv).toContain(`cat.png (image/png, ? bytes, sha256 ${kept.sha256})`);
  });

  it('writes the token of a file URL to no log line and no stored row', async () => {
    for (const ref of ['cat.png', 'page.png', 'huge.png', 'gone.jpg', 'broken.png']) await media.prepare(await attachmentId(ref));
    await platform.close();
    await media.prepare(await attachmentId('cat-again.png'));
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.join('\n')).not.toContain('SECRET');
    const tables = await temp.store.reader.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'`);
    for (const { name } of tables) {
      const rows = await temp.store.reader.all<Record<string, unknown>>({ text: `SELECT * FROM "${name}"`, values: [] });
      expect(JSON.stringify(rows), name).not.toContain(FILE_TOKEN);
    }
  });
});
