import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../../store/repositories/testing';
import { ALERT_BACKTEST_BATCH, backtestAlertRule } from './alert-backtest';
import { seedBacktestMessages, seedBody, seedCommunityId, seedFlagStatus, seedMessageId, SEED_COMMUNITIES } from './backtest-seed';

const COUNT = 100_000;
let temp: TempStore;
// Seeded once: every test here only reads (a backtest runs on the read connection).
beforeAll(async () => {
  temp = await openTempStore('modboard-alert-backtest-');
  await seedBacktestMessages(temp.store, COUNT);
}, 120_000);
afterAll(() => temp.cleanup());

/** What the seed says an "airdrop" rule matches: the messages that contain the whole word. */
function expected() {
  const perCommunity = new Map<string, { matched: number; dismissed: number }>();
  const matches: number[] = [];
  for (let i = 0; i < COUNT; i++) {
    if (!/\bairdrop\b/i.test(seedBody(i))) continue;
    matches.push(i);
    const counts = perCommunity.get(seedCommunityId(i)) ?? { matched: 0, dismissed: 0 };
    counts.matched++;
    if (seedFlagStatus(i) === 'dismissed') counts.dismissed++;
    perCommunity.set(seedCommunityId(i), counts);
  }
  return { perCommunity, latest: matches.reverse() };
}

describe('alert-rule backtest over 100,000 stored messages', () => {
  it('counts matches per community exactly, keeps the latest as samples, and sets dismissed matches apart for review', async () => {
    // Turns are counted, not timed: a ticker awaits one setImmediate per event-loop
    // iteration, so it advances each time the backtest yields between batches.
    let turns = 0;
    let running = true;
    const ticker = (async () => {
      while (running) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const result = await backtestAlertRule(temp.store.reader, { name: 'Airdrops', match: { kind: 'keywords', words: ['airdrop'], match: 'any' } });
    running = false;
    await ticker;
    const want = expected();

    expect(result.scanned).toBe(COUNT);
    expect(result.matched).toBe(want.latest.length);
    expect(result.matched).toBe(Math.ceil(COUNT / 13));
    expect(result.perCommunity).toHaveLength(SEED_COMMUNITIES);
    for (const community of result.perCommunity) {
      expect(community.communityName).toBe(`Community ${community.communityId.slice('BTCOM'.length)}`);
      expect({ matched: community.matched, dismissed: community.dismissed }).toEqual(want.perCommunity.get(community.communityId));
    }
    expect(result.dismissed).toBe([...want.perCommunity.values()].reduce((sum, c) => sum + c.dismissed, 0));
    expect(result.samples.map((s) => s.messageId)).toEqual(want.latest.slice(0, 20).map(seedMessageId));
    expect(result.samples[0]).toMatchObject({ what: 'keyword “airdrop”', excerpt: seedBody(want.latest[0]!), communityName: `Community ${want.latest[0]! % SEED_COMMUNITIES}` });
    expect(result.dismissedSamples.map((s) => s.messageId)).toEqual(want.latest.filter((i) => seedFlagStatus(i) === 'dismissed').slice(0, 20).map(seedMessageId));
    expect(result.dismissedSamples.every((s) => s.flagStatus === 'dismissed')).toBe(true);
    // It gave the event loop a turn at least once per batch, so the app kept answering.
    expect(turns).toBeGreaterThanOrEqual(COUNT / ALERT_BACKTEST_BATCH);
  }, 120_000);

  it('finds nothing for a rule nothing matches, and a regex rule agrees with the keyword rule on the same messages', async () => {
    const none = await backtestAlertRule(temp.store.reader, { name: 'None', match: { kind: 'link-domains', domains: ['scam.io'] } });
    expect(none).toMatchObject({ scanned: COUNT, matched: 0, perCommunity: [], samples: [] });
    const regex = await backtestAlertRule(temp.store.reader, { name: 'Regex', match: { kind: 'regex', pattern: 'free airdrop' } });
    expect(regex.matched).toBe(Math.ceil(COUNT / 13));
    expect(regex.samples[0]?.what).toBe('pattern /free airdrop/');
  }, 120_000);
});
