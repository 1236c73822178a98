/**
 * Pure key maps for the grid body and its column headers. The component turns
 * an intent into state changes; these functions only decide what a key means,
 * so every binding is unit-tested without a DOM.
 */

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export interface GridKeyContext {
  readonly focusedIndex: number;
  readonly total: number;
  /** Rows that fit in the viewport: the PageUp/PageDown step. */
  readonly pageRows: number;
}

export type GridIntent =
  | { readonly type: 'focus'; readonly index: number; readonly extend: boolean }
  | { readonly type: 'activate' }
  | { readonly type: 'toggle' }
  | { readonly type: 'selectAll' }
  | { readonly type: 'clear' }
  | { readonly type: 'toHeader' };

export type HeaderIntent =
  | { readonly type: 'sort'; readonly multi: boolean }
  | { readonly type: 'resize'; readonly delta: number }
  | { readonly type: 'move'; readonly delta: -1 | 1 }
  | { readonly type: 'focusSibling'; readonly delta: -1 | 1 }
  | { readonly type: 'toBody' };

export const RESIZE_STEP = 16;

export function gridKeyIntent(input: KeyInput, context: GridKeyContext): GridIntent | null {
  const command = input.ctrlKey || input.metaKey;
  if (input.altKey) return null;
  // Shift changes `key` for letters ("J", "G"), so letters compare lower-cased and read shift from the flag.
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;

  if (command) {
    return key === 'a' && !input.shiftKey && context.total > 0 ? { type: 'selectAll' } : null;
  }
  if (key === 'Escape') return { type: 'clear' };
  if (context.total === 0) return null;

  const last = context.total - 1;
  const current = Math.min(Math.max(context.focusedIndex, 0), last);
  const focus = (index: number): GridIntent => ({
    type: 'focus',
    index: Math.min(Math.max(index, 0), last),
    extend: input.shiftKey,
  });

  switch (key) {
    case 'j':
    case 'ArrowDown':
      return focus(context.focusedIndex < 0 ? 0 : current + 1);
    case 'k':
      return focus(current - 1);
    case 'ArrowUp':
      return current === 0 && !input.shiftKey ? { type: 'toHeader' } : focus(current - 1);
    case 'PageDown':
      return focus(current + Math.max(1, context.pageRows));
    case 'PageUp':
      return focus(current - Math.max(1, context.pageRows));
    case 'Home':
      return focus(0);
    case 'End':
      return focus(last);
    // No `g`/`G` here: `g` starts the app's view shortcuts (`g j`, `g c`, ...).
    case 'Enter':
      return input.shiftKey ? null : { type: 'activate' };
    case 'x':
    case ' ':
      return input.shiftKey ? null : { type: 'toggle' };
    default:
      return null;
  }
}

export function headerKeyIntent(input: KeyInput): HeaderIntent | null {
  if (input.ctrlKey || input.metaKey) return null;
  const horizontal = input.key === 'ArrowLeft' ? -1 : input.key === 'ArrowRight' ? 1 : 0;

  if (input.altKey) {
    if (horizontal === 0) return null;
    return input.shiftKey ? { type: 'move', delta: horizontal } : { type: 'resize', delta: horizontal * RESIZE_STEP };
  }
  if (horizontal !== 0) return input.shiftKey ? null : { type: 'focusSibling', delta: horizontal };
  if (input.key === 'Enter' || input.key === ' ') return { type: 'sort', multi: input.shiftKey };
  if (input.key === 'ArrowDown' || input.key === 'Escape') return { type: 'toBody' };
  return null;
}
