import { RegexSyntaxError } from './ast';
import { compileProgram, type Instruction } from './compile';
import { parseRegex } from './parse';
import { runProgram, type RunOutcome } from './run';

export { RegexSyntaxError } from './ast';
export { MAX_PATTERN_LENGTH } from './parse';
export type { RunOutcome } from './run';

/** Longer answers are searched in their first this-many characters (a 100 KB answer costs no more). */
export const MAX_REGEX_INPUT = 4_000;

export interface SafeRegex {
  readonly pattern: string;
  /** Whether the pattern occurs anywhere in `text`, within `budget` machine steps. */
  search(text: string, budget: number): RunOutcome;
}

/**
 * A pattern compiled for bounded, linear-time matching: rules run on text written by
 * strangers, and a backtracking engine (JavaScript's own) can be made to spin for
 * minutes by a pattern like `(a+)+$` and a long enough answer. Throws RegexSyntaxError.
 */
export function compileSafeRegex(pattern: string, options: { readonly caseSensitive: boolean }): SafeRegex {
  const program: readonly Instruction[] = compileProgram(parseRegex(pattern));
  return {
    pattern,
    search: (text, budget) => {
      const input = Array.from(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text, (ch) => ch.codePointAt(0) ?? 0);
      return runProgram(program, input, budget, !options.caseSensitive);
    },
  };
}

/** Null when the pattern is usable, else why not (for form validation). */
export function regexProblem(pattern: string): string | null {
  try {
    compileProgram(parseRegex(pattern));
    return null;
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error.message;
    throw error;
  }
}
