import type { Page } from '@playwright/test';

/** The trimmed text of the first element matching `selector` ('' when none). */
export const textOf = (page: Page, selector: string): Promise<string> =>
  page.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? '', selector);

/**
 * Resolves, on the page's clock and after paint, at the first frame in which the element
 * matching `selector` is loaded (not aria-busy), has text, and that text is not `before`.
 * Start it before the action it waits for; it polls once per frame.
 */
export function untilChanged(page: Page, selector: string, before: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ selector, before, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const tick = () => {
          const el = document.querySelector(selector);
          const text = el?.textContent?.trim() ?? '';
          if (el && el.getAttribute('aria-busy') !== 'true' && text !== '' && text !== before) {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(0);
          } else if (performance.now() > deadline) reject(new Error(`${selector} did not change from "${before.slice(0, 80)}" in ${timeoutMs} ms`));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, before, timeoutMs },
  );
}

/** Waits (polling from Node) until the probe has seen the first rows painted; returns that time on the page's clock. */
export async function firstRowsPainted(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(() => window.__bench?.firstRowsAt ?? null, undefined, { timeout: timeoutMs, polling: 50 });
  return (await handle.jsonValue()) as number;
}

/** When the last event of `type` happened, on the page's clock. */
export const eventAt = (page: Page, type: string): Promise<number> =>
  page.evaluate((t) => window.__bench?.events[t] ?? Number.NaN, type);
