import { describe, expect, it } from 'vitest';
import { signalBit } from '../domain/join-request';
import { compileRule, evaluateRule } from './evaluate';
import { communityPath, ruleFacts, type RuleFacts } from './facts';
import type { RuleCondition, RuleDefinition } from './schema';

const DAY = 86_400_000;

const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  answers: ['I love gardening'],
  accountAgeMs: 400 * DAY,
  signals: 0,
  communityId: 'sub',
  communityPath: ['sub', 'parent'],
  platform: 'sandbox',
  ...over,
});

const rule = (...conditions: RuleCondition[]): RuleDefinition => ({ name: 'r', conditions, action: { kind: 'review' } });
const judge = (definition: RuleDefinition, f: RuleFacts) => evaluateRule(compileRule(definition), f);
const holds = (condition: RuleCondition, f: RuleFacts) => judge(rule(condition), f).matched;

describe('evaluateRule', () => {
  it('declines young accounts with a link: the example rule', () => {
    const example = rule({ kind: 'account-age', youngerThanDays: 30 }, { kind: 'signal', signal: 'link-in-answer' });
    const link = signalBit('link-in-answer');
    expect(judge(example, facts({ accountAgeMs: 3 * DAY, signals: link }))).toEqual({ matched: true, failed: [], inconclusive: false });
    expect(judge(example, facts({ accountAgeMs: 300 * DAY, signals: link })).failed).toEqual([0]);
    expect(judge(example, facts({ accountAgeMs: 3 * DAY })).failed).toEqual([1]);
    expect(judge(example, facts()).failed).toEqual([0, 1]);
  });

  it('matches keywords as whole words, ignoring case, accents and punctuation', () => {
    const crypto: RuleCondition = { kind: 'answer-keywords', words: ['crypto', 'Investment'], match: 'any' };
    expect(holds(crypto, facts({ answers: ['', 'Best CRYPTO!!'] }))).toBe(true);
    expect(holds(crypto, facts({ answers: ['cryptocurrency'] }))).toBe(false);
    expect(holds({ kind: 'answer-keywords', words: ['t.me'], match: 'any' }, facts({ answers: ['join t.me/abc'] }))).toBe(true);
    expect(holds({ kind: 'answer-keywords', words: ['leido'], match: 'any' }, facts({ answers: ['Sí, he LEÍDO las normas'] }))).toBe(true);
    const both: RuleCondition = { kind: 'answer-keywords', words: ['free', 'gift'], match: 'all' };
    expect(holds(both, facts({ answers: ['free stuff', 'a gift'] }))).toBe(true);
    expect(holds(both, facts({ answers: ['free stuff'] }))).toBe(false);
  });

  it('matches a pattern in any answer, case-insensitive unless asked', () => {
    const pattern = { kind: 'answer-regex', pattern: 'whats?app\\s*\\+?\\d' } as const;
    expect(holds(pattern, facts({ answers: ['ok', 'WhatsApp +1 555'] }))).toBe(true);
    expect(holds({ ...pattern, caseSensitive: true }, facts({ answers: ['WhatsApp +1 555'] }))).toBe(false);
  });

  it('treats a pattern that runs out of budget as not matching, whichever way it is turned', () => {
    const hostile = { kind: 'answer-regex', pattern: '[a-h]{1,100}z' } as const;
    const answers = ['abcdefgh'.repeat(500)];
    expect(judge(rule(hostile), facts({ answers }))).toEqual({ matched: false, failed: [0], inconclusive: true });
    expect(judge(rule({ ...hostile, not: true }), facts({ answers }))).toEqual({ matched: false, failed: [0], inconclusive: true });
  });

  it('sees empty answers, including a community that asks nothing', () => {
    expect(holds({ kind: 'answers-empty' }, facts({ answers: ['  ', '\n'] }))).toBe(true);
    expect(holds({ kind: 'answers-empty' }, facts({ answers: [] }))).toBe(true);
    expect(holds({ kind: 'answers-empty' }, facts())).toBe(false);
  });

  it('never matches an unknown account age on either bound, but does when turned around', () => {
    expect(holds({ kind: 'account-age', youngerThanDays: 30 }, facts({ accountAgeMs: null }))).toBe(false);
    expect(holds({ kind: 'account-age', atLeastDays: 30 }, facts({ accountAgeMs: null }))).toBe(false);
    expect(holds({ kind: 'account-age', youngerThanDays: 30, not: true }, facts({ accountAgeMs: null }))).toBe(true);
    expect(holds({ kind: 'account-age', atLeastDays: 7, youngerThanDays: 30 }, facts({ accountAgeMs: 7 * DAY }))).toBe(true);
    expect(holds({ kind: 'account-age', atLeastDays: 7, youngerThanDays: 30 }, facts({ accountAgeMs: 30 * DAY }))).toBe(false);
  });

  it('reaches sub-groups only when asked to, and filters by platform', () => {
    expect(holds({ kind: 'community', communityIds: ['parent'], includeSubgroups: true }, facts())).toBe(true);
    expect(holds({ kind: 'community', communityIds: ['parent'], includeSubgroups: false }, facts())).toBe(false);
    expect(holds({ kind: 'platform', platforms: ['telegram', 'sandbox'] }, facts())).toBe(true);
    expect(holds({ kind: 'platform', platforms: ['telegram'], not: true }, facts())).toBe(true);
  });

  it('stops after the failures asked for, and reports them in definition order', () => {
    const three = rule({ kind: 'answer-regex', pattern: 'nope' }, { kind: 'answers-empty' }, { kind: 'signal', signal: 'cluster' });
    expect(evaluateRule(compileRule(three), facts(), 2).failed).toEqual([1, 2]);
    expect(evaluateRule(compileRule(three), facts()).failed).toEqual([0, 1, 2]);
  });
});

describe('ruleFacts', () => {
  it('measures account age at the time of the request and walks the community tree', () => {
    const parents = new Map<string, string | null>([
      ['leaf', 'mid'],
      ['mid', 'root'],
      ['root', null],
    ]);
    const made = ruleFacts(
      { answers: [{ answer: 'x' }], requestedAt: 10 * DAY, accountCreatedAt: 4 * DAY, signals: 3, communityId: 'leaf', platform: 'discord' },
      parents,
    );
    expect(made).toEqual({ answers: ['x'], accountAgeMs: 6 * DAY, signals: 3, communityId: 'leaf', communityPath: ['leaf', 'mid', 'root'], platform: 'discord' });
    expect(ruleFacts({ ...made, answers: [], requestedAt: 1, accountCreatedAt: 0 }, parents).accountAgeMs).toBeNull();
    expect(communityPath('a', new Map([['a', 'b'], ['b', 'a']]))).toEqual(['a', 'b']);
  });
});
