import type { FlagAction } from '@shared/contract/flagged';
import type { FlagActionKind, FlagDecisionResult } from '@shared/domain/flagged';
import { FLAG_ACTION_VERBS } from '@shared/flags/actions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Actions that ask something first: a note, a warning, a duration, a scope, a window. */
export const NEEDS_PICKER: ReadonlySet<FlagActionKind> = new Set(['dismiss', 'remove-warn', 'mute', 'ban', 'purge']);

export const actionVerb = (kind: FlagActionKind): string => FLAG_ACTION_VERBS[kind].verb;

/** The toast after main answered: "Banned in 3 communities (1 flag)", "Removed 4". */
export function doneText(action: FlagAction, result: FlagDecisionResult): string {
  const done = FLAG_ACTION_VERBS[action.kind].done;
  const flags = result.count > 0 ? plural(result.count, 'flag') : 'no open flag';
  switch (action.kind) {
    case 'mute':
    case 'kick':
    case 'ban':
      return `${done} in ${plural(result.communities, 'community', 'communities')} (${flags})`;
    case 'purge':
      return `${done} the author: ${plural(result.pushes, 'removal')} queued (${flags})`;
    default:
      return `${done} ${result.count.toLocaleString()}`;
  }
}
