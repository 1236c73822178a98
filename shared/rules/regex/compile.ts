import { assertNever } from '../../assert-never';
import { RegexSyntaxError, type AssertionKind, type CharSet, type RegexNode } from './ast';

/** Instructions of the matching machine (Thompson's construction, run by `run.ts`). */
export type Instruction =
  | { readonly op: 'char'; readonly set: CharSet }
  | { readonly op: 'split'; readonly x: number; readonly y: number }
  | { readonly op: 'jmp'; readonly x: number }
  | { readonly op: 'assert'; readonly kind: AssertionKind }
  | { readonly op: 'match' };

/** Bounds the work per input character (and the memory) whatever the pattern. */
export const MAX_PROGRAM_SIZE = 2_000;

type Mutable = { op: 'char'; set: CharSet } | { op: 'split'; x: number; y: number } | { op: 'jmp'; x: number } | { op: 'assert'; kind: AssertionKind } | { op: 'match' };

/** Compiles a parsed pattern into a program; refuses one whose repetitions expand past MAX_PROGRAM_SIZE. */
export function compileProgram(tree: RegexNode): readonly Instruction[] {
  const program: Mutable[] = [];
  const emit = (instruction: Mutable): number => {
    if (program.length >= MAX_PROGRAM_SIZE) throw new RegexSyntaxError('The pattern is too complex: use fewer or smaller repetitions.', 0);
    program.push(instruction);
    return program.length - 1;
  };

  function node(n: RegexNode): void {
    switch (n.type) {
      case 'empty':
        return;
      case 'char':
        emit({ op: 'char', set: n.set });
        return;
      case 'assert':
        emit({ op: 'assert', kind: n.kind });
        return;
      case 'seq':
        n.items.forEach(node);
        return;
      case 'alt':
        return alternation(n.options);
      case 'repeat':
        return repeat(n.node, n.min, n.max);
      default:
        assertNever(n, 'regex node');
    }
  }

  function alternation(options: readonly RegexNode[]): void {
    const jumps: Mutable[] = [];
    options.forEach((option, index) => {
      if (index === options.length - 1) {
        node(option);
        return;
      }
      const split = { op: 'split' as const, x: 0, y: 0 };
      emit(split);
      split.x = program.length;
      node(option);
      const jump = { op: 'jmp' as const, x: 0 };
      emit(jump);
      jumps.push(jump);
      split.y = program.length;
    });
    for (const jump of jumps) if (jump.op === 'jmp') jump.x = program.length;
  }

  function optional(body: RegexNode): Mutable {
    const split = { op: 'split' as const, x: 0, y: 0 };
    emit(split);
    split.x = program.length;
    node(body);
    split.y = program.length;
    return split;
  }

  function repeat(body: RegexNode, min: number, max: number): void {
    for (let k = 0; k < min; k++) node(body);
    if (max === Infinity) {
      const loop = program.length;
      const split = optional(body);
      emit({ op: 'jmp', x: loop });
      if (split.op === 'split') split.y = program.length;
      return;
    }
    for (let k = min; k < max; k++) optional(body);
  }

  node(tree);
  emit({ op: 'match' });
  return program;
}
