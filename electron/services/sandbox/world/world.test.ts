import { describe, expect, it, vi } from 'vitest';
import { HOSTILE_NAMES, OTHER_ADMINS } from '../text/names';
import { encodeCursor } from './feed-cursor';
import { CONTEXT_EACH_SIDE } from './reports';
import { NO_TRICKLE, type TrickleRates } from './trickle';
import { SandboxWorld, type WorldOptions } from './world';

const EPOCH = Date.UTC(2026, 7, 1);
const world = (options: Partial<WorldOptions> = {}) =>
  new SandboxWorld({ seed: 7, volume: 2_000, epochMs: EPOCH, startedAt: EPOCH, trickle: NO_TRICKLE, ...options });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('determinism', () => {
  it('builds the same world from the same seed, and another from another seed', () => {
    const a = world();
    const b = world();
    expect(b.communities).toEqual(a.communities);
    expect(range(300).map((i) => b.joinRequests.get(i))).toEqual(range(300).map((i) => a.joinRequests.get(i)));
    expect(range(30).map((i) => b.reports.get(i))).toEqual(range(30).map((i) => a.reports.get(i)));
    const other = world({ seed: 'another seed' });
    expect(range(50).map((i) => other.joinRequests.get(i).person.displayName)).not.toEqual(range(50).map((i) => a.joinRequests.get(i).person.displayName));
  });

  it('plays the trickle as a function of elapsed time only', () => {
    const rates: TrickleRates = { joinRequestsPerMinute: 30, reportsPerMinute: 6, handledElsewherePerMinute: 12, withdrawalsPerMinute: 6, messagesPerMinute: 20 };
    const stepwise = world({ trickle: rates });
    for (let t = 0; t <= 10 * 60_000; t += 7_001) stepwise.advanceTo(EPOCH + t);
    stepwise.advanceTo(EPOCH + 10 * 60_000);
    const atOnce = world({ trickle: rates });
    atOnce.advanceTo(EPOCH + 10 * 60_000);
    expect(atOnce.summary()).toEqual(stepwise.summary());
    expect(atOnce.joinRequests.size).toBe(2_000 + 300);
    expect(atOnce.reports.size - 300).toBe(60);
    const added = range(300).map((i) => atOnce.joinRequests.get(2_000 + i));
    expect(added).toEqual(range(300).map((i) => stepwise.joinRequests.get(2_000 + i)));
    expect(added.every((r, i) => i === 0 || r.requestedAt >= (added[i - 1]?.requestedAt ?? 0))).toBe(true);
  });
});

describe('communities', () => {
  const { communities } = world();

  it('forms trees: big communities with an announcements channel and 3-10 sub-groups', () => {
    expect(communities.length).toBeGreaterThanOrEqual(30);
    expect(communities.length).toBeLessThanOrEqual(50);
    const tops = communities.filter((c) => c.kind === 'community');
    expect(tops.length).toBeGreaterThanOrEqual(3);
    for (const top of tops) {
      const children = communities.filter((c) => c.parentId === top.id);
      expect(children.filter((c) => c.kind === 'announcements')).toHaveLength(1);
      const groups = children.filter((c) => c.kind === 'group').length;
      expect(groups).toBeGreaterThanOrEqual(3);
      expect(groups).toBeLessThanOrEqual(10);
    }
  });

  it('has standalone groups with screening questions, a forum, several languages and rules links', () => {
    const standalone = communities.filter((c) => c.parentId === null && c.kind === 'group');
    expect(standalone.length).toBeGreaterThanOrEqual(6);
    expect(standalone.every((c) => c.screeningQuestions.length >= 1 && c.screeningQuestions.length <= 3)).toBe(true);
    expect(communities.some((c) => c.kind === 'forum')).toBe(true);
    expect(new Set(communities.map((c) => c.language)).size).toBeGreaterThanOrEqual(3);
    expect(communities.some((c) => c.rulesUrl !== null)).toBe(true);
    expect(communities.some((c) => c.name.includes('<img'))).toBe(true);
  });
});

