import { expect, test } from '@playwright/test';
import { BOT_TOKEN, FakeDiscord } from '../platforms/discord/fake-discord-server';
import { connectContract, waitFor } from './support/contract-client';
import { startSyncedDesk, type SyncedDesk } from './support/desk';

/**
 * Decisions a platform cannot take are disabled with the reason on screen. A Discord
 * connection (its loopback test server) syncs a member application, then the user turns
 * Discord's join requests off in its options and pauses it: its descriptor no longer
 * offers `joinRequests.decide`, so on that row Ban (and Approve, Decline) is disabled
 * with the reason, `b` says the reason instead of doing nothing, nothing reaches the
 * platform, and the sync indicator says the connection is paused.
 */
const GUILD = '100000000000000001';
let desk: SyncedDesk;
let discord: FakeDiscord;
test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '3', '--reports', '0', '--no-trickle']);
  discord = await FakeDiscord.start();
  discord.addGuild({ id: GUILD, name: 'Gardeners', features: ['MEMBER_VERIFICATION_GATE_ENABLED', 'MEMBER_VERIFICATION_MANUAL_APPROVAL'], channels: [{ id: '200000000000000001', type: 0, name: 'general' }] });
  discord.apply(GUILD, { id: '300000000000000001', username: 'zuzanna_applicant' });
});
test.afterAll(async () => {
  await desk?.stop();
  await discord?.close();
});

test('a Discord row whose connection no longer decides join requests: Ban disabled with the reason, b says it, paused shown', async ({ page }) => {
  test.setTimeout(180_000);
  const contract = await connectContract(desk.server.origin, desk.server.token);
  try {
    const added = await contract.call('connections.add', { kind: 'discord', name: 'Guild <b>bot</b>', baseUrl: discord.url, token: BOT_TOKEN, joinRequests: true });
    if (!added.ok) throw new Error(added.error.message);
    const id = added.value.id;
    await waitFor(
      () => contract.call('joinRequests.preview', { target: { kind: 'query', filters: { platform: 'discord' }, except: [] } }),
      (result) => result.ok && result.value.total === 1,
      60_000,
    );
    expect(await contract.call('connections.update', { id, options: { joinRequests: false } })).toMatchObject({ ok: true });
    expect(await contract.call('connections.pause', { id })).toMatchObject({ ok: true });
  } finally {
    contract.close();
  }
  const decisionsBefore = discord.requestLog.filter((r) => r.path.includes('/requests/')).length;

  await page.goto(desk.server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(/\S/, { timeout: 30_000 });

  // The sync indicator: "1 paused", the name in the accessible name and on focus.
  const paused = page.getByRole('note', { name: /^1 paused connection: Guild <b>bot<\/b>\. Resume in Settings\.$/ });
  await expect(paused).toHaveText('1 paused');
  await paused.focus();
  await expect(paused).toHaveText('1 paused: Guild <b>bot</b>. Resume in Settings.');

  // A Sandbox row first: everything offered, no note.
  await grid.focus();
  const decide = page.getByRole('group', { name: 'Decide' });
  await expect(decide.getByRole('button', { name: /^Decline and ban the focused request/ })).toBeEnabled();
  await expect(page.locator('#jr-blocked-note')).toHaveCount(0);

  // The Discord row: search for it, back to the table.
  await page.getByRole('searchbox', { name: 'Search names and answers' }).fill('zuzanna');
  await page.keyboard.press('Enter');
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText('zuzanna_applicant');
  await expect(grid.locator('[aria-rowindex="3"]')).toHaveCount(0);
  await expect(grid).toBeFocused();

  const reason = '“Guild <b>bot</b>” cannot decide join requests (discord).';
  const ban = decide.getByRole('button', { name: /^Decline and ban the focused request/ });
  await expect(ban).toBeDisabled();
  await expect(ban).toHaveAttribute('title', reason);
  await expect(decide.getByRole('button', { name: /^Approve the focused request/ })).toBeDisabled();
  await expect(decide.getByRole('button', { name: /^Snooze the focused request/ })).toBeEnabled();
  await expect(page.locator('#jr-blocked-note')).toHaveText(`Approve, Decline, Decline and ban: ${reason}`);

  // `b` on it: the reason in the status line, no reason picker, the row still pending.
  await page.keyboard.press('b');
  await expect(page.getByRole('status').filter({ hasText: `Decline and ban is not possible: ${reason}` })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText('zuzanna_applicant');
  await page.keyboard.press('a');
  await expect(page.getByRole('status').filter({ hasText: `Approve is not possible: ${reason}` })).toBeVisible();
  expect(discord.requestLog.filter((r) => r.path.includes('/requests/')).length).toBe(decisionsBefore);
});
