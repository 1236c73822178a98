import { expect, test, type Page } from '@playwright/test';
import type { FlaggedRow } from '../../shared/domain/flagged';
import type { BrowserMode } from './support/browser-mode';
import { startSyncedDesk, type SyncedDesk } from './support/desk';
import { connectContract, waitFor } from './support/contract-client';
import type { SandboxProcess } from './support/sandbox-process';

/**
 * The Flagged queue's newer controls end to end, in browser mode against a standalone
 * Sandbox (whose action log shows what the platform received): media blurred until a
 * keyboard Reveal, text blurred by a Wellbeing category chosen in Settings, an alert rule
 * backtested (counts per community) before it can be enabled, a ban for 7 days that
 * reaches the platform with its end, and lifting it: one unban.
 */
let desk: SyncedDesk;
let server: BrowserMode;
let sandbox: SandboxProcess;
let contract: Awaited<ReturnType<typeof connectContract>>;
let queue: readonly FlaggedRow[];

const QUEUE = { sort: [{ column: 'lastReportedAt' as const, desc: false }], filters: { status: 'open' as const } };
const WEEK_MS = 7 * 24 * 3_600_000;

test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '11', '--volume', '10', '--reports', '150', '--no-trickle'], { undoGraceSeconds: 1 });
  ({ server, sandbox } = desk);
  contract = await connectContract(server.origin, server.token);
  const window = await waitFor(
    async () => contract.call('flagged.window', { offset: 0, limit: 200, ...QUEUE }),
    (result) => result.ok && result.value.total > 100,
    90_000,
  );
  if (!window.ok) throw new Error(window.error.message);
});
test.afterAll(async () => {
  contract.close();
  await desk.stop();
});


interface ReceivedAction {
  method: string;
  path: string;
  body: { until?: string | null; delete_history_seconds?: number };
  effect: string;
}
const received = async () => (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions;

async function openQueue(page: Page): Promise<void> {
  await page.goto(`${server.url}#/flagged`);
  await expect(page.getByRole('status').filter({ hasText: /^Synced/ })).toBeVisible({ timeout: 90_000 });
  const window = await contract.call('flagged.window', { offset: 0, limit: 200, ...QUEUE });
  if (!window.ok) throw new Error(window.error.message);
  queue = window.value.rows;
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(queue[0]!.excerpt.slice(0, 20));
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
}

/** Moves the grid's focus to the row at `index` (0-based) with j/k. */
async function focusRow(page: Page, index: number): Promise<void> {
  const focused = page.getByRole('grid', { name: 'Flagged messages' }).locator('.mb-dt-row-focused');
  await expect(focused).toHaveCount(1);
  const at = Number(await focused.getAttribute('aria-rowindex')) - 2;
  for (let i = 0; i < Math.abs(index - at); i++) await page.keyboard.press(index > at ? 'j' : 'k');
  await expect(focused).toHaveAttribute('aria-rowindex', String(index + 2));
}

/** Tabs forward until the focused element's accessible label matches, as a keyboard user would. */
async function tabTo(page: Page, label: RegExp, most = 200): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const element = document.activeElement;
      return element ? (element.getAttribute('aria-label') ?? element.closest('label')?.textContent ?? element.textContent ?? '') : '';
    });
    if (label.test(name)) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

