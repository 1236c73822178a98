import { expect, test, type Page } from '@playwright/test';
import type { FlaggedRow } from '../../shared/domain/flagged';
import type { BrowserMode } from './support/browser-mode';
import { startSyncedDesk, type SyncedDesk } from './support/desk';
import { connectContract, waitFor } from './support/contract-client';
import type { SandboxProcess } from './support/sandbox-process';

/**
 * The Flagged queue end to end, in browser mode against a standalone Sandbox network (so
 * the test can read what the platform received): open a flagged message and see its ten
 * neighbours either side in order, remove it and warn by keyboard with reason 2, take
 * another action back within the grace period, ban the first message's author from every
 * community they are in, and check the platform received one removal, one warning with
 * the rendered text and one ban per community, each exactly once.
 */
let desk: SyncedDesk;
let server: BrowserMode;
let sandbox: SandboxProcess;
test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '7', '--volume', '10', '--reports', '150', '--no-trickle']);
  ({ server, sandbox } = desk);
});
test.afterAll(async () => {
  await desk.stop();
});


interface ReceivedAction {
  idempotencyKey: string;
  method: string;
  path: string;
  body: { reason?: string | null; resolution?: string; text?: string; message_id?: string | null };
  effect: string;
}

const QUEUE = { sort: [{ column: 'lastReportedAt' as const, desc: false }], filters: { status: 'open' as const } };
const header = (page: Page) => page.locator('header.mb-view-header > span.mb-muted');

async function openCount(page: Page): Promise<number> {
  const match = /^([\d,]+) open/.exec((await header(page).textContent()) ?? '');
  if (!match) throw new Error('No open count in the header');
  return Number(match[1]!.replace(/,/g, ''));
}

/** Moves the grid's focus to the row at `index` (0-based) with j/k, from wherever it is. */
async function focusRow(page: Page, index: number): Promise<void> {
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  const focused = grid.locator('.mb-dt-row-focused');
  await expect(focused).toHaveCount(1);
  const at = Number(await focused.getAttribute('aria-rowindex')) - 2;
  for (let i = 0; i < Math.abs(index - at); i++) await page.keyboard.press(index > at ? 'j' : 'k');
  await expect(focused).toHaveAttribute('aria-rowindex', String(index + 2));
}

