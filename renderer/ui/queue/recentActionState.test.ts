import { describe, expect, it } from 'vitest';
import { canUndo, recentActionState, type RecentActionSummary } from './recentActionState';

const action = (over: Partial<RecentActionSummary> = {}): RecentActionSummary => ({ id: 'a', summary: 'Declined 3', createdAt: 0, undoneAt: null, undoable: 0, pushed: 3, failed: 0, ...over });
const age = (at: number) => `at ${at}`;

describe('recentActionState', () => {
  it('says how far the pushes got, and what undo still reaches', () => {
    expect(recentActionState(action(), age)).toBe('3 pushed');
    expect(recentActionState(action({ pushed: 1, failed: 1, undoable: 1 }), age)).toBe('1 pushed · 1 failed · 1 can still be undone');
    expect(recentActionState(action({ pushed: 1200 }), age)).toBe(`${(1200).toLocaleString()} pushed`);
  });

  it('says when it was undone, and offers undo only before that and while rows wait', () => {
    expect(recentActionState(action({ undoneAt: 42, undoable: 2 }), age)).toBe('undone at 42');
    expect(canUndo(action({ undoable: 2 }))).toBe(true);
    expect(canUndo(action({ undoable: 2, undoneAt: 42 }))).toBe(false);
    expect(canUndo(action())).toBe(false);
  });
});
