import { describe, expect, it } from 'vitest';
import { countMentions, linkHosts, textMatcher } from './alert-match';
import { alertRuleDefinitionSchema, type AlertMatch } from './alert-rule-schema';

const run = (match: Parameters<typeof textMatcher>[0], body: string) => textMatcher(match)?.(body) ?? null;

describe('alert rule matchers', () => {
  it('finds whole keywords ignoring case, accents and punctuation; "all" needs every one', () => {
    expect(run({ kind: 'keywords', words: ['Airdrop'], match: 'any' }, 'FREE AIRDROP!!!')).toBe('keyword “airdrop”');
    expect(run({ kind: 'keywords', words: ['drop'], match: 'any' }, 'airdrop')).toBeNull();
    expect(run({ kind: 'keywords', words: ['crème', 'brûlée'], match: 'all' }, 'creme brulee tonight')).not.toBeNull();
    expect(run({ kind: 'keywords', words: ['crème', 'brûlée'], match: 'all' }, 'creme only')).toBeNull();
  });

  it('runs patterns in bounded time: a catastrophic pattern on a hostile text just does not match', () => {
    expect(run({ kind: 'regex', pattern: 'wa\\s?\\d{3}' }, 'call WA 555 now')).toBe('pattern /wa\\s?\\d{3}/');
    const started = performance.now();
    expect(run({ kind: 'regex', pattern: '(a+)+$' }, `${'a'.repeat(3000)}!`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('matches link domains and their subdomains, never a look-alike', () => {
    const rule: AlertMatch = { kind: 'link-domains', domains: ['scam.io'] };
    expect(run(rule, 'see https://free.scam.io/claim?x=1')).toBe('link to free.scam.io');
    expect(run(rule, 'see www.scam.io')).toBe('link to scam.io');
    expect(run(rule, 'see https://notscam.io/')).toBeNull();
    expect(run(rule, 'scam.io is bad')).toBeNull();
    expect(linkHosts('join t.me/pump and (https://Example.COM/x)')).toEqual(['t.me', 'example.com']);
  });

  it('counts mentions (not e-mail addresses) against the flood threshold', () => {
    expect(countMentions('@ann @bob hi a@b.com <@123> <@!456>')).toBe(4);
    expect(run({ kind: 'mention-flood', atLeast: 3 }, '@a @b @c look')).toBe('3 mentions');
    expect(run({ kind: 'mention-flood', atLeast: 3 }, '@a @b look')).toBeNull();
  });

  it('leaves repeated text to the store, and refuses an unsafe pattern when the rule is saved', () => {
    expect(textMatcher({ kind: 'repeated-text', communities: 3, withinMinutes: 60 })).toBeNull();
    const parsed = alertRuleDefinitionSchema.safeParse({ name: 'x', match: { kind: 'regex', pattern: '(a)\\1' } });
    expect(parsed.success).toBe(false);
  });
});
