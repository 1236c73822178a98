import { expect, test, type Page } from '@playwright/test';
import type { BrowserMode } from './support/browser-mode';
import { startSyncedDesk, type SyncedDesk } from './support/desk';
import type { SandboxProcess } from './support/sandbox-process';

/**
 * The Join requests queue end to end, in browser mode against a standalone Sandbox network
 * (so the test can read what the platform received): filter to one community tree, approve
 * 3 by keyboard alone, decline a selection of 50 with reason 2, undo within the grace
 * period, decline them again, and check the UI at each step and the platform at the end.
 */
let desk: SyncedDesk;
let server: BrowserMode;
let sandbox: SandboxProcess;
test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '3', '--reports', '0', '--no-trickle']);
  ({ server, sandbox } = desk);
});
test.afterAll(async () => {
  await desk.stop();
});


interface ReceivedAction {
  idempotencyKey: string;
  method: string;
  path: string;
  body: { decision?: string; reason?: string | null };
  effect: string;
}

const header = (page: Page) => page.locator('header.mb-view-header > span.mb-muted');

/** The "N pending" count in the view header. */
async function pendingCount(page: Page): Promise<number> {
  const text = (await header(page).textContent()) ?? '';
  const match = /^([\d,]+) pending/.exec(text);
  if (!match) throw new Error(`No pending count in "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** Person names of the first `n` rows. */
async function firstNames(page: Page, n: number): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Join requests' });
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    names.push(((await grid.locator(`[aria-rowindex="${i + 2}"] [role="gridcell"]`).first().textContent()) ?? '').slice(1).trim());
  }
  return names;
}

test('filter a tree, approve 3 by keyboard, decline 50 with reason 2, undo within the grace period', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('dialog', () => {
    throw new Error('A hostile name ran script: a dialog opened');
  });
  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(/\S/, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Synced/ })).toBeVisible({ timeout: 60_000 });

  // The community tree with the most pending requests: a parent filters by its whole tree.
  const trees = page.getByRole('navigation', { name: 'Saved views and communities' }).getByRole('button', { name: /and its sub-groups, \d+ matching$/ });
  await expect(trees.first()).toBeVisible();
  const labels = await trees.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  const counts = labels.map((label) => Number(/, (\d+) matching$/.exec(label)?.[1] ?? 0));
  const biggest = counts.indexOf(Math.max(...counts));
  expect(counts[biggest]).toBeGreaterThan(60);
  const tree = trees.nth(biggest);
  await tree.click();
  await expect(tree).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => pendingCount(page)).toBe(counts[biggest]);
  const treeTotal = await pendingCount(page);

  // Approve 3 by keyboard alone: `/` to the search, Enter back to the table, then a a a.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search names and answers' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  const before = await firstNames(page, 4);
  const approved = before.slice(0, 3);
  for (let i = 0; i < 3; i++) await page.keyboard.press('a');
  // Decided rows leave the pending queue at once; focus stays on the first row, now the fourth request.
  await expect.poll(() => pendingCount(page)).toBe(treeTotal - 3);
  await expect(grid.locator('[aria-rowindex="2"]')).toHaveClass(/mb-dt-row-focused/);
  expect((await firstNames(page, 1))[0]).toBe(before[3]);
  await expect(page.getByRole('status').filter({ hasText: 'Approved 1' })).toBeVisible();
  // Hostile names and community names stay text.
  await expect(page.locator('img')).toHaveCount(0);

  // Select 50 rows (x, then shift+↓ 49 times) and decline them with reason 2.
  await page.keyboard.press('x');
  for (let i = 0; i < 49; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(header(page)).toContainText('50 selected');
  await page.keyboard.press('d');
  const picker = page.getByRole('dialog', { name: 'Decline 50 selected requests' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('radio')).not.toHaveCount(0);
  await page.keyboard.press('2');
  await expect(picker.getByRole('radio').nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect.poll(() => pendingCount(page)).toBe(treeTotal - 53);
  const toast = page.getByRole('status').filter({ hasText: 'Declined 50' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Undo (u)' })).toBeVisible();

  // Undo within the grace period: the 50 come back, nothing was pushed for them.
  await expect(grid).toBeFocused();
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: 50 back in the queue' })).toBeVisible();
  await expect.poll(() => pendingCount(page)).toBe(treeTotal - 3);

  // A bulk over the confirmation threshold shows counts per community first; Escape leaves everything as it was.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('a');
  const confirm = page.getByRole('dialog', { name: `Approve ${(treeTotal - 3).toLocaleString('en-US')} requests?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('row')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(grid).toBeFocused();
  expect(await pendingCount(page)).toBe(treeTotal - 3);
  await page.keyboard.press('Escape');
  await expect(header(page)).not.toContainText('selected');

  // Recent actions: the decline is undone; the three approvals reach the Sandbox network.
  await page.keyboard.press('r');
  const drawer = page.getByRole('complementary', { name: 'Recent actions' });
  await expect(drawer).toBeVisible();
  const items = drawer.getByRole('listitem');
  await expect(items.first()).toContainText(/undone/);
  await expect(items.nth(1)).toContainText(/1 pushed/, { timeout: 30_000 });
  await expect(items.nth(2)).toContainText(/1 pushed/);
  await expect(items.nth(3)).toContainText(/1 pushed/);

  // The approved requests now show as approved and synced under any status.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('approved');
  await expect(header(page)).toContainText(/approved/);
  for (const name of approved) await expect(grid.getByRole('row', { name }).first()).toContainText('approved');
  await expect(grid.getByText('pending push')).toHaveCount(0);

  // Decline the same 50 again, for good this time.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('pending');
  await expect.poll(() => pendingCount(page)).toBe(treeTotal - 3);
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('x');
  for (let i = 0; i < 49; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('d');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect.poll(() => pendingCount(page)).toBe(treeTotal - 53);

  // The platform received each decision exactly once: 3 approvals, 50 declines with reason 2.
  const receivedDecisions = async () =>
    (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions.filter((a) => a.path.includes('/decision'));
  await expect.poll(async () => (await receivedDecisions()).filter((a) => a.effect === 'applied').length, { timeout: 60_000 }).toBe(53);
  const decisions = await receivedDecisions();
  expect(decisions.filter((a) => a.effect === 'duplicate')).toHaveLength(0);
  expect(new Set(decisions.map((a) => a.idempotencyKey)).size).toBe(decisions.length);
  expect(decisions.filter((a) => a.body.decision === 'approve')).toHaveLength(3);
  const declines = decisions.filter((a) => a.body.decision === 'decline');
  expect(declines).toHaveLength(50);
  for (const decline of declines) expect(decline.body.reason).toBe('Your request looks like spam or advertising.');
});
