import { alertRuleDefinitionSchema, type AlertMatchKind, type AlertRuleDefinition } from '@shared/flags/alert-rule-schema';

/** What the rule form holds: text fields, parsed into a definition on save. */
export interface AlertRuleDraft {
  readonly name: string;
  readonly kind: AlertMatchKind;
  /** Keywords or domains, one per line or comma-separated; the pattern for a regex. */
  readonly text: string;
  readonly matchAll: boolean;
  /** Mentions for a flood; communities for repeated text. */
  readonly count: number;
  readonly withinMinutes: number;
}

export const EMPTY_DRAFT: AlertRuleDraft = { name: '', kind: 'keywords', text: '', matchAll: false, count: 5, withinMinutes: 60 };

export const ALERT_KIND_LABELS: Readonly<Record<AlertMatchKind, string>> = {
  keywords: 'Keywords',
  regex: 'Pattern (regex)',
  'link-domains': 'Links to domains',
  'mention-flood': 'Mention flood',
  'repeated-text': 'Same text in several communities',
};

const list = (text: string) => text.split(/[\n,]+/).map((item) => item.trim()).filter(Boolean);

/** The definition, or the first problem in words (the same schema main validates with). */
export function draftToDefinition(draft: AlertRuleDraft): { definition: AlertRuleDefinition } | { problem: string } {
  const match = (() => {
    switch (draft.kind) {
      case 'keywords':
        return { kind: draft.kind, words: list(draft.text), match: draft.matchAll ? 'all' : 'any' };
      case 'regex':
        return { kind: draft.kind, pattern: draft.text };
      case 'link-domains':
        return { kind: draft.kind, domains: list(draft.text) };
      case 'mention-flood':
        return { kind: draft.kind, atLeast: draft.count };
      case 'repeated-text':
        return { kind: draft.kind, communities: draft.count, withinMinutes: draft.withinMinutes };
    }
  })();
  const parsed = alertRuleDefinitionSchema.safeParse({ name: draft.name, match });
  if (parsed.success) return { definition: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join(' ') || 'rule'}: ${issue?.message ?? 'not valid'}` };
}

/** A rule in one line: "keywords: airdrop, giveaway". */
export function describeMatch(definition: AlertRuleDefinition): string {
  const { match } = definition;
  switch (match.kind) {
    case 'keywords':
      return `${match.match === 'all' ? 'all of' : 'any of'} ${match.words.join(', ')}`;
    case 'regex':
      return `/${match.pattern}/`;
    case 'link-domains':
      return `links to ${match.domains.join(', ')}`;
    case 'mention-flood':
      return `${match.atLeast}+ mentions`;
    case 'repeated-text':
      return `same text in ${match.communities}+ communities within ${match.withinMinutes} min`;
  }
}
