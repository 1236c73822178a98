import type { Browser } from '@playwright/test';
import { startServer } from '../support/browser-mode';
import { freshContext } from './chromium';
import { MODBOARD } from './grid-ui';
import { firstRowsPainted } from './paint';
import { installProbe } from './probe';

export interface ColdStart {
  /** Process spawn to the line with the address. */
  readonly serverMs: number;
  /** Navigation start to DOMContentLoaded (the renderer's bundle loaded and run). */
  readonly domMs: number;
  /** Navigation start to the first rows painted. */
  readonly pageMs: number;
  /** The two together: the bench's own gap between them (Playwright opening the page) is left out. */
  readonly totalMs: number;
}

/** Browser mode started on the backlog's data folder, the queue opened in a fresh browser profile. */
export async function coldStart(browser: Browser, root: string, dataDir: string, timeoutMs: number): Promise<ColdStart> {
  const server = await startServer(root, dataDir);
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, { firstRow: MODBOARD.firstRow });
    await page.goto(server.url, { waitUntil: 'commit', timeout: timeoutMs });
    const pageMs = await firstRowsPainted(page, timeoutMs);
    const domMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? 0);
    return { serverMs: server.readyMs, domMs, pageMs, totalMs: server.readyMs + pageMs };
  } finally {
    await context.close();
    await server.stop();
  }
}
