import { describe, expect, it } from 'vitest';
import { describeMatch, draftToDefinition, EMPTY_DRAFT } from './alertRuleDraft';

describe('the alert rule form', () => {
  it('turns the fields into a definition main accepts', () => {
    expect(draftToDefinition({ ...EMPTY_DRAFT, name: 'Crypto', text: 'airdrop, giveaway\nfree coins' })).toEqual({
      definition: { name: 'Crypto', match: { kind: 'keywords', words: ['airdrop', 'giveaway', 'free coins'], match: 'any' } },
    });
    const domains = draftToDefinition({ ...EMPTY_DRAFT, name: 'Links', kind: 'link-domains', text: 'Scam.io' });
    expect('definition' in domains && describeMatch(domains.definition)).toBe('links to scam.io');
  });

  it('says what is wrong instead, an unsafe pattern included', () => {
    expect(draftToDefinition({ ...EMPTY_DRAFT, text: 'x' })).toEqual({ problem: expect.stringMatching(/^name/) });
    expect(draftToDefinition({ ...EMPTY_DRAFT, name: 'R', kind: 'regex', text: '(a)\\1' })).toEqual({ problem: expect.stringMatching(/Backreferences/) });
  });
});
