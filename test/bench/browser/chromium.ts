import type { Browser, BrowserContext } from '@playwright/test';
import { loadPlaywright } from '../support/dev-tools';

export const VIEWPORT = { width: 1400, height: 900 };

/** Debian's Chromium, as the e2e tests run it (Playwright never downloads a browser here). */
export async function launchChromium(): Promise<Browser> {
  return loadPlaywright().chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh profile per measurement: nothing cached from the previous one. */
export const freshContext = (browser: Browser): Promise<BrowserContext> => browser.newContext({ viewport: VIEWPORT });
