import { expect, test, type Page } from '@playwright/test';
import type { BrowserMode } from './support/browser-mode';
import { startSyncedDesk, type SyncedDesk } from './support/desk';
import { connectContract } from './support/contract-client';
import type { SandboxProcess } from './support/sandbox-process';

/**
 * Rules end to end, in browser mode against a standalone Sandbox network: the raid in the
 * backlog shows as one cluster; a rule is written in the Rules dialog, backtested (counts
 * per community), enabled after its confirmation, and then declines new requests as
 * they arrive — each pushed to the platform once, with the reason — until it is paused.
 */
const VOLUME = 2_000;
let desk: SyncedDesk;
let server: BrowserMode;
let sandbox: SandboxProcess;

test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '5', '--volume', String(VOLUME), '--reports', '0', '--no-trickle'], { undoGraceSeconds: 1 });
  ({ server, sandbox } = desk);
});
test.afterAll(async () => {
  await desk.stop();
});


interface ReceivedAction {
  idempotencyKey: string;
  path: string;
  body: { decision?: string; reason?: string | null };
  effect: string;
}

const NEW_ACCOUNT_REASON = 'Your account is too new to join this group.';
const requestIndex = (path: string) => Number(/jr_(\d+)/.exec(path)?.[1] ?? -1);

async function ruleHits(): Promise<{ subjectId: string; actor: string; summary: string }[]> {
  const contract = await connectContract(server.origin, server.token);
  const result = await contract.call('audit.window', { offset: 0, limit: 500, sort: [], search: 'rule.hit', filters: {} });
  contract.close();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.rows.filter((row) => row.action === 'rule.hit');
}

async function storedTotal(): Promise<number> {
  const contract = await connectContract(server.origin, server.token);
  const result = await contract.call('joinRequests.window', { offset: 0, limit: 1, sort: [], filters: {} });
  contract.close();
  if (!result.ok) throw new Error(result.error.message);
  return result.value.total;
}

async function syncNow(): Promise<void> {
  const contract = await connectContract(server.origin, server.token);
  await contract.call('sync.runNow', {});
  contract.close();
}

const declinesReceived = async () =>
  (await sandbox.inspect<{ actions: ReceivedAction[] }>('/_sandbox/actions')).actions.filter((a) => a.path.includes('/decision') && a.body.decision === 'decline');