test('open a flagged message in its context, remove and warn, ban its author from all their communities, undo another action', async ({ page }) => {
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

  // A flagged message whose author is in several communities, each of whose platforms can ban.
  let chosen: { row: FlaggedRow; index: number; communities: { communityId: string; communityName: string }[] } | null = null;
  for (const [index, row] of queue.entries()) {
    const scope = await contract.call('flagged.banScope', { flagId: row.id });
    const member = scope.ok ? scope.value.communities.filter((c) => c.member && !c.blocked) : [];
    if (member.length >= 2 && index < queue.length - 1) {
      chosen = { row, index, communities: member };
      break;
    }
  }
  if (!chosen) throw new Error('No author in several communities in this world');
  const detail = await contract.call('flagged.detail', { id: chosen.row.id });
  if (!detail.ok) throw new Error(detail.error.message);

  // Open it: its ten neighbours either side, in order, around it.
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(queue[0]!.excerpt.slice(0, 20));
  const total = await openCount(page);
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await focusRow(page, chosen.index);
  await expect(grid.locator('.mb-dt-row-focused')).toContainText(chosen.row.excerpt.slice(0, 20));
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'Conversation pane' });
  await expect(pane).toBeFocused();
  const conversation = pane.getByRole('list', { name: 'Conversation' });
  const shown = conversation.locator(':scope > li');
  // Every conversation here has 21 messages, so first wait for the pane to follow the focus to this one.
  await expect(shown.nth(10)).toHaveAttribute('data-message-id', detail.value.message.externalId);
  await expect(shown).toHaveCount(21);
  const order = await shown.evaluateAll((items) => items.map((item) => item.getAttribute('data-message-id')));
  expect(detail.value.before.map((m) => m.externalId)).toHaveLength(10);
  expect(detail.value.after.map((m) => m.externalId)).toHaveLength(10);
  expect(order).toEqual([...detail.value.before, detail.value.message, ...detail.value.after].map((m) => m.externalId));
  const sentAt = [...detail.value.before, detail.value.message, ...detail.value.after].map((m) => m.sentAt);
  expect(sentAt).toEqual([...sentAt].sort((a, b) => a - b));
  await expect(shown.nth(10)).toHaveAttribute('aria-current', 'true');
  await expect(pane).toContainText(chosen.row.reasons[0]!.slice(0, 20));

  // Remove and warn by keyboard: w, reason 2, Enter; the preview shows the text the author gets.
  await page.keyboard.press('Escape');
  await expect(grid).toBeFocused();
  await page.keyboard.press('w');
  const picker = page.getByRole('dialog', { name: /^Remove and warn/ });
  await expect(picker).toBeVisible();
  await page.keyboard.press('2');
  const warning = `Your message in ${chosen.row.communityName} was removed: it broke the rule “Be respectful”. Please keep it civil.`;
  await expect(picker.getByRole('region', { name: 'Warning preview' })).toContainText(warning);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Removed and warned 1' })).toBeVisible();
  await expect.poll(() => openCount(page)).toBe(total - 1);

  // Another action, taken back within the grace period: nothing of it reaches the platform.
  await expect(grid).toBeFocused();
  const undoneText = (await grid.locator('.mb-dt-row-focused').textContent()) ?? '';
  expect(undoneText).not.toBe('');
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: 'Removed 1' })).toBeVisible();
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 1 back in the queue' })).toBeVisible();
  await expect.poll(() => openCount(page)).toBe(total - 1);
  await expect(grid).toContainText(undoneText.slice(0, 20));

  // Ban its author from every community they are in: show every status, find the decided message, b, 2.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Status: any' });
  const all = await contract.call('flagged.window', { offset: 0, limit: 200, sort: QUEUE.sort, filters: {} });
  if (!all.ok) throw new Error(all.error.message);
  const at = all.value.rows.findIndex((row) => row.id === chosen.row.id);
  expect(all.value.rows[at]?.status).toBe('actioned');
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await focusRow(page, at);
  await expect(grid.locator('.mb-dt-row-focused')).toContainText(chosen.row.excerpt.slice(0, 20));
  await page.keyboard.press('b');
  const scope = page.getByRole('dialog', { name: /^Ban the author/ });
  await expect(scope).toBeVisible();
  await expect(scope.getByRole('checkbox', { checked: true })).toHaveCount(chosen.communities.length);
  for (const community of chosen.communities) await expect(scope).toContainText(community.communityName);
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(scope).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Banned in ${chosen.communities.length} communities` })).toBeVisible();

  // Recent actions: the ban on top, pushed once the grace period ends.
  await page.keyboard.press('a');
  const drawer = page.getByRole('complementary', { name: 'Recent actions' });
  const items = drawer.getByRole('listitem');
  await expect(items.first()).toContainText(`Banned ${chosen.row.authorName}`.slice(0, 30));
  await expect(items.first()).toContainText(/[1-9]\d* pushed/, { timeout: 60_000 });
  await expect(items.nth(1)).toContainText(/undone/);
  await expect(items.nth(2)).toContainText(/Removed and warned 1 message/);

  // The platform received one removal, one warning with the rendered text, and one ban per community, each once.
  const received = async () => (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions;
  const bans = (actions: ReceivedAction[]) => actions.filter((a) => a.path.endsWith('/ban'));
  await expect.poll(async () => bans(await received()).filter((a) => a.effect === 'applied').length, { timeout: 60_000 }).toBe(chosen.communities.length);
  const actions = await received();
  expect(actions.filter((a) => a.effect === 'duplicate')).toHaveLength(0);
  expect(new Set(actions.map((a) => a.idempotencyKey)).size).toBe(actions.length);
  const removals = actions.filter((a) => a.path.endsWith('/remove'));
  expect(removals).toHaveLength(1);
  expect(removals[0]!.path).toContain(`/messages/${detail.value.message.externalId}/remove`);
  expect(removals[0]!.body.reason).toBe('Be respectful');
  const warnings = actions.filter((a) => a.path.endsWith('/warn'));
  expect(warnings).toHaveLength(1);
  // Warned and banned: the same person, the message's author.
  const person = /\/members\/([^/]+)\/warn$/.exec(warnings[0]!.path)?.[1];
  expect(person).toBeTruthy();
  expect(warnings[0]!.body).toEqual({ text: warning, message_id: detail.value.message.externalId });
  expect(warnings[0]!.effect).toBe('applied');
  expect(actions.indexOf(warnings[0]!)).toBeGreaterThan(actions.indexOf(removals[0]!));
  const banPaths = bans(actions).map((a) => a.path);
  expect(banPaths).toHaveLength(chosen.communities.length);
  expect(banPaths.every((path) => path.endsWith(`/members/${person}/ban`))).toBe(true);
  expect(new Set(banPaths).size).toBe(chosen.communities.length);
  expect(actions.filter((a) => a.path.includes('/reports/') && a.body.resolution === 'actioned').length).toBeGreaterThanOrEqual(1);
  contract.close();
});
