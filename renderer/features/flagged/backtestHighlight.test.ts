import { describe, expect, it } from 'vitest';
import { highlightPieces } from './backtestHighlight';

const marked = (text: string, match: Parameters<typeof highlightPieces>[1]) =>
  highlightPieces(text, match)
    .filter((p) => p.marked)
    .map((p) => p.text);

describe('highlightPieces', () => {
  it('marks whole keywords ignoring case, and joins back to the text', () => {
    const text = 'FREE Airdrop! airdropping now, airdrop.';
    expect(marked(text, { kind: 'keywords', words: ['airdrop'], match: 'any' })).toEqual(['Airdrop', 'airdrop']);
    expect(
      highlightPieces(text, { kind: 'keywords', words: ['airdrop'], match: 'any' })
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });

  it('treats keywords as text, not patterns', () => {
    expect(marked('price (a+)+ now', { kind: 'keywords', words: ['(a+)+'], match: 'any' })).toEqual(['(a+)+']);
  });

  it('marks domains and mentions; leaves regex and repeated-text rules unmarked', () => {
    expect(marked('go to https://sub.Scam.example/x', { kind: 'link-domains', domains: ['scam.example'] })).toEqual(['Scam.example']);
    expect(marked('@ann @bob hi <@123>', { kind: 'mention-flood', atLeast: 2 })).toEqual(['@ann', '@bob', '<@123>']);
    expect(highlightPieces('abc', { kind: 'regex', pattern: 'b' })).toEqual([{ text: 'abc', marked: false }]);
    expect(highlightPieces('', { kind: 'repeated-text', communities: 2, withinMinutes: 5 })).toEqual([{ text: '', marked: false }]);
  });
});
