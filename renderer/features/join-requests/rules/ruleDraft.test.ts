import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from '@shared/rules/schema';
import { blankCondition, blankDraft, splitWords, toDefinition, toDraft } from './ruleDraft';
import { describeAction, describeCondition } from './ruleText';

const example: RuleDefinition = {
  name: 'Young accounts with links',
  conditions: [
    { kind: 'account-age', youngerThanDays: 30 },
    { kind: 'signal', signal: 'link-in-answer' },
    { kind: 'answer-keywords', words: ['crypto', 'free gift'], match: 'any', not: true },
    { kind: 'community', communityIds: ['c1'], includeSubgroups: true },
  ],
  action: { kind: 'decline', reasonId: 'R2', ban: true },
};

describe('rule drafts', () => {
  it('round-trip a definition through the form', () => {
    expect(toDefinition(toDraft(example))).toEqual({ ok: true, definition: example });
  });

  it('start as the example rule, waiting for a name and a reason', () => {
    const check = toDefinition(blankDraft());
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join('\n')).toMatch(/Name: .*\n.*Reason/s);
    const named = toDefinition({ ...blankDraft('R1'), name: 'Young links' });
    expect(named).toEqual({
      ok: true,
      definition: {
        name: 'Young links',
        conditions: [
          { kind: 'account-age', youngerThanDays: 30 },
          { kind: 'signal', signal: 'link-in-answer' },
        ],
        action: { kind: 'decline', reasonId: 'R1' },
      },
    });
  });

  it('say which condition has which problem', () => {
    const draft = { ...blankDraft('R1'), name: 'x', conditions: [blankCondition('signal'), { ...blankCondition('answer-regex'), pattern: '(a)\\1' }] };
    const check = toDefinition(draft);
    expect(check).toEqual({ ok: false, problems: ['Condition 2 (Pattern): Backreferences are not supported: they would make matching slow on hostile answers.'] });
    expect(toDefinition({ ...draft, conditions: [{ ...blankCondition('account-age'), youngerThanDays: 'abc' }] }).ok).toBe(false);
  });

  it('split keyword lists on commas', () => {
    expect(splitWords(' spam, crypto,, free gift ')).toEqual(['spam', 'crypto', 'free gift']);
  });
});

describe('rule text', () => {
  it('says each condition and the action in words', () => {
    const name = (id: string) => (id === 'c1' ? 'Hiking club' : id);
    expect(example.conditions.map((c) => describeCondition(c, name))).toEqual([
      'account younger than 30 days when it asked',
      'signal “link in answer”',
      'not: answers contain “crypto” or “free gift”',
      'in Hiking club (with sub-groups)',
    ]);
    expect(describeAction(example.action, [{ id: 'R2', position: 2, label: 'Spam', text: '…' }])).toBe('decline and ban with “Spam”');
    expect(describeAction({ kind: 'review' }, [])).toBe('mark for review');
  });
});
