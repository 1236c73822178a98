import { FLAG_ACTIONS, type ConnectionCapabilities, type FlagActionKind, type FlaggedRow } from '@shared/domain/flagged';
import { actionBlock, FLAG_ACTION_VERBS } from '@shared/flags/actions';
import { blockedLines as queueBlockedLines } from '../../ui/queue/blockedLines';

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

/** Why each disabled action is disabled, one line per reason (ui/queue/blockedLines.ts). */
export const blockedLines = (blocks: ActionBlocks): string[] => queueBlockedLines(FLAG_ACTIONS.map((action) => [FLAG_ACTION_VERBS[action].verb, blocks[action]]));
