import type { Page } from '@playwright/test';
import type { ProbedCall } from './probe';

/**
 * Where one interaction's time went, from the probe's record of contract calls:
 * the event until the renderer asked main for rows, main's answers, and the last
 * answer until paint; plus every call the page made meanwhile (other calls share
 * main's one read connection, so they can hold the rows up).
 */
export interface CallSplit {
  readonly reactMs: number;
  readonly mainMs: number;
  readonly renderMs: number;
  readonly calls: number;
  /** `name: ms` of every call sent between the event and the paint, in order. */
  readonly meanwhile: string[];
}

export async function splitByCalls(page: Page, name: string, eventAt: number, paintedAt: number): Promise<CallSplit | null> {
  const calls = await page.evaluate(() => window.__bench?.calls ?? []);
  const during = calls.filter((c: ProbedCall) => c.sentAt >= eventAt && c.sentAt <= paintedAt);
  const mine = during.filter((c) => c.name === name);
  const first = mine[0];
  if (!first) return null;
  const lastReply = Math.max(...mine.map((c) => c.repliedAt ?? paintedAt).filter((t) => t <= paintedAt));
  return {
    reactMs: first.sentAt - eventAt,
    mainMs: lastReply - first.sentAt,
    renderMs: paintedAt - lastReply,
    calls: mine.length,
    meanwhile: during.map((c) => `${c.name} sent at +${(c.sentAt - eventAt).toFixed(0)} ms: ${c.repliedAt === null ? 'no answer yet' : `${(c.repliedAt - c.sentAt).toFixed(0)} ms`}`),
  };
}
