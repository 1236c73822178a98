/** What Recent actions shows of one action, in either queue (`RecentAction`, `RecentFlagAction`). */
export interface RecentActionSummary {
  readonly id: string;
  readonly summary: string;
  readonly createdAt: number;
  readonly undoneAt: number | null;
  /** Rows whose push has not left yet: undo still reaches them. */
  readonly undoable: number;
  readonly pushed: number;
  readonly failed: number;
}

/** Where an action stands: "3 pushed · 1 failed · 2 can still be undone", or when it was undone. */
export function recentActionState(action: RecentActionSummary, age: (at: number) => string): string {
  if (action.undoneAt) return `undone ${age(action.undoneAt)}`;
  const parts = [`${action.pushed.toLocaleString()} pushed`];
  if (action.failed > 0) parts.push(`${action.failed.toLocaleString()} failed`);
  if (action.undoable > 0) parts.push(`${action.undoable.toLocaleString()} can still be undone`);
  return parts.join(' · ');
}

/** Undo is offered while some of its rows have not been pushed, and only once. */
export const canUndo = (action: RecentActionSummary): boolean => action.undoable > 0 && action.undoneAt === null;
