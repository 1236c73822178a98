import type { FlagAction } from '@shared/contract/flagged';
import type { FlagActionKind, FlagDecisionResult, FlagStatus, LiftableSanction, LiftResult } from '@shared/domain/flagged';
import { FLAG_ACTION_VERBS } from '@shared/flags/actions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Actions that ask something first: a note, a warning, a duration, a scope, a window. */
export const NEEDS_PICKER: ReadonlySet<FlagActionKind> = new Set(['dismiss', 'remove-warn', 'mute', 'ban', 'purge']);

/** The status an action leaves the flags it reaches in. */
export const statusAfter = (action: FlagActionKind): FlagStatus => (action === 'dismiss' ? 'dismissed' : 'actioned');

export const actionVerb = (kind: FlagActionKind): string => FLAG_ACTION_VERBS[kind].verb;

/** A sanction's length in words: "1 hour", "36 hours", "7 days". */
export function lengthText(minutes: number): string {
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** The toast after a lift: "Lifted the ban in 3 communities: 4 unbans queued". */
export function liftText(kind: LiftableSanction, result: LiftResult): string {
  return `Lifted the ${kind} in ${plural(result.communities, 'community', 'communities')}: ${plural(result.pushes, `un${kind}`)} queued`;
}

/** The toast after main answered: "Banned in 3 communities (1 flag)", "Removed 4". */
export function doneText(action: FlagAction, result: FlagDecisionResult): string {
  const done = FLAG_ACTION_VERBS[action.kind].done;
  const flags = result.count > 0 ? plural(result.count, 'flag') : 'no open flag';
  switch (action.kind) {
    case 'ban':
      return `${done}${action.minutes ? ` for ${lengthText(action.minutes)}` : ''} in ${plural(result.communities, 'community', 'communities')} (${flags})`;
    case 'mute':
    case 'kick':
      return `${done} in ${plural(result.communities, 'community', 'communities')} (${flags})`;
    case 'purge':
      return `${done} the author: ${plural(result.pushes, 'removal')} queued (${flags})`;
    default:
      return `${done} ${result.count.toLocaleString()}`;
  }
}
