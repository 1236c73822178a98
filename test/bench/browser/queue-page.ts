import type { Browser, BrowserContext, Page } from '@playwright/test';
import { freshContext } from './chromium';
import { MODBOARD } from './grid-ui';
import { firstRowsPainted } from './paint';
import { installProbe } from './probe';

export interface QueuePage {
  readonly page: Page;
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** The join-request queue in a fresh profile, with the probe installed, once its first rows are painted. */
export async function openQueue(browser: Browser, url: string, timeoutMs: number): Promise<QueuePage> {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.addInitScript(installProbe, { firstRow: MODBOARD.firstRow });
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await firstRowsPainted(page, timeoutMs);
  return { page, context, close: () => context.close() };
}

/** rAF intervals of a page doing nothing: how evenly this browser paces frames at all. */
export async function idleFrames(browser: Browser, count: number): Promise<number[]> {
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    return await page.evaluate(async (n) => {
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const out: number[] = [];
      let last = await frame();
      for (let k = 0; k < n; k++) {
        const now = await frame();
        out.push(now - last);
        last = now;
      }
      return out;
    }, count);
  } finally {
    await context.close();
  }
}