async function openRules(page: Page) {
  await page.getByRole('grid', { name: 'Join requests' }).focus();
  await page.keyboard.press('Shift+R');
  const dialog = page.getByRole('dialog', { name: 'Rules' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a raid is one cluster; a rule is backtested, enabled, acts on new requests once each, and stops when paused', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(/\S/, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Synced/ })).toBeVisible({ timeout: 60_000 });

  // Clusters: only the Sandbox's raid is a burst; `c` shows just that cluster, and again everything.
  const clusterToggle = page.getByRole('group', { name: 'Signals (all of)' }).getByRole('button', { name: 'cluster', exact: true });
  await clusterToggle.click();
  const badge = grid.getByRole('button', { name: /^Show the cluster of \d+: \d+ requests within .* the same name pattern/ }).first();
  await expect(badge).toBeVisible();
  await grid.focus();
  await page.keyboard.press('c');
  const banner = page.getByRole('region', { name: 'Showing one cluster' });
  await expect(banner).toContainText(/name pattern/);
  await page.keyboard.press('c');
  await expect(banner).toBeHidden();
  await clusterToggle.click();

  // Write a rule: young accounts on the Sandbox are declined as "New account".
  const dialog = await openRules(page);
  await dialog.getByRole('button', { name: 'New rule' }).click();
  const form = dialog.getByRole('form', { name: 'New rule' });
  await form.getByLabel('Name', { exact: true }).fill('Young accounts on the Sandbox');
  await expect(form.getByLabel('Condition 1: younger than (days)')).toHaveValue('30');
  await form.getByLabel('Condition 2: kind').selectOption('platform');
  await form.getByRole('group', { name: 'Condition 2: platforms' }).getByLabel('sandbox', { exact: true }).check();
  await form.getByLabel('Action', { exact: true }).selectOption('decline');
  await form.getByLabel('Reason', { exact: true }).selectOption({ label: 'New account' });
  await form.getByRole('button', { name: 'Save rule' }).click();

  // Saving runs the backtest of version 1: counts per community, as bars.
  const pane = dialog.getByRole('region', { name: 'Rule Young accounts on the Sandbox' });
  const report = pane.getByRole('region', { name: 'Backtest result' });
  await expect(report.getByRole('status')).toContainText(/Backtest of version 1: [\d,]+ would have matched of [\d,]+ stored requests/, { timeout: 30_000 });
  const matched = Number(/([\d,]+) would have matched/.exec((await report.getByRole('status').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(matched).toBeGreaterThan(0);
  const bars = report.getByRole('list', { name: 'Matches per community' }).getByRole('listitem');
  await expect(bars.first()).toHaveAccessibleName(/: \d+ matches \(/);
  await expect(report.getByRole('table').filter({ hasText: 'Near-misses' })).toBeVisible();

  // Enabling asks first, with what the backtest found.
  await pane.getByRole('button', { name: 'Enable…' }).click();
  const confirm = pane.getByRole('group', { name: 'Enable this rule?' });
  await expect(confirm).toContainText(`In the backtest it matched ${matched.toLocaleString('en-US')} of`);
  await confirm.getByRole('button', { name: 'Enable rule' }).click();
  const ruleSwitch = dialog.getByRole('switch', { name: /^Young accounts on the Sandbox: / });
  await expect(ruleSwitch).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await ruleHits()).toEqual([]);

  // New requests arrive: the rule declines the young accounts among them, and only them.
  const stored = await storedTotal();
  await sandbox.control('/_sandbox/advance', { joinRequests: 80 });
  await syncNow();
  await expect.poll(storedTotal, { timeout: 60_000 }).toBe(stored + 80);
  await expect.poll(async () => (await ruleHits()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const hits = await ruleHits();
  expect(hits.length).toBeLessThan(80);
  for (const hit of hits) expect(hit.summary).toMatch(/^Rule “Young accounts on the Sandbox” \(v1\) declined /);
  await expect.poll(async () => (await declinesReceived()).filter((a) => a.effect === 'applied').length, { timeout: 60_000 }).toBe(hits.length);
  const declines = await declinesReceived();
  console.info(`[rules e2e] backtest matched ${matched} stored requests; the rule declined ${hits.length} of 80 new ones`);
  expect(new Set(declines.map((a) => a.idempotencyKey)).size).toBe(declines.length);
  for (const decline of declines) {
    expect(decline.body.reason).toBe(NEW_ACCOUNT_REASON);
    expect(requestIndex(decline.path)).toBeGreaterThanOrEqual(VOLUME);
  }

  // The moderator sees what the rule did, and can take it back from Recent actions.
  await grid.focus();
  await page.keyboard.press('r');
  await expect(page.getByRole('complementary', { name: 'Recent actions' })).toContainText('Rule “Young accounts on the Sandbox” (v1): Declined');
  await page.keyboard.press('r');

  // Paused, it does nothing more.
  const again = await openRules(page);
  await again.getByRole('switch', { name: /^Young accounts on the Sandbox: enabled/ }).click();
  await expect(again.getByRole('switch', { name: /^Young accounts on the Sandbox: / })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');
  const before = (await ruleHits()).length;
  await sandbox.control('/_sandbox/advance', { joinRequests: 80 });
  await syncNow();
  await expect.poll(storedTotal, { timeout: 60_000 }).toBe(stored + 160);
  await page.waitForTimeout(2_000);
  expect((await ruleHits()).length).toBe(before);
  expect((await declinesReceived()).length).toBe(declines.length);
});
