import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSafeRegex, MAX_REGEX_INPUT, regexProblem } from './index';

const BUDGET = 1_000_000;
const search = (pattern: string, text: string, caseSensitive = true) => compileSafeRegex(pattern, { caseSensitive }).search(text, BUDGET);

describe('compileSafeRegex', () => {
  it.each([
    ['hello', 'say hello there', 'match'],
    ['^hello', 'say hello', 'no-match'],
    ['hello$', 'say hello', 'match'],
    ['colou?r', 'the color red', 'match'],
    ['a{2,3}b', 'xaab', 'match'],
    ['a{3}b', 'aab', 'no-match'],
    ['(cat|dog)s?\\b', 'two dogs here', 'match'],
    ['[0-9]{3}-[0-9]{4}', 'call 555-0100 now', 'match'],
    ['[^a-z ]', 'only lower case', 'no-match'],
    ['\\bt\\.me/\\w+', 'join t.me/abc', 'match'],
    ['https?://\\S+', 'see https://x.example', 'match'],
    ['(?:ab)+c', 'ababababc', 'match'],
    ['(?<word>ab)c', 'abc', 'match'],
    ['\\d+%', '300% return', 'match'],
    ['^$', '', 'match'],
    ['x*', '', 'match'],
    ['.', '\n', 'no-match'],
    ['^\\wber$', 'Über', 'match'],
    ['\\bber', 'Über', 'no-match'],
    ['[]', 'anything', 'no-match'],
    ['a{', 'a{', 'match'],
  ] as const)('%s on %j: %s', (pattern, text, expected) => {
    expect(search(pattern, text)).toBe(expected);
  });

  it('ignores case unless asked not to, beyond ASCII too', () => {
    expect(search('CRYPTO', 'best crypto deals', false)).toBe('match');
    expect(search('CRYPTO', 'best crypto deals', true)).toBe('no-match');
    expect(search('élodie', 'ÉLODIE', false)).toBe('match');
    expect(search('[a-c]x', 'BX', false)).toBe('match');
  });

  it('agrees with JavaScript on patterns both support', () => {
    const atom = fc.constantFrom('a', 'b', 'c', '.', '[ab]', '[^a]', '\\d', '\\w', '\\s', '(a|b)', '(?:ab|c)', '\\b', '^', '$');
    const quant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,}');
    const piece = fc.tuple(atom, quant).map(([a, q]) => (a === '\\b' || a === '^' || a === '$' ? a : a + q));
    const pattern = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', ' ', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(pattern, text, (p, t) => {
        expect(search(p, t), `${p} on ${JSON.stringify(t)}`).toBe(new RegExp(p).test(t) ? 'match' : 'no-match');
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    ['(a)\\1', /Backreferences/],
    ['(?=a)', /Lookahead/],
    ['(?<!a)b', /lookbehind/],
    ['\\p{L}', /property/],
    ['*a', /Nothing to repeat/],
    ['a**', /another quantifier/],
    ['(ab', /closing "\)"/],
    ['ab)', /Unmatched/],
    ['[ab', /closing "\]"/],
    ['a{5,2}', /must not be smaller/],
    ['a{1000}', /above 100/],
    ['((a{100}){100}){100}', /too complex/],
    ['\\q', /Unknown escape/],
    ['x'.repeat(301), /at most 300/],
  ])('refuses %s', (pattern, message) => {
    expect(regexProblem(pattern)).toMatch(message);
  });
});

describe('hostile patterns and answers', () => {
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };

  it.each(['(a+)+$', '(a|a)*b', '(a|aa)+$', '(.*a){12}', '(\\w+\\s?)*$', '^(a?){30}a{30}$'])(
    'matches %s against a long adversarial answer in linear time',
    (pattern) => {
      const answer = 'a'.repeat(3_000) + '!';
      const regex = compileSafeRegex(pattern, { caseSensitive: true });
      const ms = time(() => regex.search(answer, 10_000_000));
      expect(ms).toBeLessThan(1_000);
    },
  );

  it('stops at its budget instead of running on', () => {
    const regex = compileSafeRegex('(a|b|c|d|e|f){1,100}z', { caseSensitive: true });
    expect(regex.search('abcdef'.repeat(600), 5_000)).toBe('over-budget');
  });

  it('looks at the first MAX_REGEX_INPUT characters of a 100 KB answer only', () => {
    const huge = 'x'.repeat(100_000) + 'needle';
    expect(search('needle', huge)).toBe('no-match');
    expect(search('needle', 'x'.repeat(MAX_REGEX_INPUT - 6) + 'needle')).toBe('match');
  });

  it('handles zero-width and bidi characters as ordinary characters', () => {
    expect(search('free\u200Bgift', 'a free\u200Bgift')).toBe('match');
    expect(search('gift', '\u202Etfig\u202C')).toBe('no-match');
  });
});
