import { describe, expect, it } from 'vitest';
import { ruleDefinitionSchema } from './schema';

const valid = {
  name: 'Young accounts with links',
  conditions: [
    { kind: 'account-age', youngerThanDays: 30 },
    { kind: 'signal', signal: 'link-in-answer' },
  ],
  action: { kind: 'decline', reasonId: '01JREASON0000000000000003' },
};

const issues = (value: unknown) => {
  const parsed = ruleDefinitionSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('ruleDefinitionSchema', () => {
  it('takes the example rule and trims its name', () => {
    expect(ruleDefinitionSchema.parse({ ...valid, name: '  Young accounts with links ' }).name).toBe('Young accounts with links');
  });

  it('fails closed on unknown fields, kinds, signals and platforms', () => {
    expect(issues({ ...valid, extra: 1 })).not.toEqual([]);
    expect(issues({ ...valid, conditions: [{ kind: 'sql', where: '1=1' }] })).not.toEqual([]);
    expect(issues({ ...valid, conditions: [{ kind: 'signal', signal: 'evil' }] })).not.toEqual([]);
    expect(issues({ ...valid, conditions: [{ kind: 'platform', platforms: ['myspace'] }] })).not.toEqual([]);
    expect(issues({ ...valid, action: { kind: 'ban-everyone' } })).not.toEqual([]);
    expect(issues({ ...valid, action: { kind: 'decline' } })).not.toEqual([]);
  });

  it('needs at least one condition and at most ten', () => {
    expect(issues({ ...valid, conditions: [] })).not.toEqual([]);
    expect(issues({ ...valid, conditions: Array.from({ length: 11 }, () => ({ kind: 'answers-empty' })) })).not.toEqual([]);
  });

  it('says which pattern is unsafe or broken, and why', () => {
    expect(issues({ ...valid, conditions: [{ kind: 'answer-regex', pattern: '(a)\\1' }] })).toEqual([
      'conditions.0.pattern: Backreferences are not supported: they would make matching slow on hostile answers.',
    ]);
    expect(issues({ ...valid, conditions: [{ kind: 'answer-regex', pattern: '((a{100}){100}){100}' }] })[0]).toMatch(/too complex/);
    expect(issues({ ...valid, conditions: [{ kind: 'answer-regex', pattern: 'x'.repeat(301) }] })).not.toEqual([]);
  });

  it('refuses an account-age condition that can never hold or says nothing', () => {
    expect(issues({ ...valid, conditions: [{ kind: 'account-age' }] })[0]).toMatch(/younger than/);
    expect(issues({ ...valid, conditions: [{ kind: 'account-age', youngerThanDays: 7, atLeastDays: 30 }] })[0]).toMatch(/nothing can match/);
  });

  it('bounds keyword lists and their words', () => {
    expect(issues({ ...valid, conditions: [{ kind: 'answer-keywords', words: [' '], match: 'any' }] })).not.toEqual([]);
    expect(issues({ ...valid, conditions: [{ kind: 'answer-keywords', words: Array(51).fill('w'), match: 'any' }] })).not.toEqual([]);
  });
});
