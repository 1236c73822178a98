import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { FlaggedRow } from '../../shared/domain/flagged';
import { makeDataDir, startBrowserMode, type BrowserMode } from './support/browser-mode';
import { connectContract, waitFor } from './support/contract-client';
import { startSandbox, type SandboxProcess } from './support/sandbox-process';

/**
 * The Flagged queue end to end, in browser mode against a standalone Sandbox network (so
 * the test can read what the platform received): open a flagged message and see its ten
 * neighbours either side in order, remove it and warn by keyboard with reason 2, ban
 * another author from the communities they are in, take a third action back within the
 * grace period, and check the platform received each action exactly once.
 */
let server: BrowserMode;
let sandbox: SandboxProcess;
let dataDir: string;
test.beforeAll(async () => {
  sandbox = await startSandbox(['--seed', '7', '--volume', '10', '--reports', '150', '--no-trickle']);
  dataDir = makeDataDir();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ deviceId: 'E2EDESK', sandboxProvisioned: true, preferences: {} }));
  server = await startBrowserMode({ dataDir });
  const contract = await connectContract(server.origin, server.token);
  const added = await contract.call('connections.addSandbox', { name: 'Sandbox network', url: sandbox.url, token: sandbox.token });
  contract.close();
  if (!added.ok) throw new Error(added.error.message);
});
test.afterAll(async () => {
  await server.stop();
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface ReceivedAction {
  idempotencyKey: string;
  method: string;
  path: string;
  body: { reason?: string | null; resolution?: string };
  effect: string;
}

const QUEUE = { sort: [{ column: 'lastReportedAt' as const, desc: false }], filters: { status: 'open' as const } };
const header = (page: Page) => page.locator('header.mb-view-header > span.mb-muted');

async function openCount(page: Page): Promise<number> {
  const match = /^([\d,]+) open/.exec((await header(page).textContent()) ?? '');
  if (!match) throw new Error('No open count in the header');
  return Number(match[1]!.replace(/,/g, ''));
}

test('open a flagged message in its context, remove and warn, ban from several communities, undo one action', async ({ page }) => {
  test.setTimeout(240_000);
  page.on('dialog', () => {
    throw new Error('A hostile text ran script: a dialog opened');
  });
  const contract = await connectContract(server.origin, server.token);
  // Synced: every report page is in, so the queue's order no longer changes.
  const rows = (
    await waitFor(
      async () => contract.call('flagged.window', { offset: 0, limit: 200, ...QUEUE }),
      (result) => result.ok && result.value.total > 100,
      90_000,
    )
  ).ok;
  expect(rows).toBe(true);
  await page.goto(`${server.url}#/flagged`);
  await expect(page.getByRole('status').filter({ hasText: /^Synced/ })).toBeVisible({ timeout: 90_000 });
  const window = await contract.call('flagged.window', { offset: 0, limit: 200, ...QUEUE });
  if (!window.ok) throw new Error(window.error.message);
  const queue: readonly FlaggedRow[] = window.value.rows;
  const first = queue[0]!;

  // An author of a later row who is in several communities, each of whose platforms can ban.
  let banned: { row: FlaggedRow; index: number; communities: { communityId: string; communityName: string }[] } | null = null;
  for (const [index, row] of queue.entries()) {
    if (index < 2 || row.authorMemberId === first.authorMemberId) continue;
    const scope = await contract.call('flagged.banScope', { flagId: row.id });
    const member = scope.ok ? scope.value.communities.filter((c) => c.member && !c.blocked) : [];
    if (member.length >= 2) {
      banned = { row, index, communities: member };
      break;
    }
  }
  if (!banned) throw new Error('No author in several communities in this world');
  const detail = await contract.call('flagged.detail', { id: first.id });
  if (!detail.ok) throw new Error(detail.error.message);

  // Open the first flagged message: its ten neighbours either side, in order, around it.
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(first.excerpt.slice(0, 20));
  const total = await openCount(page);
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'Conversation pane' });
  await expect(pane).toBeFocused();
  const conversation = pane.getByRole('list', { name: 'Conversation' });
  const shown = conversation.locator(':scope > li');
  await expect(shown).toHaveCount(21);
  const order = await shown.evaluateAll((items) => items.map((item) => item.getAttribute('data-message-id')));
  expect(detail.value.before.map((m) => m.externalId)).toHaveLength(10);
  expect(order).toEqual([...detail.value.before, detail.value.message, ...detail.value.after].map((m) => m.externalId));
  await expect(shown.nth(10)).toHaveAttribute('aria-current', 'true');
  await expect(pane).toContainText(first.reasons[0]!.slice(0, 20));

  // Remove and warn by keyboard: w, reason 2, Enter; the preview shows the text the author gets.
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await page.keyboard.press('w');
  const picker = page.getByRole('dialog', { name: /^Remove and warn/ });
  await expect(picker).toBeVisible();
  await page.keyboard.press('2');
  const warning = `Your message in ${first.communityName} was removed: it broke the rule “Be respectful”. Please keep it civil.`;
  await expect(picker.getByRole('region', { name: 'Warning preview' })).toContainText(warning);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Removed and warned 1' })).toBeVisible();
  await expect.poll(() => openCount(page)).toBe(total - 1);

  // Ban another author from the communities they are in: b, "chosen communities", all of theirs ticked.
  for (let i = 0; i < banned.index - 1; i++) await page.keyboard.press('j');
  await expect(grid.locator('.mb-dt-row-focused')).toContainText(banned.row.excerpt.slice(0, 20));
  await page.keyboard.press('b');
  const scope = page.getByRole('dialog', { name: /^Ban the author/ });
  await expect(scope).toBeVisible();
  await page.keyboard.press('3');
  const ticked = scope.getByRole('checkbox', { checked: true });
  await expect(ticked).toHaveCount(banned.communities.length);
  for (const community of banned.communities) await expect(scope).toContainText(community.communityName);
  await page.keyboard.press('Enter');
  await expect(scope).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Banned in ${banned.communities.length} communities` })).toBeVisible();

  // A third action, taken back within the grace period: nothing of it reaches the platform.
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1' })).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 1 back in the queue' })).toBeVisible();
  await expect.poll(() => openCount(page)).toBe(total - 2);

  // Recent actions: the undone removal on top, then the ban and the warning, pushed once the grace period ends.
  await page.keyboard.press('a');
  const drawer = page.getByRole('complementary', { name: 'Recent actions' });
  const items = drawer.getByRole('listitem');
  await expect(items.first()).toContainText(/undone/);
  await expect(items.nth(1)).toContainText(`Banned ${banned.row.authorName}`.slice(0, 30));
  await expect(items.nth(1)).toContainText(/[1-9]\d* pushed/, { timeout: 60_000 });
  await expect(items.nth(2)).toContainText(/Removed and warned 1 message/);

  // The platform received each action exactly once.
  const received = async () => (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions;
  const bans = (actions: ReceivedAction[]) => actions.filter((a) => a.path.endsWith('/ban'));
  await expect.poll(async () => bans(await received()).filter((a) => a.effect === 'applied').length, { timeout: 60_000 }).toBe(banned.communities.length);
  const actions = await received();
  expect(actions.filter((a) => a.effect === 'duplicate')).toHaveLength(0);
  expect(new Set(actions.map((a) => a.idempotencyKey)).size).toBe(actions.length);
  const removals = actions.filter((a) => a.path.endsWith('/remove'));
  expect(removals).toHaveLength(1);
  expect(removals[0]!.path).toContain(`/messages/${detail.value.message.externalId}/remove`);
  expect(removals[0]!.body.reason).toBe(warning);
  expect(new Set(bans(actions).map((a) => a.path)).size).toBe(banned.communities.length);
  expect(actions.filter((a) => a.path.includes('/reports/') && a.body.resolution === 'actioned').length).toBeGreaterThanOrEqual(2);
  contract.close();
});
