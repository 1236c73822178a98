import { expect, test, type Page } from '@playwright/test';
import { connectContract, waitFor } from './support/contract-client';
import { startSyncedDesk, type SyncedDesk } from './support/desk';

/**
 * Settings → Connections against a standalone Sandbox: Test names the account and what it
 * may do; Pause stops everything (a decision made meanwhile reaches the platform once,
 * after Resume); a hostile name given in Edit renders as text; Remove goes through a
 * dialog that says what leaves the console.
 */
let desk: SyncedDesk;
test.beforeAll(async () => {
  desk = await startSyncedDesk(['--seed', '9', '--volume', '40', '--reports', '0', '--no-trickle'], { undoGraceSeconds: 0 });
});
test.afterAll(async () => {
  await desk?.stop();
});

const HOSTILE = '<img src=x onerror=alert(1)>Team';

async function openSettings(page: Page) {
  await page.goto(desk.server.url);
  page.on('dialog', () => {
    throw new Error('A connection name ran script: a dialog opened');
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
}

test('Test, Pause, Resume, Edit and Remove a connection from Settings', async ({ page }) => {
  test.setTimeout(120_000);
  await openSettings(page);
  const card = page.getByRole('region', { name: 'Connection Sandbox network' });
  await expect(card).toContainText('active');
  await expect(card).toContainText('Can: list communities');

  // Test: the identity the token acts as, and what it can do, in words.
  await card.getByRole('button', { name: 'Test Sandbox network' }).click();
  const result = card.getByRole('status', { name: 'Test result' });
  await expect(result).toContainText('acting as modboard_bot');
  await expect(result).toContainText('approve or decline join requests');

  // Pause (from the keyboard): the card says so, and a decision made now waits.
  await card.getByRole('button', { name: 'Pause Sandbox network' }).focus();
  await page.keyboard.press('Enter');
  await expect(card).toContainText('paused');
  // The same button now resumes, and keeps the focus.
  await expect(card.getByRole('button', { name: 'Resume Sandbox network' })).toBeFocused();
  await expect(card).toContainText('You paused this connection');
  const contract = await connectContract(desk.server.origin, desk.server.token);
  try {
    const window = await contract.call('joinRequests.window', { offset: 0, limit: 1, sort: [], filters: { status: 'pending' } });
    const id = window.ok ? (window.value.rows[0]?.id ?? '') : '';
    expect((await contract.call('joinRequests.decide', { target: { kind: 'ids', ids: [id] }, decision: 'approve' })).ok).toBe(true);
    await expect(card).toContainText('1 waiting to be sent');
    const decisions = async () =>
      (await desk.sandbox.inspect<{ actions: { path: string; effect: string }[] }>('/_sandbox/actions')).actions.filter((a) => a.path.includes('/decision'));
    await page.waitForTimeout(1_000);
    expect(await decisions()).toHaveLength(0);

    await card.getByRole('button', { name: 'Resume Sandbox network' }).click();
    await expect(card).toContainText('active');
    const sent = await waitFor(decisions, (list) => list.length > 0, 30_000);
    await page.waitForTimeout(500);
    expect((await decisions()).length).toBe(sent.length);
    expect(sent.filter((a) => a.effect === 'applied')).toHaveLength(1);
  } finally {
    contract.close();
  }

  // Edit: a hostile name is kept as text.
  await card.getByRole('button', { name: 'Edit Sandbox network' }).click();
  await card.getByLabel('Name').fill(HOSTILE);
  await card.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByRole('region', { name: `Connection ${HOSTILE}` });
  await expect(renamed.getByRole('heading')).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  // The form is gone; focus is back on the button that opened it, not dropped to <body>.
  await expect(renamed.getByRole('button', { name: `Edit ${HOSTILE}` })).toBeFocused();

  // Remove: a dialog says what leaves; Escape keeps it, Remove connection removes it.
  await renamed.getByRole('button', { name: `Remove ${HOSTILE}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remove ${HOSTILE}?` });
  await expect(dialog).toContainText('communities, their join requests, flagged items and messages leave this console');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: `Remove ${HOSTILE}` }).click();
  // A double click removes once: the second click finds the dialog busy, so no "no longer exists" replaces the success.
  await dialog.getByRole('button', { name: 'Remove connection' }).dblclick();
  await expect(page.getByText(`${HOSTILE} removed.`)).toBeVisible();
  await expect(page.getByText('No connections.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Connections', exact: true }).getByRole('alert')).toHaveCount(0);
  // The card and the button that opened the dialog are gone: focus is on the section's heading.
  await expect(page.getByRole('heading', { name: 'Connections', exact: true })).toBeFocused();
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});
