/**
 * The pattern language of rule conditions, as a tree: a subset of JavaScript regular
 * expressions that can always be matched in linear time (no backreferences, no
 * lookaround). See `parse.ts` for the syntax and `run.ts` for the matcher.
 */
export type CharClassName = 'digit' | 'word' | 'space';

export interface CharSet {
  readonly negated: boolean;
  /** Inclusive code point ranges. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly classes: readonly { readonly name: CharClassName; readonly negated: boolean }[];
  /** `.`: anything but a line break (ranges and classes are then empty). */
  readonly dot?: boolean;
}

export type AssertionKind = 'start' | 'end' | 'word-boundary' | 'not-word-boundary';

export type RegexNode =
  | { readonly type: 'empty' }
  | { readonly type: 'char'; readonly set: CharSet }
  | { readonly type: 'assert'; readonly kind: AssertionKind }
  | { readonly type: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alt'; readonly options: readonly RegexNode[] }
  /** `max` is Infinity for `*`, `+` and `{n,}`. */
  | { readonly type: 'repeat'; readonly node: RegexNode; readonly min: number; readonly max: number };

/** A pattern the rule language refuses, with a message a moderator can act on. */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'RegexSyntaxError';
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const WORD = /[\p{L}\p{N}_]/u;
const SPACE = /\s/;

/** `\w` is Unicode-aware (letters and digits of any script, and `_`): answers come in every language. */
export function isWordChar(c: number): boolean {
  if (c < 128) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD.test(String.fromCodePoint(c));
}

function inClass(name: CharClassName, c: number): boolean {
  switch (name) {
    case 'digit':
      return isDigit(c);
    case 'word':
      return isWordChar(c);
    case 'space':
      return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCodePoint(c)));
  }
}

const LINE_BREAKS = new Set([10, 13, 0x2028, 0x2029]);

export function inSet(set: CharSet, c: number): boolean {
  if (set.dot) return !LINE_BREAKS.has(c);
  const hit = set.ranges.some(([lo, hi]) => c >= lo && c <= hi) || set.classes.some((k) => inClass(k.name, c) !== k.negated);
  return hit !== set.negated;
}
