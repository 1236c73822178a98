import type { Page } from '@playwright/test';
import { eventAt, textOf, untilChanged } from './paint';

export interface KeyPress {
  /** Key down to the next row painted in the focused row's place. */
  readonly focusMs: number;
  /** Key down to main's answer to the decision (committed, outbox row written). */
  readonly appliedMs: number;
}

const focusedRowSelector = (page: Page) =>
  page.evaluate(() => {
    const id = document.querySelector('[role="grid"]')?.getAttribute('aria-activedescendant');
    return id ? `#${CSS.escape(id)}` : null;
  });

/** Presses `a` (approve) on the focused row and times both the optimistic move and main's answer. */
export async function approveFocused(page: Page, timeoutMs: number): Promise<KeyPress> {
  const selector = await focusedRowSelector(page);
  if (!selector) throw new Error('no focused row');
  const before = await textOf(page, selector);
  const painted = untilChanged(page, selector, before, timeoutMs);
  await page.keyboard.press('a');
  const focusAt = await painted;
  const keyAt = await eventAt(page, 'keydown');
  const reply = await page.waitForFunction(
    (after) => window.__bench?.calls.find((c) => c.name === 'joinRequests.decide' && c.sentAt >= after)?.repliedAt ?? null,
    keyAt,
    { timeout: timeoutMs, polling: 'raf' },
  );
  const repliedAt = (await reply.jsonValue()) as number;
  return { focusMs: focusAt - keyAt, appliedMs: repliedAt - keyAt };
}
