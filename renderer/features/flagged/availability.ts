import { FLAG_ACTIONS, type ConnectionCapabilities, type FlagActionKind, type FlaggedRow } from '@shared/domain/flagged';
import { actionBlock, FLAG_ACTION_VERBS } from '@shared/flags/actions';

export type ActionBlocks = Readonly<Record<FlagActionKind, string | null>>;

const NOTHING = 'No flagged message is focused or selected.';

/**
 * Which actions the platforms of the target's rows can do, and why not: the same gate
 * main applies (shared/flags/actions.ts), so a disabled button and a refused call say
 * the same. While capabilities load, or when none of the target's rows is loaded (a
 * selection scrolled far away), everything stays enabled: main still checks.
 */
export function actionBlocks(rows: readonly Pick<FlaggedRow, 'connectionId'>[] | null, capabilities: readonly ConnectionCapabilities[] | undefined): ActionBlocks {
  const reached = rows && capabilities ? capabilities.filter((c) => rows.some((row) => row.connectionId === c.connectionId)) : [];
  return Object.fromEntries(
    FLAG_ACTIONS.map((action) => [action, rows === null ? NOTHING : capabilities && reached.length > 0 ? actionBlock(action, reached) : null]),
  ) as Record<FlagActionKind, string | null>;
}

/**
 * "Remove and warn: “Groups” cannot send warnings (facebook-manual)." — one line per
 * reason, so why a button is disabled is on screen, not only in a tooltip a keyboard
 * cannot reach.
 */
export function blockedLines(blocks: ActionBlocks): string[] {
  const byReason = new Map<string, string[]>();
  for (const action of FLAG_ACTIONS) {
    const reason = blocks[action];
    if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), FLAG_ACTION_VERBS[action].verb]);
  }
  return [...byReason].map(([reason, verbs]) => `${verbs.join(', ')}: ${reason}`);
}
