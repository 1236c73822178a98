import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { sha256Of } from './media-cache';
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
let access: PlatformAccess;
/** Refs the platform answers only after this many ms. */
let slow: Map<string, number>;

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

function startMedia(over: { timeoutMs?: number } = {}): MediaService {
  return createMediaService({ store: temp.store, dataDir: temp.dir, log, connectorFor: async () => fileUrlConnector(platform.url), access, maxBytes: MAX, ...over });
}

const keptFile = (sha: string | null) => join(temp.dir, 'media', (sha ?? '').slice(0, 2), sha ?? '');
const changeConnections = (statement: ReturnType<typeof sql>) =>
  temp.store.writer.transaction(async (tx) => {
    await tx.run(statement);
    tx.touch('connections');
  });

beforeEach(async () => {
  deleted = new Set();
  slow = new Map();
  platform = await startLoopback(async (request) => {
    const ref = request.path.split('/').at(-1) ?? '';
    const delay = slow.get(ref);
    if (delay) await sleep(delay);
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
  access = new PlatformAccess(new RateGate(Date.now), Date.now);
  media = startMedia();
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
    // Reading the failed file answers from the store: only `prepare` asks the platform again.
    expect(await media.read(broken)).toMatchObject({ kind: 'refused', status: 502 });
    expect(hits('broken.png')).toBe(1);
    await media.prepare(broken);
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

  it('serves only what is kept: GET of a file not fetched yet answers 404 and asks the platform nothing', async () => {
    expect(await media.read(await attachmentId('cat.png'))).toEqual({ kind: 'refused', status: 404, message: 'This file has not been fetched yet.' });
    expect(platform.requests).toHaveLength(0);
  });
});

describe('media service: paused and signed-out connections', () => {
  it.each([
    ['paused', 'This connection is paused; resume it in Settings to load the file.'],
    ['needs-reauth', 'This connection needs reconnecting; reconnect it in Settings to load the file.'],
  ])('asks the platform nothing for a %s connection, records nothing, and says why', async (state, words) => {
    await changeConnections(sql`UPDATE connections SET state = ${state}`);
    const id = await attachmentId('cat.png');
    expect(await media.prepare(id)).toMatchObject({ state: 'not-fetched', sha256: null, problem: words });
    expect(await media.prepare(id, { retry: true })).toMatchObject({ state: 'not-fetched', problem: words });
    const flagId = await flagIdOf(temp.store, 'bad');
    await media.keepForEvidence((await decide(temp.store, { kind: 'ids', ids: [flagId] }, { kind: 'remove' })).actionId);
    expect(platform.requests).toHaveLength(0);
    const states = await temp.store.reader.all<{ state: string; problem: string | null }>(sql`SELECT DISTINCT state, problem FROM message_attachments`);
    expect(states).toEqual([{ state: 'not-fetched', problem: null }]);

    await changeConnections(sql`UPDATE connections SET state = 'active'`);
    expect(await media.prepare(id)).toMatchObject({ state: 'cached', problem: null });
  });
});

describe('media service: time limit', () => {
  it('counts the limit from when the call goes, not while it waits for the connection’s lane', async () => {
    await media.stop();
    media = startMedia({ timeoutMs: 300 });
    const descriptor = fileUrlConnector(platform.url).describe();
    const busy = access.call(descriptor, { connectionId: 'CONN', capability: 'media.fetch', target: null }, () => sleep(700), new AbortController().signal);
    expect(await media.prepare(await attachmentId('cat.png'))).toMatchObject({ state: 'cached', problem: null });
    await busy;
  });

  it('records a platform too slow to answer as a failure worth retrying, in plain words', async () => {
    await media.stop();
    media = startMedia({ timeoutMs: 300 });
    slow.set('cat.png', 1_000);
    expect(await media.prepare(await attachmentId('cat.png'))).toMatchObject({ state: 'failed', problem: 'The platform took too long to send the file; try again.' });
  });
});

describe('media service: kept files nothing refers to', () => {
  it('deletes a removed connection’s kept files', async () => {
    const kept = await media.prepare(await attachmentId('cat.png'));
    expect(existsSync(keptFile(kept.sha256))).toBe(true);
    await changeConnections(sql`DELETE FROM connections WHERE id = 'CONN'`);
    await vi.waitFor(() => expect(existsSync(keptFile(kept.sha256))).toBe(false), { timeout: 5_000 });
  });

  it('leaves no orphan when a fetch is under way while the connection is removed', async () => {
    slow.set('cat.png', 600);
    const fetching = media.prepare(await attachmentId('cat.png'));
    await vi.waitFor(() => expect(hits('cat.png')).toBe(1));
    await changeConnections(sql`DELETE FROM connections WHERE id = 'CONN'`);
    await expect(fetching).rejects.toMatchObject({ code: 'not-found' });
    const sha = sha256Of(PNG);
    await vi.waitFor(() => expect(existsSync(keptFile(sha))).toBe(false), { timeout: 5_000 });
  });

  it('keeps a file the sealed evidence of a case still refers to after an edit replaced it, and deletes the rest (also at start)', async () => {
    const cat = await media.prepare(await attachmentId('cat.png'));
    const flagId = await flagIdOf(temp.store, 'bad');
    await decide(temp.store, { kind: 'ids', ids: [flagId] }, { kind: 'dismiss' });
    const page = await media.prepare(await attachmentId('page.png'));
    // The author edits the message: two other files take the first two places.
    await ingest(temp.store, [report('r1', { message: message('bad', { author: person('ann'), body: 'look', attachments: [file('new-1.png'), file('new-2.png')] }) })]);
    const rows = await temp.store.reader.all(sql`SELECT name, state, sha256 FROM message_attachments a JOIN flags f ON f.message_id = a.message_id ORDER BY position`);
    expect(rows).toEqual([
      { name: 'new-1.png', state: 'not-fetched', sha256: null },
      { name: 'new-2.png', state: 'not-fetched', sha256: null },
    ]);
    await media.stop();
    media = startMedia();
    await vi.waitFor(() => expect(existsSync(keptFile(page.sha256))).toBe(false), { timeout: 5_000 });
    expect(existsSync(keptFile(cat.sha256))).toBe(true);
    const exported = JSON.parse((await exportCase(temp.store.reader, flagId, 'json', Date.now())).text);
    expect(exported.evidence[0].snapshot.message.attachments[0]).toMatchObject({ name: 'cat.png', sha256: cat.sha256 });
  });
});
