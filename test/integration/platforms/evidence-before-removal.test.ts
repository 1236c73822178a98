import { afterEach, expect, it } from 'vitest';
import { startQuietSandbox } from '@services/sandbox/fixture';
import type { SandboxServer } from '@services/sandbox/server';
import { drained, eventually, removeDataDir, rows, startPlatformApp, type PlatformApp } from './app';

/**
 * With no undo grace, a removal is due the moment it is decided, and the Sandbox (like
 * the platforms) deletes a removed message's files. The decision holds its pushes until
 * the decided messages' files are kept, so the evidence has their bytes, not `gone`.
 */
let app: PlatformApp | undefined;
let sandbox: SandboxServer | undefined;
afterEach(async () => {
  await app?.stop();
  await sandbox?.close();
  if (app) removeDataDir(app.dataDir);
  app = sandbox = undefined;
});

it('keeps the photos of messages removed with no grace period before the removal reaches the platform, and removes each once', async () => {
  sandbox = await startQuietSandbox({ reports: 60, volume: 10 });
  app = await startPlatformApp();
  const running = app;
  await running.call('connections.addSandbox', { name: 'Sandbox', url: sandbox.url, token: sandbox.token });
  await eventually(() => rows.flagged(running), (list) => list.length > 0, 'the reports to sync');
  await eventually(() => running.call('sync.overview', {}), (overview) => !overview.running, 'the first sync to finish');
  const withPhoto: string[] = [];
  for (const flag of await rows.flagged(running)) {
    const detail = await running.call('flagged.detail', { id: flag.id });
    if (detail.message.attachments.some((a) => a.name.startsWith('photo-'))) withPhoto.push(flag.id);
  }
  expect(withPhoto.length).toBeGreaterThan(1);

  const started = performance.now();
  await running.call('flagged.decide', { target: { kind: 'ids', ids: withPhoto }, action: { kind: 'remove' } });
  // The key press is not held up by the fetches: the pushes wait in the outbox, not the handler.
  expect(performance.now() - started).toBeLessThan(1_000);
  expect(new Set((await drained(running)).map((row) => row.state))).toEqual(new Set(['done']));

  for (const id of withPhoto) {
    const [photo] = (await running.call('flagged.detail', { id })).message.attachments.filter((a) => a.name.startsWith('photo-'));
    expect(photo, id).toMatchObject({ state: 'cached', inlineType: 'image/png', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await running.services.readMedia(photo!.id)).kind).toBe('image');
  }
  const removals = sandbox.actions().filter((a) => a.path.includes('/remove') && a.effect !== 'duplicate');
  const removed = removals.flatMap((a) => (a.path.endsWith('/bulk-remove') ? ((a.body as { message_ids: string[] }).message_ids ?? []) : [a.path]));
  expect(removed).toHaveLength(withPhoto.length);
  expect(new Set(removed).size).toBe(withPhoto.length);
});