test('media stays blurred until revealed by keyboard; a Wellbeing category blurs matching text', async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('A message ran script: a dialog opened');
  });
  await openQueue(page);
  const index = queue.findIndex((row) => row.excerpt.startsWith('[image:'));
  expect(index).toBeGreaterThanOrEqual(0);
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await focusRow(page, index);
  await expect(grid.locator('.mb-dt-row-focused')).toContainText('hidden: media');

  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'Conversation pane' });
  await expect(pane).toBeFocused();
  const flagged = pane.getByRole('list', { name: 'Conversation' }).locator(':scope > li[aria-current="true"]');
  await expect(flagged.locator('.fl-blur')).toHaveCount(1);
  const reveal = flagged.getByRole('button', { name: /^Reveal the image in the message of/ });
  await expect(reveal).toBeVisible();
  await tabTo(page, /^Reveal the image in the message of/);
  await expect(reveal).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reveal).toBeHidden();
  await expect(flagged.locator('.fl-blur')).toHaveCount(0);
  await expect(flagged).toContainText(queue[index]!.excerpt);

  // Settings → Wellbeing: blur text about violence; the queue then hides such rows' text.
  const violent = queue.findIndex((row) => row.excerpt === 'Keep posting and see what happens 🙂');
  expect(violent).toBeGreaterThanOrEqual(0);
  await page.goto(`${server.url}#/settings`);
  const wellbeing = page.getByRole('region', { name: 'Wellbeing' });
  const violence = wellbeing.getByRole('checkbox', { name: 'Violence and gore' });
  await expect(violence).not.toBeChecked();
  await violence.focus();
  await page.keyboard.press('Space');
  await expect(violence).toBeChecked();
  const preferences = await contract.call('settings.get', {});
  expect(preferences.ok && preferences.value.blurTextCategories).toEqual(['violence']);
  await openQueue(page);
  await focusRow(page, violent);
  await expect(grid.locator('.mb-dt-row-focused')).toContainText('hidden: violence and gore');
  await page.keyboard.press('Enter');
  const text = pane.getByRole('list', { name: 'Conversation' }).locator(':scope > li[aria-current="true"]');
  await tabTo(page, /^Reveal the text \(violence and gore\)/);
  await page.keyboard.press('Enter');
  await expect(text.locator('.fl-blur')).toHaveCount(0);
  await expect(text.getByRole('button', { name: /^Reveal/ })).toHaveCount(0);
});