describe('join requests', () => {
  const w = world();
  const all = range(2_000).map((i) => w.joinRequests.get(i));
  const answers = all.flatMap((r) => r.answers.map((a) => a.answer));

  it('include empty answers, links, copy-pasted spam and hostile names', () => {
    expect(answers.filter((a) => a === '').length).toBeGreaterThan(20);
    expect(answers.filter((a) => /https?:\/\/|t\.me\/|www\./.test(a)).length).toBeGreaterThan(10);
    const counts = new Map<string, number>();
    for (const a of answers) if (a.length > 40) counts.set(a, (counts.get(a) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(5);
    const hostile = all.filter((r) => HOSTILE_NAMES.includes(r.person.displayName));
    expect(hostile.length).toBeGreaterThan(5);
  });

  it('contain a raid: near-identical requests from new accounts to one group within minutes', () => {
    const raid = all.filter((r) => /^hi pl[sz] accept/i.test(r.answers[0]?.answer ?? ''));
    expect(raid.length).toBeGreaterThanOrEqual(12);
    expect(new Set(raid.map((r) => r.communityId)).size).toBe(1);
    const times = raid.map((r) => r.requestedAt);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(10 * 60_000);
    expect(raid.every((r) => EPOCH - r.person.createdAt < 3 * 86_400_000)).toBe(true);
  });

  it('lie in the two weeks before the epoch, older indices older', () => {
    expect(all.every((r) => r.requestedAt <= EPOCH && r.requestedAt > EPOCH - 15 * 86_400_000)).toBe(true);
    expect((all[0]?.requestedAt ?? 0) < (all[1_999]?.requestedAt ?? 0)).toBe(true);
  });
});

describe('reports', () => {
  const w = world();

  it('carry 20 messages of context from the same conversation, in order, with reply chains', () => {
    for (const index of range(40)) {
      const report = w.reports.get(index);
      const conversation = [...report.before, report.message, ...report.after];
      expect(report.before).toHaveLength(CONTEXT_EACH_SIDE);
      expect(report.after).toHaveLength(CONTEXT_EACH_SIDE);
      expect(new Set(conversation.map((m) => m.conversationId)).size).toBe(1);
      expect(new Set(conversation.map((m) => m.communityId))).toEqual(new Set([report.message.communityId]));
      expect(conversation.every((m, i) => i === 0 || m.sentAt > (conversation[i - 1]?.sentAt ?? 0))).toBe(true);
      expect(conversation.every((m) => m.sentAt < report.reportedAt)).toBe(true);
      const ids = new Set(conversation.map((m) => m.id));
      expect(conversation.every((m) => m.replyTo === null || ids.has(m.replyTo))).toBe(true);
    }
    const replies = range(40).flatMap((i) => w.reports.get(i).after.filter((m) => m.replyTo !== null));
    expect(replies.length).toBeGreaterThan(40);
  });

  it('sometimes report the same message twice', () => {
    expect(w.reports.get(4).message).toEqual(w.reports.get(3).message);
    expect(w.reports.get(4).id).not.toBe(w.reports.get(3).id);
  });

  it('resolve once; "another admin" shows as the handler', () => {
    expect(w.handleElsewhere('reports', 10, EPOCH)).toBe(true);
    const handled = w.reports.get(10);
    expect(handled.status).toBe('resolved');
    expect(OTHER_ADMINS).toContain(handled.handledBy?.name);
    expect(w.resolveReport(10, 'dismissed', null, { name: 'me', at: EPOCH }).kind).toBe('already-handled');
  });
});

describe('a million-item world', () => {
  it('serves a page from deep in the backlog without building the rest', () => {
    const big = world({ volume: 1_000_000 });
    // Counted, not timed (speed targets live in test/bench): the page builds its own 1,000 items and nothing before them.
    const built = vi.spyOn(big.joinRequests, 'get');
    const cursor = encodeCursor(big.id, { phase: 'backlog', next: 999_000, end: 1_000_000, since: 0 });
    const page = big.joinRequests.page(cursor, 1_000);
    expect('items' in page && page.items.map((r) => r.id).at(-1)).toBe('jr_999999');
    expect(built).toHaveBeenCalledTimes(1_000);
    expect(built.mock.calls.every(([index]) => index >= 999_000)).toBe(true);
    expect(big.reports.size).toBe(150_000);
  });

  it('refuses volumes beyond a million', () => {
    expect(() => world({ volume: 1_000_001 })).toThrow(RangeError);
  });
});
