import { assertNever } from '@shared/assert-never';
import type { DecisionReason } from '@shared/domain/decisions';
import type { RuleAction, RuleCondition, RuleConditionKind } from '@shared/rules/schema';
import { SIGNAL_LABELS } from '../signals';

/** What each condition kind is called in the editor's kind picker. */
export const CONDITION_KIND_LABELS: Readonly<Record<RuleConditionKind, string>> = {
  'account-age': 'Account age',
  signal: 'Signal',
  'answer-keywords': 'Answers contain words',
  'answer-regex': 'Answers match a pattern',
  'answers-empty': 'No answers',
  community: 'Community',
  platform: 'Platform',
};

const list = (items: readonly string[], joiner: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
const quoted = (items: readonly string[]) => items.map((w) => `“${w}”`);

/** One condition in words, for the rule summary and for naming the condition a near-miss failed. */
export function describeCondition(condition: RuleCondition, communityName: (id: string) => string): string {
  const text = baseText(condition, communityName);
  return condition.not ? `not: ${text}` : text;
}

function baseText(condition: RuleCondition, communityName: (id: string) => string): string {
  switch (condition.kind) {
    case 'answer-keywords':
      return `answers contain ${list(quoted(condition.words), condition.match === 'all' ? 'and' : 'or')}`;
    case 'answer-regex':
      return `an answer matches /${condition.pattern}/${condition.caseSensitive ? '' : ' (any case)'}`;
    case 'answers-empty':
      return 'no answers';
    case 'account-age': {
      const parts = [
        ...(condition.atLeastDays !== undefined ? [`at least ${condition.atLeastDays} days old`] : []),
        ...(condition.youngerThanDays !== undefined ? [`younger than ${condition.youngerThanDays} days`] : []),
      ];
      return `account ${parts.join(' and ')} when it asked`;
    }
    case 'signal':
      return `signal “${SIGNAL_LABELS[condition.signal]}”`;
    case 'community':
      return `in ${list(condition.communityIds.map(communityName), 'or')}${condition.includeSubgroups ? ' (with sub-groups)' : ''}`;
    case 'platform':
      return `on ${list(condition.platforms, 'or')}`;
    default:
      return assertNever(condition, 'rule condition');
  }
}

export function describeAction(action: RuleAction, reasons: readonly DecisionReason[]): string {
  switch (action.kind) {
    case 'approve':
      return 'approve';
    case 'decline': {
      const reason = reasons.find((r) => r.id === action.reasonId)?.label ?? 'a reason no longer in the library';
      return `${action.ban ? 'decline and ban' : 'decline'} with “${reason}”`;
    }
    case 'review':
      return 'mark for review';
    default:
      return assertNever(action, 'rule action');
  }
}