test('an alert rule is backtested, with matches per community, before it can be enabled', async ({ page }) => {
  await openQueue(page);
  await page.getByRole('button', { name: 'Alert rules' }).click();
  const panel = page.getByRole('complementary', { name: 'Alert rules' });
  const form = panel.getByRole('form', { name: 'New alert rule' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Meetup talk');
  await form.getByRole('textbox', { name: /Words/ }).fill('meetup');
  const enable = form.getByRole('button', { name: 'Add and enable' });
  await expect(enable).toBeDisabled();
  await form.getByRole('textbox', { name: 'Name' }).press('Enter');

  const expected = await contract.call('alertRules.backtest', { definition: { name: 'Meetup talk', match: { kind: 'keywords', words: ['meetup'], match: 'any' } } });
  if (!expected.ok) throw new Error(expected.error.message);
  expect(expected.value.matched).toBeGreaterThan(0);
  const report = form.getByRole('region', { name: 'Backtest' });
  await expect(report.getByRole('status')).toContainText(`${expected.value.matched.toLocaleString('en-US')} matches among ${expected.value.scanned.toLocaleString('en-US')} stored messages`, {
    timeout: 30_000,
  });
  const bars = report.getByRole('table', { name: 'Matches per community' });
  const rows = bars.locator('tbody > tr');
  await expect(rows).toHaveCount(Math.min(12, expected.value.perCommunity.length) + (expected.value.perCommunity.length > 12 ? 1 : 0));
  const busiest = expected.value.perCommunity[0]!;
  await expect(rows.first().locator('td').nth(0)).toContainText(busiest.communityName);
  await expect(rows.first().locator('td').nth(1)).toHaveText(busiest.matched.toLocaleString('en-US'));
  await expect(report.getByRole('list', { name: 'Latest matches' }).locator('mark').first()).toHaveText(/meetup/i);

  // Editing the rule after the backtest takes "enable" away again until it is re-run.
  await form.getByRole('textbox', { name: /Words/ }).fill('meetup, saturday');
  await expect(enable).toBeDisabled();
  await form.getByRole('textbox', { name: /Words/ }).fill('meetup');
  await form.getByRole('button', { name: 'Backtest' }).press('Enter');
  await expect(enable).toBeEnabled({ timeout: 30_000 });
  await enable.click();
  const rule = panel.getByRole('list', { name: 'Alert rules' }).getByRole('listitem').filter({ hasText: 'Meetup talk' });
  await expect(rule).toContainText('on');
  await expect(rule.getByRole('button', { name: 'Turn off the rule Meetup talk' })).toBeVisible();
  const saved = await contract.call('alertRules.list', {});
  expect(saved.ok && saved.value.filter((r) => r.definition.name === 'Meetup talk').map((r) => r.enabled)).toEqual([true]);
});

test('a 7-day ban reaches the platform with its end; lifting it sends one unban', async ({ page }) => {
  test.setTimeout(180_000);
  await openQueue(page);
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Status: any' });
  const all = await contract.call('flagged.window', { offset: 0, limit: 200, sort: QUEUE.sort, filters: {} });
  if (!all.ok) throw new Error(all.error.message);
  const index = all.value.rows.findIndex((row) => row.status === 'open' && row.authorMemberId !== null && !row.excerpt.startsWith('['));
  const row = all.value.rows[index]!;
  const grid = page.getByRole('grid', { name: 'Flagged messages' });
  await page.keyboard.press('/');
  await page.keyboard.press('Enter');
  await expect(grid).toBeFocused();
  await focusRow(page, index);
  await expect(grid.locator('.mb-dt-row-focused')).toContainText(row.excerpt.slice(0, 20));

  // b, 1 (this community), Tab to the length, 7 days, Enter.
  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: /^Ban the author/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('1');
  await tabTo(page, /^Until lifted/, 30);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('group', { name: 'For how long' }).getByRole('radio', { name: '7 days' })).toBeChecked();
  const before = Date.now();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Banned for 7 days in 1 community' })).toBeVisible();

  const bans = (actions: ReceivedAction[]) => actions.filter((a) => a.path.endsWith('/ban') && a.effect === 'applied');
  await expect.poll(async () => bans(await received()).length, { timeout: 60_000 }).toBe(1);
  const ban = bans(await received())[0]!;
  const until = Date.parse(ban.body.until ?? '');
  expect(until).toBeGreaterThanOrEqual(before + WEEK_MS - 60_000);
  expect(until).toBeLessThanOrEqual(Date.now() + WEEK_MS + 60_000);
  expect(ban.body.delete_history_seconds ?? 0).toBe(0);

  // Back to the banned message (focus moved on to the next): its author card offers the lift (keyboard: Tab, Enter).
  await focusRow(page, index);
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: 'Conversation pane' });
  await expect(pane).toBeFocused();
  const lift = pane.getByRole('button', { name: new RegExp(`^Lift the ban on .+ in ${row.communityName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(lift).toBeEnabled({ timeout: 30_000 });
  await tabTo(page, /^Lift the ban on /);
  await expect(lift).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Lifted the ban in 1 community: 1 unban queued' })).toBeVisible();
  await expect(pane.locator('.mb-pill').filter({ hasText: /^lifted/ })).toBeVisible();

  const unbans = (actions: ReceivedAction[]) => actions.filter((a) => a.path.endsWith('/unban'));
  await expect.poll(async () => unbans(await received()).length, { timeout: 60_000 }).toBe(1);
  const actions = await received();
  expect(unbans(actions)[0]!.path).toBe(ban.path.replace(/\/ban$/, '/unban'));
  expect(unbans(actions)[0]!.effect).toBe('applied');
  expect(bans(actions)).toHaveLength(1);

  // Recent actions reads the lift in words, on top.
  await page.keyboard.press('Escape');
  await page.keyboard.press('a');
  const drawer = page.getByRole('complementary', { name: 'Recent actions' });
  await expect(drawer.getByRole('listitem').first()).toContainText(`Lifted the ban on ${row.authorName}`.slice(0, 40));
  await expect(drawer.getByRole('listitem').first()).toContainText('1 pushed', { timeout: 30_000 });
  await expect(drawer.getByRole('listitem').nth(1)).toContainText('for 7 days');
});
