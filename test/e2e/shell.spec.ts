import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';

let server: BrowserMode;
test.beforeAll(async () => {
  server = await startBrowserMode({ args: ['--no-sync'] });
});
test.afterAll(async () => server.stop());

test('without the launch token the server answers 401 and serves nothing else', async ({ request }) => {
  for (const path of ['/', '/index.html', '/assets/', '/ws', '/?token=wrong']) {
    const response = await request.get(`${server.origin}${path}`, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(await response.text()).not.toContain('<script');
  }
});

test('the printed URL opens the console shell with its navigation and the Communities table', async ({ page }) => {
  await page.goto(server.url);
  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const view of ['Join requests', 'Flagged', 'Announcements', 'Communities', 'Activity', 'Settings']) {
    await expect(nav.getByRole('button', { name: new RegExp(`^${view}`) })).toBeVisible();
  }
  await nav.getByRole('button', { name: /^Communities/ }).click();
  await expect(page.getByRole('heading', { name: 'Communities' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Communities' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /Community/ })).toBeVisible();
  expect(page.url()).not.toContain('token=');
});

test('keyboard: g c switches views and ? lists every shortcut', async ({ page }) => {
  await page.goto(server.url);
  await page.locator('body').press('g');
  await page.locator('body').press('c');
  await expect(page.getByRole('heading', { name: 'Communities' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Go to Join requests');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a malformed payload on a contract call returns a typed error and the server keeps serving', async ({ page }) => {
  await page.goto(server.url);
  const answers = await page.evaluate(async () => {
    const socket = new WebSocket(`ws://${location.host}/ws`);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    const replies: unknown[] = [];
    socket.addEventListener('message', (event) => replies.push(JSON.parse(String(event.data))));
    socket.send(JSON.stringify({ id: 1, name: 'joinRequests.window', payload: { offset: -5, limit: 1e9 } }));
    socket.send(JSON.stringify({ id: 2, name: 'no.such.call', payload: {} }));
    socket.send('not json at all');
    socket.send(JSON.stringify({ id: 3, name: 'app.info', payload: {} }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    return replies;
  });
  expect(answers).toContainEqual(expect.objectContaining({ id: 1, result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) }) }));
  expect(answers).toContainEqual(expect.objectContaining({ id: 2, result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'unknown-method' }) }) }));
  expect(answers).toContainEqual(expect.objectContaining({ id: 3, result: expect.objectContaining({ ok: true }) }));
  expect(server.child.exitCode).toBeNull();
});
