import { isConnectorFailure, type ReportItem } from '@shared/connectors';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { sniffInlineImage } from '@services/media/magic';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxConnector } from './connector';
import { attachmentsOf } from './to-items';

let server: SandboxServer;
let reports: ReportItem[];
const connector = () => createSandboxConnector({ baseUrl: server.url, token: server.token });

beforeEach(async () => {
  server = await startQuietSandbox({ reports: 60, volume: 10 });
  reports = (await connector().pullReports(null, { limit: 200 })).items as ReportItem[];
});
afterEach(() => server.close());

const withFile = (name: RegExp) => reports.find((r) => r.message.attachments?.some((a) => name.test(a.name)));

describe('Sandbox attachments', () => {
  it('gives some reported messages a photo, a PDF or an HTML page posing as a photo, and serves their bytes', async () => {
    const photo = withFile(/^photo-/)?.message.attachments?.[0];
    expect(photo).toMatchObject({ kind: 'image', contentType: 'image/png', width: 96, height: 64 });
    const png = await connector().fetchMedia!(photo!.ref, { maxBytes: 1_000_000 });
    expect(sniffInlineImage(png.bytes)).toBe('image/png');
    expect(png.bytes.byteLength).toBe(photo!.size);

    const pdf = withFile(/\.pdf$/)?.message.attachments?.find((a) => a.kind === 'file');
    expect(sniffInlineImage((await connector().fetchMedia!(pdf!.ref, { maxBytes: 1_000_000 })).bytes)).toBeNull();
    const disguised = withFile(/^cute-cat\.png$/)?.message.attachments?.find((a) => a.name === 'cute-cat.png');
    const page = await connector().fetchMedia!(disguised!.ref, { maxBytes: 1_000_000 });
    expect(page.contentType).toBe('image/png');
    expect(sniffInlineImage(page.bytes)).toBeNull();
  });

  it('answers a removed message’s file as gone, a bad token as auth, and reads odd entries as nothing', async () => {
    const report = withFile(/^photo-/)!;
    const ref = report.message.attachments![0]!.ref;
    await connector().moderate(
      { type: 'removeMessage', communityExternalId: report.message.communityExternalId, messageExternalId: report.message.externalId, reason: null },
      { idempotencyKey: 'remove-1' },
    );
    await expect(connector().fetchMedia!(ref, { maxBytes: 1_000_000 })).rejects.toSatisfy((e) => isConnectorFailure(e) && e.error.class === 'not-found');
    const stranger = createSandboxConnector({ baseUrl: server.url, token: 'wrong' });
    await expect(stranger.fetchMedia!(ref, { maxBytes: 1_000_000 })).rejects.toSatisfy((e) => isConnectorFailure(e) && e.error.class === 'auth');
    expect(attachmentsOf([null, { ref: 'x' }, { ref: '', kind: 'image', name: 'a', content_type: null, size: null, width: null, height: null }])).toEqual([]);
  });
});
