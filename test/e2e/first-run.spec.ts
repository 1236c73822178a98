import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';

let server: BrowserMode;
test.beforeAll(async () => {
  server = await startBrowserMode();
});
test.afterAll(async () => server.stop());

test('an empty data folder gets a Sandbox connection and a living console within seconds', async ({ page }) => {
  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  // Rows arrive from the embedded Sandbox network over loopback, through the sync engine.
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(/\S/, { timeout: 30_000 });
  const joinNav = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Join requests, \d+ pending/ });
  await expect(joinNav).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('c');
  const communities = page.getByRole('grid', { name: 'Communities' });
  await expect(communities.locator('[aria-rowindex="2"]')).toContainText(/\S/);
  expect(Number(await communities.getAttribute('aria-rowcount'))).toBeGreaterThan(30);

  await page.keyboard.press('g');
  await page.keyboard.press('y');
  await expect(page.getByRole('region', { name: /Connection Sandbox network/ })).toContainText('Healthy');
});

test('Settings removes the Sandbox connection and adds it back', async ({ page }) => {
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Remove Sandbox network' }).click();
  await page.getByRole('dialog', { name: 'Remove Sandbox network?' }).getByRole('button', { name: 'Remove connection' }).click();
  await expect(page.getByText('Sandbox network removed.')).toBeVisible();
  await expect(page.getByText('No connections.')).toBeVisible();
  await page.getByRole('button', { name: 'Add a Sandbox network' }).click();
  await expect(page.getByRole('button', { name: 'Remove Sandbox network' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('j');
  await expect(page.getByRole('grid', { name: 'Join requests' }).locator('[aria-rowindex="2"]')).toContainText(/\S/, { timeout: 30_000 });
});
