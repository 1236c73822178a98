import { expect, test, type Page } from '@playwright/test';
import type { FlagDetail, FlaggedRow } from '../../shared/domain/flagged';
import type { BrowserMode } from './support/browser-mode';
import { startSyncedDesk, type SyncedDesk } from './support/desk';
import { connectContract, waitFor } from './support/contract-client';

/**
 * Attachments in a flagged conversation, end to end in browser mode against the Sandbox
 * network, which serves real PNGs (and an HTML page labelled image/png): the reported
 * photo is fetched through the connector, served from our own origin, blurred and hidden
 * from the accessibility tree until Reveal, then loaded and announced by its name; the
 * disguised "photo" is a file card and never an image; the route needs the session cookie.
 */
let desk: SyncedDesk;
let server: BrowserMode;
let contract: Awaited<ReturnType<typeof connectContract>>;
let queue: readonly FlaggedRow[];

const QUEUE = { sort: [{ column: 'lastReportedAt' as const, desc: false }], filters: { status: 'open' as const } };

test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '5', '--volume', '10', '--reports', '60', '--no-trickle']);
  ({ server } = desk);
  contract = await connectContract(server.origin, server.token);
  const window = await waitFor(
    async () => contract.call('flagged.window', { offset: 0, limit: 200, ...QUEUE }),
    (result) => result.ok && result.value.total > 40,
    90_000,
  );
  if (!window.ok) throw new Error(window.error.message);
  queue = window.value.rows;
});
test.afterAll(async () => {
  contract.close();
  await desk.stop();
});

/** The first open flag (its queue position and detail) whose message has an attachment named like `name`. */
async function flagWith(name: RegExp): Promise<{ index: number; detail: FlagDetail }> {
  for (const [index, row] of queue.entries()) {
    const detail = await contract.call('flagged.detail', { id: row.id });
    if (detail.ok && detail.value.message.attachments.some((a) => name.test(a.name))) return { index, detail: detail.value };
  }
  throw new Error(`No flagged message with an attachment like ${name}`);
}

async function openFlag(page: Page, index: number) {
  await page.goto(`${server.url}#/flagged`);
  await expect(page.getByRole('status').filter({ hasText: /^Synced/ })).toBeVisible({ timeout: 90_000 });
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(queue[0]!.excerpt.slice(0, 20));
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  const focused = grid.locator('.mb-dt-row-focused');
  for (let i = 0; i < index; i++) await page.keyboard.press('j');
  await expect(focused).toHaveAttribute('aria-rowindex', String(index + 2));
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'Conversation pane' });
  await expect(pane).toBeFocused();
  return pane.getByRole('list', { name: 'Conversation' }).locator(':scope > li[aria-current="true"]');
}

test('a reported photo is blurred and unannounced until Reveal, then loaded and announced by its name', async ({ page, playwright }) => {
  test.setTimeout(180_000);
  page.on('dialog', () => {
    throw new Error('An attachment ran script: a dialog opened');
  });
  const { index, detail } = await flagWith(/^photo-/);
  const photo = detail.message.attachments.find((a) => a.name.startsWith('photo-'))!;
  const flagged = await openFlag(page, index);
  await expect(flagged).toHaveAttribute('data-message-id', detail.message.externalId);

  // Blurred: the image is on the page (fetched, served from our origin) but not in the accessibility tree.
  const image = flagged.locator('img.fl-media-image');
  await expect(image).toHaveCount(1);
  await expect(image).toHaveAttribute('src', `/media/${photo.id}`);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => getComputedStyle(img.parentElement!).filter)).toContain('blur');
  await expect(flagged.getByRole('img')).toHaveCount(0);
  const snapshot = await flagged.ariaSnapshot();
  expect(snapshot).not.toContain('Attached image');

  const reveal = flagged.getByRole('button', { name: `Reveal the image ${photo.name} in the message of ${detail.message.authorName}` });
  await expect(reveal).toHaveText(`Reveal image ${photo.name}`);
  await reveal.focus();
  await page.keyboard.press('Enter');
  await expect(reveal).toBeHidden();
  const shown = flagged.getByRole('img', { name: `Attached image: ${photo.name}` });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  expect(await shown.evaluate((img: HTMLImageElement) => getComputedStyle(img).filter)).toBe('none');

  // The image route stands behind the session cookie: a request without it gets nothing.
  const stranger = await playwright.request.newContext();
  const anonymous = await stranger.get(`${server.origin}/media/${photo.id}`);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.body()).length).toBeLessThan(100);
  await stranger.dispose();
  const withCookie = await page.request.fetch(`${server.origin}/media/${photo.id}`);
  expect(withCookie.headers()).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'" });
});

test('a "photo" whose bytes are an HTML page is a file card, never an image', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('dialog', () => {
    throw new Error('An attachment ran script: a dialog opened');
  });
  const { index, detail } = await flagWith(/^cute-cat\.png$/);
  const flagged = await openFlag(page, index);
  await expect(flagged).toHaveAttribute('data-message-id', detail.message.externalId);
  const card = flagged.locator('.fl-file-card').filter({ hasText: 'cute-cat.png' });
  await expect(card).toContainText('Not previewed: the file is not an image that can be shown safely.');
  await expect(card).toContainText('image/png');
  const disguised = detail.message.attachments.find((a) => a.name === 'cute-cat.png')!;
  await expect(flagged.locator(`img[src="/media/${disguised.id}"]`)).toHaveCount(0);
  await expect(flagged.getByRole('img', { name: /cute-cat/ })).toHaveCount(0);
  const served = await page.request.fetch(`${server.origin}/media/${disguised.id}`);
  expect(served.status()).toBe(415);
  expect(served.headers()['content-type']).toBe('text/plain; charset=utf-8');
});
