import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserMode } from './support/browser-mode';

let app: BrowserMode;
let other: Server;
let otherOrigin: string;

test.beforeAll(async () => {
  app = await startBrowserMode({ args: ['--no-sync'] });
  // Another origin on the same machine: what a hostile local page or a DNS-rebound site would be.
  other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other</title>'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => other.close(resolve));
});

test('a page on another origin in the same browser cannot call the browser-mode API', async ({ page }) => {
  // The session cookie is in this browser: the attacker's page runs right beside the console.
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await page.goto(otherOrigin);
  const attempt = await page.evaluate(async (target) => {
    const socket = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${target.replace('http', 'ws')}/ws`);
      ws.onopen = () => {
        ws.send(JSON.stringify({ id: 1, name: 'connections.list', payload: {} }));
        ws.onmessage = (event) => resolve(`answered: ${String(event.data).slice(0, 80)}`);
      };
      ws.onerror = () => resolve('refused');
      setTimeout(() => resolve('timeout'), 3000);
    });
    const read = await fetch(`${target}/`, { credentials: 'include' }).then(
      (response) => `read ${response.status}`,
      () => 'blocked',
    );
    return { socket, read };
  }, app.origin);
  expect(attempt.socket).toBe('refused');
  expect(attempt.read).toBe('blocked');
});
