import { describe, expect, it } from 'vitest';
import { signalsFromBits } from '@shared/domain/join-request';
import { answersTextOf, clusterKeyOf, firstAnswerOf, hasLink, itemSignals, normalizeAnswer } from './signals';
import { joinRequest, person, T0 } from './testing';

describe('join request signals of one item', () => {
  it('finds links the way spammers write them, not ordinary prose', () => {
    for (const text of ['https://bit.ly/x1', 'join my channel t.me/abc', 'www.free-gift-cards.example/claim?id=1', 'see spam.com now'])
      expect(hasLink(text), text).toBe(true);
    for (const text of ['I love this hobby', 'e.g. hiking, climbing', 'Yes. I read the rules.', 'version 2.0 is out'])
      expect(hasLink(text), text).toBe(false);
  });

  it('normalises answers so copy-pasted variants share a cluster key', () => {
    expect(normalizeAnswer('Hi pls accept!!')).toBe('hi pls accept');
    expect(normalizeAnswer('  hi   PLS accept. ')).toBe('hi pls accept');
    expect(normalizeAnswer('Sí, he leído')).toBe('si he leido');
    const key = (a: string, b = '') => clusterKeyOf([{ question: 'q1', answer: a }, { question: 'q2', answer: b }]);
    expect(key('Hi pls accept!!')).toBe(key('hi pls accept.'));
    expect(key('', ' ')).toBeNull();
  });

  it('marks empty answers, new accounts and declines the platform reports', () => {
    const empty = joinRequest('r1', { answers: [{ question: 'q', answer: '  ' }] });
    expect(signalsFromBits(itemSignals(empty))).toEqual(['empty-answers']);
    const fresh = joinRequest('r2', { person: person('u', { accountCreatedAt: T0 - 3 * 86_400_000, history: { mutualCommunities: 0, priorDeclines: 2, priorRemovals: 0 } }) });
    expect(signalsFromBits(itemSignals(fresh))).toEqual(['new-account', 'declined-elsewhere']);
    expect(itemSignals(joinRequest('r3', { answers: [] }))).toBe(0);
  });

  it('keeps the first non-blank answer and the answers text for search', () => {
    const answers = [
      { question: 'a', answer: '' },
      { question: 'b', answer: 'second' },
      { question: 'c', answer: 'third' },
    ];
    expect(firstAnswerOf(answers)).toBe('second');
    expect(answersTextOf(answers)).toBe('second\nthird');
  });
});
