import type { FlagAction } from '@shared/contract/flagged';
import { assertNever } from '@shared/assert-never';
import { FLAG_ACTION_VERBS } from '@shared/flags/actions';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** How long, in words: "24 h", "7 days", "until unmuted". */
export function durationWords(minutes: number | null): string {
  if (minutes === null) return 'until unmuted';
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

export interface Reach {
  /** Flags whose status the action changed. */
  readonly decided: number;
  /** Distinct authors of the target flags, and the name when there is one. */
  readonly authors: number;
  readonly authorName: string | null;
  /** Communities a sanction reached, or messages a purge removed. */
  readonly reached: number;
}

/** One line for Recent actions and the audit log: "Banned Ann from 4 communities". */
export function actionSummary(action: FlagAction, reach: Reach, warningLabel: string | null): string {
  const who = reach.authors === 1 && reach.authorName ? reach.authorName : plural(reach.authors, 'person', 'people');
  const done = FLAG_ACTION_VERBS[action.kind].done;
  switch (action.kind) {
    case 'dismiss':
      return `${done} ${plural(reach.decided, 'flagged message')}`;
    case 'remove':
      return `${done} ${plural(reach.decided, 'message')}`;
    case 'remove-warn':
      return `${done} ${plural(reach.decided, 'message')}${warningLabel ? ` — ${warningLabel}` : ''}`;
    case 'mute':
      return `${done} ${who} in ${plural(reach.reached, 'community', 'communities')}, ${durationWords(action.minutes)}`;
    case 'kick':
      return `${done} ${who} from ${plural(reach.reached, 'community', 'communities')}`;
    case 'ban':
      return `${done} ${who} from ${plural(reach.reached, 'community', 'communities')}${action.minutes === undefined ? '' : ` for ${durationWords(action.minutes)}`}`;
    case 'purge':
      return `${done} ${who}: ${plural(reach.reached, 'message')} from the last ${durationWords(action.withinHours * 60)}`;
    default:
      return assertNever(action, 'flag action');
  }
}
