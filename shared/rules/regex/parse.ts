import { RegexSyntaxError, type CharSet, type RegexNode } from './ast';

export const MAX_PATTERN_LENGTH = 300;
/** `{n,m}` bounds above this are refused: each copy is part of the compiled program. */
export const MAX_REPEAT = 100;

const CLASS_ESCAPES: Readonly<Record<string, CharSet['classes'][number]>> = {
  d: { name: 'digit', negated: false },
  D: { name: 'digit', negated: true },
  w: { name: 'word', negated: false },
  W: { name: 'word', negated: true },
  s: { name: 'space', negated: false },
  S: { name: 'space', negated: true },
};

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };

const single = (c: number): CharSet => ({ negated: false, ranges: [[c, c]], classes: [] });
const ANY: CharSet = { negated: false, ranges: [], classes: [], dot: true };

/**
 * Parses the rule pattern language: JavaScript regular expression syntax without the
 * features that need backtracking. Supported: literals, `.`, classes `[a-z]` `[^…]`,
 * `\d \w \s` (and negations), `\b \B`, `^ $`, groups `(…)` `(?:…)` `(?<name>…)`,
 * alternation, and `* + ? {n} {n,} {n,m}` (lazy forms accepted; they match the same).
 * Refused with a message: backreferences, lookahead and lookbehind, `\p{…}`.
 */
export function parseRegex(pattern: string): RegexNode {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new RegexSyntaxError(`A pattern may be at most ${MAX_PATTERN_LENGTH} characters long.`, MAX_PATTERN_LENGTH);
  const chars = Array.from(pattern, (ch) => ch.codePointAt(0) ?? 0);
  let i = 0;
  const peek = () => (i < chars.length ? String.fromCodePoint(chars[i]!) : '');
  const fail = (message: string): never => {
    throw new RegexSyntaxError(message, i);
  };

  function alternation(): RegexNode {
    const options = [sequence()];
    while (peek() === '|') {
      i++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  function sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (i < chars.length && peek() !== '|' && peek() !== ')') items.push(quantified());
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  function quantified(): RegexNode {
    const node = atom();
    const bounds = quantifier();
    if (!bounds) return node;
    if (node.type === 'assert') fail('An anchor or \\b cannot be repeated.');
    if (peek() === '?') i++;
    if (quantifierAhead()) fail('A quantifier cannot follow another quantifier.');
    return { type: 'repeat', node, min: bounds[0], max: bounds[1] };
  }

  function quantifierAhead(): boolean {
    const saved = i;
    const found = quantifier() !== null;
    i = saved;
    return found;
  }

  function quantifier(): [number, number] | null {
    const c = peek();
    if (c === '*' || c === '+' || c === '?') {
      i++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    if (c !== '{') return null;
    const match = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(String.fromCodePoint(...chars.slice(i, i + 12)));
    // As in JavaScript, a brace that does not form a quantifier is a literal.
    if (!match) return null;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (max < min) fail('In {n,m}, m must not be smaller than n.');
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) fail(`Repetition counts above ${MAX_REPEAT} are not supported.`);
    i += match[0].length;
    return [min, max];
  }

  function atom(): RegexNode {
    const c = peek();
    switch (c) {
      case '(':
        return group();
      case '[':
        return { type: 'char', set: charClass() };
      case '.':
        i++;
        return { type: 'char', set: ANY };
      case '^':
        i++;
        return { type: 'assert', kind: 'start' };
      case '$':
        i++;
        return { type: 'assert', kind: 'end' };
      case '\\':
        return escape();
      case '*':
      case '+':
      case '?':
        return fail('Nothing to repeat: escape the character (\\' + c + ') to match it literally.');
      default:
        if (c === '{' && quantifierAhead()) fail('Nothing to repeat before {…}.');
        i++;
        return { type: 'char', set: single(chars[i - 1]!) };
    }
  }

  function group(): RegexNode {
    i++;
    if (peek() === '?') {
      const head = String.fromCodePoint(...chars.slice(i, i + 3));
      if (head.startsWith('?:')) i += 2;
      else if (head === '?<=' || head === '?<!' || head.startsWith('?=') || head.startsWith('?!'))
        fail('Lookahead and lookbehind are not supported: they would make matching slow on hostile answers.');
      else if (head.startsWith('?<')) {
        const close = chars.indexOf(62, i);
        if (close < 0) fail('A named group needs a closing ">".');
        i = close + 1;
      } else fail('Unknown group type after "(?".');
    }
    const inner = alternation();
    if (peek() !== ')') fail('A group is missing its closing ")".');
    i++;
    return inner;
  }

  function escape(): RegexNode {
    i++;
    const c = peek();
    if (c === '') fail('The pattern ends with a lone backslash.');
    if (c === 'b' || c === 'B') {
      i++;
      return { type: 'assert', kind: c === 'b' ? 'word-boundary' : 'not-word-boundary' };
    }
    return { type: 'char', set: escapedSet(false) };
  }

  /** After a backslash, at the escaped character. */
  function escapedSet(inClass: boolean): CharSet {
    const c = peek();
    const cls = CLASS_ESCAPES[c];
    if (cls) {
      i++;
      return { negated: false, ranges: [], classes: [cls] };
    }
    if (inClass && c === 'b') {
      i++;
      return single(8);
    }
    if (/^[1-9]$/.test(c) || c === 'k') fail('Backreferences are not supported: they would make matching slow on hostile answers.');
    if (c === 'p' || c === 'P') fail('Unicode property escapes (\\p{…}) are not supported; \\w already matches letters of every script.');
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) {
      i++;
      return single(control);
    }
    if (c === 'u' || c === 'x') {
      const digits = c === 'u' ? 4 : 2;
      const hex = String.fromCodePoint(...chars.slice(i + 1, i + 1 + digits));
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) fail(`\\${c} needs ${digits} hexadecimal digits.`);
      i += 1 + digits;
      return single(parseInt(hex, 16));
    }
    if (/^[A-Za-z0-9]$/.test(c)) fail(`Unknown escape \\${c}.`);
    i++;
    return single(chars[i - 1]!);
  }

  function classAtom(): CharSet {
    if (peek() === '\\') {
      i++;
      if (peek() === '') fail('The pattern ends with a lone backslash.');
      return escapedSet(true);
    }
    i++;
    return single(chars[i - 1]!);
  }

  function charClass(): CharSet {
    i++;
    const negated = peek() === '^';
    if (negated) i++;
    const ranges: [number, number][] = [];
    const classes: CharSet['classes'][number][] = [];
    while (peek() !== ']') {
      if (i >= chars.length) fail('A character class is missing its closing "]".');
      const from = classAtom();
      const isRange = peek() === '-' && i + 1 < chars.length && String.fromCodePoint(chars[i + 1]!) !== ']';
      if (!isRange) {
        ranges.push(...(from.ranges as [number, number][]));
        classes.push(...from.classes);
        continue;
      }
      i++;
      const to = classAtom();
      const lo = from.ranges[0]?.[0];
      const hi = to.ranges[0]?.[0];
      if (from.classes.length > 0 || to.classes.length > 0 || lo === undefined || hi === undefined) fail('A range cannot start or end with \\d, \\w or \\s.');
      if (hi! < lo!) fail('A range is out of order (e.g. z-a).');
      ranges.push([lo!, hi!]);
    }
    i++;
    return { negated, ranges, classes };
  }

  const tree = alternation();
  if (i < chars.length) fail('Unmatched ")".');
  return tree;
}
