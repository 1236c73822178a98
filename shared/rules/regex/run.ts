import { inSet, isWordChar } from './ast';
import type { Instruction } from './compile';

export type RunOutcome = 'match' | 'no-match' | 'over-budget';

/** A set of program counters with O(1) add, membership and clear (sparse-set trick). */
class PcSet {
  readonly dense: Int32Array;
  private readonly sparse: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.dense = new Int32Array(capacity);
    this.sparse = new Int32Array(capacity);
  }

  has(pc: number): boolean {
    const at = this.sparse[pc]!;
    return at < this.size && this.dense[at] === pc;
  }

  add(pc: number): void {
    this.sparse[pc] = this.size;
    this.dense[this.size++] = pc;
  }

  clear(): void {
    this.size = 0;
  }
}

function assertionHolds(kind: Extract<Instruction, { op: 'assert' }>['kind'], input: readonly number[], at: number): boolean {
  const before = at > 0 && isWordChar(input[at - 1]!);
  const after = at < input.length && isWordChar(input[at]!);
  switch (kind) {
    case 'start':
      return at === 0;
    case 'end':
      return at === input.length;
    case 'word-boundary':
      return before !== after;
    case 'not-word-boundary':
      return before === after;
  }
}

/**
 * Searches `input` (code points) for the program anywhere in it, simulating every
 * possible match in lock-step (Pike's VM): each input character costs at most one
 * visit per instruction, so the time is linear in the input whatever the pattern.
 * `budget` caps the visits; a search that would exceed it stops as `over-budget`.
 * With `caseless`, a character also matches as its lower- or upper-case form.
 */
export function runProgram(program: readonly Instruction[], input: readonly number[], budget: number, caseless: boolean): RunOutcome {
  let current = new PcSet(program.length);
  let next = new PcSet(program.length);
  const stack = new Int32Array(program.length * 2 + 2);
  let steps = 0;
  let matched = false;

  /** Follows jumps, splits and assertions from `start`, adding every reachable instruction at `at`. */
  const follow = (list: PcSet, start: number, at: number) => {
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top]!;
      if (list.has(pc)) continue;
      list.add(pc);
      steps++;
      const instruction = program[pc]!;
      switch (instruction.op) {
        case 'jmp':
          stack[top++] = instruction.x;
          break;
        case 'split':
          // y first onto the stack so x is explored first; order does not matter for a yes/no answer.
          stack[top++] = instruction.y;
          stack[top++] = instruction.x;
          break;
        case 'assert':
          if (assertionHolds(instruction.kind, input, at)) stack[top++] = pc + 1;
          break;
        case 'match':
          matched = true;
          break;
        case 'char':
          break;
      }
    }
  };

  for (let at = 0; ; at++) {
    follow(current, 0, at);
    if (matched) return 'match';
    if (steps > budget) return 'over-budget';
    if (at >= input.length) return 'no-match';
    const c = input[at]!;
    const lower = caseless ? foldCase(c, 'lower') : c;
    const upper = caseless ? foldCase(c, 'upper') : c;
    for (let k = 0; k < current.size; k++) {
      const pc = current.dense[k]!;
      const instruction = program[pc]!;
      if (instruction.op !== 'char') continue;
      steps++;
      if (inSet(instruction.set, c) || (caseless && (inSet(instruction.set, lower) || inSet(instruction.set, upper)))) follow(next, pc + 1, at + 1);
      if (matched) return 'match';
    }
    [current, next] = [next, current];
    next.clear();
  }
}

function foldCase(c: number, to: 'lower' | 'upper'): number {
  if (c < 128) {
    if (to === 'lower' && c >= 65 && c <= 90) return c + 32;
    if (to === 'upper' && c >= 97 && c <= 122) return c - 32;
    return c;
  }
  const ch = String.fromCodePoint(c);
  const folded = to === 'lower' ? ch.toLowerCase() : ch.toUpperCase();
  // Only one-to-one foldings: "ß".toUpperCase() is "SS", which is not one character.
  return Array.from(folded).length === 1 ? (folded.codePointAt(0) ?? c) : c;
}
