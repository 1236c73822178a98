import type { ConnectionKind } from '@shared/domain/connection';
import type { JoinSignal } from '@shared/domain/join-request';
import { ruleDefinitionSchema, type RuleActionKind, type RuleCondition, type RuleConditionKind, type RuleDefinition } from '@shared/rules/schema';
import { assertNever } from '@shared/assert-never';

/**
 * The rule editor's form state: every field of every condition kind as the inputs hold
 * them (text for numbers and word lists), so switching a condition's kind keeps what
 * was typed. `toDefinition` turns it into a definition, checked by the same schema main
 * uses, with the problems in words.
 */
export interface ConditionDraft {
  /** Stable React key. */
  readonly key: number;
  readonly kind: RuleConditionKind;
  readonly not: boolean;
  readonly words: string;
  readonly match: 'any' | 'all';
  readonly pattern: string;
  readonly caseSensitive: boolean;
  readonly youngerThanDays: string;
  readonly atLeastDays: string;
  readonly signal: JoinSignal;
  readonly communityId: string;
  readonly includeSubgroups: boolean;
  readonly platforms: readonly ConnectionKind[];
}

export interface RuleDraft {
  readonly name: string;
  readonly conditions: readonly ConditionDraft[];
  readonly action: RuleActionKind;
  readonly reasonId: string;
  readonly ban: boolean;
}

let nextKey = 1;

export function blankCondition(kind: RuleConditionKind = 'account-age'): ConditionDraft {
  return {
    key: nextKey++,
    kind,
    not: false,
    words: '',
    match: 'any',
    pattern: '',
    caseSensitive: false,
    youngerThanDays: kind === 'account-age' ? '30' : '',
    atLeastDays: '',
    signal: 'link-in-answer',
    communityId: '',
    includeSubgroups: true,
    platforms: [],
  };
}

export const blankDraft = (reasonId = ''): RuleDraft => ({
  name: '',
  conditions: [blankCondition('account-age'), blankCondition('signal')],
  action: 'decline',
  reasonId,
  ban: false,
});

/** "spam, crypto,  free gift" → ["spam", "crypto", "free gift"]. */
export const splitWords = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');

const days = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

function conditionOf(draft: ConditionDraft): RuleCondition {
  const not = draft.not ? { not: true } : {};
  switch (draft.kind) {
    case 'answer-keywords':
      return { kind: draft.kind, words: splitWords(draft.words), match: draft.match, ...not };
    case 'answer-regex':
      return { kind: draft.kind, pattern: draft.pattern, ...(draft.caseSensitive ? { caseSensitive: true } : {}), ...not };
    case 'answers-empty':
      return { kind: draft.kind, ...not };
    case 'account-age': {
      const younger = days(draft.youngerThanDays);
      const atLeast = days(draft.atLeastDays);
      return { kind: draft.kind, ...(younger !== undefined ? { youngerThanDays: younger } : {}), ...(atLeast !== undefined ? { atLeastDays: atLeast } : {}), ...not };
    }
    case 'signal':
      return { kind: draft.kind, signal: draft.signal, ...not };
    case 'community':
      return { kind: draft.kind, communityIds: draft.communityId ? [draft.communityId] : [], includeSubgroups: draft.includeSubgroups, ...not };
    case 'platform':
      return { kind: draft.kind, platforms: [...draft.platforms], ...not };
    default:
      return assertNever(draft.kind, 'condition kind');
  }
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  words: 'Keywords',
  pattern: 'Pattern',
  communityIds: 'Community',
  platforms: 'Platforms',
  reasonId: 'Reason',
  youngerThanDays: 'Younger than',
  atLeastDays: 'At least',
};

export type DraftCheck = { readonly ok: true; readonly definition: RuleDefinition } | { readonly ok: false; readonly problems: readonly string[] };

export function toDefinition(draft: RuleDraft): DraftCheck {
  const action = draft.action === 'decline' ? { kind: 'decline' as const, reasonId: draft.reasonId, ...(draft.ban ? { ban: true } : {}) } : { kind: draft.action };
  const parsed = ruleDefinitionSchema.safeParse({ name: draft.name, conditions: draft.conditions.map(conditionOf), action });
  if (parsed.success) return { ok: true, definition: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const [head, index, field] = issue.path;
    const where =
      head === 'conditions' && typeof index === 'number'
        ? `Condition ${index + 1}${typeof field === 'string' ? ` (${FIELD_NAMES[field] ?? field})` : ''}`
        : (FIELD_NAMES[String(issue.path.at(-1))] ?? (head === 'conditions' ? 'Conditions' : 'Rule'));
    return `${where}: ${issue.message}`;
  });
  return { ok: false, problems: [...new Set(problems)] };
}

export function toDraft(definition: RuleDefinition): RuleDraft {
  const conditions = definition.conditions.map((condition): ConditionDraft => {
    const base = { ...blankCondition(condition.kind), not: condition.not ?? false, youngerThanDays: '' };
    switch (condition.kind) {
      case 'answer-keywords':
        return { ...base, words: condition.words.join(', '), match: condition.match };
      case 'answer-regex':
        return { ...base, pattern: condition.pattern, caseSensitive: condition.caseSensitive ?? false };
      case 'answers-empty':
        return base;
      case 'account-age':
        return { ...base, youngerThanDays: condition.youngerThanDays?.toString() ?? '', atLeastDays: condition.atLeastDays?.toString() ?? '' };
      case 'signal':
        return { ...base, signal: condition.signal };
      case 'community':
        return { ...base, communityId: condition.communityIds[0] ?? '', includeSubgroups: condition.includeSubgroups };
      case 'platform':
        return { ...base, platforms: condition.platforms };
      default:
        return assertNever(condition, 'rule condition');
    }
  });
  const { action } = definition;
  return {
    name: definition.name,
    conditions,
    action: action.kind,
    reasonId: action.kind === 'decline' ? action.reasonId : '',
    ban: action.kind === 'decline' ? (action.ban ?? false) : false,
  };
}
