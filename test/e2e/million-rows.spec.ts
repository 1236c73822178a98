import { expect, test, type Locator } from '@playwright/test';
import { makeDataDir, seed, startBrowserMode, type BrowserMode } from './support/browser-mode';
import { connectContract } from './support/contract-client';

const ROWS = 1_000_000;
let server: BrowserMode;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dataDir = makeDataDir();
  seed(dataDir, ROWS);
  server = await startBrowserMode({ dataDir, args: ['--no-sync'] });
});
test.afterAll(async () => server.stop());

test('a million join requests: first rows, the last row and a sort change all work', async ({ page }) => {
  test.setTimeout(180_000);
  page.on('dialog', () => {
    throw new Error('A hostile name ran script: a dialog opened');
  });
  const started = Date.now();
  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  await expect(grid.getByRole('row').nth(1)).toContainText(/\S/);
  const firstRowsMs = Date.now() - started;

  const firstBefore = await grid.locator('[aria-rowindex="2"]').textContent();
  await grid.focus();
  const endStarted = Date.now();
  await page.keyboard.press('End');
  await expect(grid.locator(`[aria-rowindex="${ROWS + 1}"]`)).toBeVisible();
  await expect(grid.locator(`[aria-rowindex="${ROWS + 1}"]`)).toContainText(/\S/);
  const lastRowMs = Date.now() - endStarted;

  await page.keyboard.press('Home');
  await expect(grid.locator('[aria-rowindex="2"]')).toHaveText(firstBefore ?? '');
  const sortStarted = Date.now();
  await grid.getByRole('columnheader', { name: /Person/ }).getByRole('button').first().click();
  await expect(grid.getByRole('columnheader', { name: /Person/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('[aria-rowindex="2"]')).not.toHaveText(firstBefore ?? '');
  const sortMs = Date.now() - sortStarted;

  // '<' sorts first: the seed's hostile name must show as literal text, never as markup.
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(grid.locator('img')).toHaveCount(0);

  console.log(JSON.stringify({ rows: ROWS, firstRowsMs, lastRowMs, sortMs }));
});

/** The body rows in DOM order: their 1-based grid row, whether still loading, and their text. */
function bodyRows(grid: Locator) {
  return grid.locator('[role="row"][data-index]').evaluateAll((rows) =>
    rows.map((row) => ({
      rowIndex: Number(row.getAttribute('aria-rowindex')),
      busy: row.getAttribute('aria-busy') === 'true',
      focused: row.classList.contains('mb-dt-row-focused'),
      text: row.textContent ?? '',
    })),
  );
}

test('scrolling keeps or reuses row elements, yet each row shows its own data and focus stays on its row', async ({ page }) => {
  test.setTimeout(180_000);
  const contract = await connectContract(server.origin, server.token);
  const namesAt = async (offset: number, limit: number) => {
    const window = await contract.call('joinRequests.window', {
      offset,
      limit,
      sort: [{ column: 'requestedAt', desc: false }],
      filters: { status: 'pending' },
    });
    if (!window.ok) throw new Error(window.error.message);
    return window.value.rows.map((row) => row.personName);
  };
  /** Waits until the rows on screen are loaded, then checks them against main's window for the same rows. */
  const expectRowsMatchMain = async () => {
    await expect.poll(async () => (await bodyRows(grid)).some((row) => row.busy && !row.focused)).toBe(false);
    const rows = (await bodyRows(grid)).filter((row) => !row.focused || row.rowIndex !== focusedRowIndex);
    const indexes = rows.map((row) => row.rowIndex);
    // One element per row, in the order they are shown (assistive tech reads the DOM order).
    expect(indexes).toEqual(Array.from({ length: rows.length }, (_, k) => indexes[0]! + k));
    const names = await namesAt(indexes[0]! - 2, rows.length);
    rows.forEach((row, k) => expect(row.text).toContain(names[k]));
  };

  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'Join requests' });
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText(/\S/);
  await grid.focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const focusedRowIndex = 4;
  const focused = grid.locator('.mb-dt-row-focused');
  await expect(focused).toHaveAttribute('aria-rowindex', String(focusedRowIndex));
  const kept = await grid.locator('[aria-rowindex="30"]').elementHandle();

  // A short scroll: rows still on screen keep their elements (nothing rebuilt), entering rows show their own data.
  await grid.evaluate((element) => (element.scrollTop += 10 * 28));
  await expectRowsMatchMain();
  expect(await kept!.evaluate((element) => element.isConnected && element.getAttribute('aria-rowindex'))).toBe('30');
  // Focus stayed on its row (scrolled away, still in the DOM for aria-activedescendant), not on an element.
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('aria-rowindex', String(focusedRowIndex));
  await expect(grid).toHaveAttribute('aria-activedescendant', (await focused.getAttribute('id'))!);

  // A jump past the window: the same elements now show other rows, each with its own data.
  await grid.evaluate((element) => (element.scrollTop += 500 * 28));
  await expect.poll(() => kept!.getAttribute('aria-rowindex')).not.toBe('30');
  expect(await kept!.evaluate((element) => element.isConnected)).toBe(true);
  await expectRowsMatchMain();
  await expect(focused).toHaveAttribute('aria-rowindex', String(focusedRowIndex));

  // A fling to the end (compressed scrolling at a million rows), then the last rows are the query's last rows.
  for (let step = 1; step <= 20; step++) {
    await grid.evaluate((element, k) => (element.scrollTop = ((element.scrollHeight - element.clientHeight) * k) / 20), step);
  }
  await expect(grid.locator(`[aria-rowindex="${ROWS + 1}"]`)).toBeVisible();
  await expectRowsMatchMain();
  await expect(focused).toHaveAttribute('aria-rowindex', String(focusedRowIndex));

  // Into the middle, then back up to the focused row by keyboard.
  await grid.evaluate((element) => (element.scrollTop = (element.scrollHeight - element.clientHeight) * 0.37));
  await expectRowsMatchMain();
  await page.keyboard.press('j');
  await expect(focused).toHaveAttribute('aria-rowindex', String(focusedRowIndex + 1));
  await expect(focused).toBeInViewport();
  await expect(focused).not.toHaveAttribute('aria-busy', 'true');
  contract.close();
});
