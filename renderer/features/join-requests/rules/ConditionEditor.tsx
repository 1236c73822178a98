import { CONNECTION_KINDS } from '@shared/domain/connection';
import { JOIN_SIGNALS, type JoinSignal } from '@shared/domain/join-request';
import { regexProblem } from '@shared/rules/regex';
import { RULE_CONDITION_KINDS, type RuleConditionKind } from '@shared/rules/schema';
import { SIGNAL_LABELS } from '../signals';
import type { ConditionDraft } from './ruleDraft';
import { CONDITION_KIND_LABELS } from './ruleText';

export interface CommunityOption {
  readonly id: string;
  readonly label: string;
}

interface Props {
  readonly index: number;
  readonly condition: ConditionDraft;
  readonly communities: readonly CommunityOption[];
  readonly onChange: (patch: Partial<ConditionDraft>) => void;
  /** Null when it is the only condition (a rule needs one). */
  readonly onRemove: (() => void) | null;
}

/** One condition of the rule editor: its kind, its fields, and "not". */
export function ConditionEditor({ index, condition: c, communities, onChange, onRemove }: Props) {
  const label = `Condition ${index + 1}`;
  const patternProblem = c.kind === 'answer-regex' && c.pattern !== '' ? regexProblem(c.pattern) : null;
  return (
    <div className="jr-condition" role="group" aria-label={label}>
      <select className="mb-select" aria-label={`${label}: kind`} value={c.kind} onChange={(e) => onChange({ kind: e.target.value as RuleConditionKind })}>
        {RULE_CONDITION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {CONDITION_KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      {c.kind === 'account-age' && (
        <>
          <label>
            at least{' '}
            <input className="jr-inline-input" type="number" min={0} aria-label={`${label}: at least (days)`} value={c.atLeastDays} onChange={(e) => onChange({ atLeastDays: e.target.value })} />
          </label>
          <label>
            and younger than{' '}
            <input
              className="jr-inline-input"
              type="number"
              min={0}
              aria-label={`${label}: younger than (days)`}
              value={c.youngerThanDays}
              onChange={(e) => onChange({ youngerThanDays: e.target.value })}
            />{' '}
            days when it asked
          </label>
        </>
      )}
      {c.kind === 'signal' && (
        <select className="mb-select" aria-label={`${label}: signal`} value={c.signal} onChange={(e) => onChange({ signal: e.target.value as JoinSignal })}>
          {JOIN_SIGNALS.map((signal) => (
            <option key={signal} value={signal}>
              {SIGNAL_LABELS[signal]}
            </option>
          ))}
        </select>
      )}
      {c.kind === 'answer-keywords' && (
        <>
          <select className="mb-select" aria-label={`${label}: match`} value={c.match} onChange={(e) => onChange({ match: e.target.value as 'any' | 'all' })}>
            <option value="any">any of</option>
            <option value="all">all of</option>
          </select>
          <input
            className="jr-inline-input jr-grow"
            dir="auto"
            aria-label={`${label}: words, separated by commas`}
            placeholder="crypto, free gift, t.me"
            value={c.words}
            onChange={(e) => onChange({ words: e.target.value })}
          />
        </>
      )}
      {c.kind === 'answer-regex' && (
        <>
          <input
            className="jr-inline-input jr-grow"
            dir="ltr"
            aria-label={`${label}: pattern`}
            aria-invalid={patternProblem !== null}
            placeholder="whats?app\s*\+?\d"
            value={c.pattern}
            onChange={(e) => onChange({ pattern: e.target.value })}
          />
          <label>
            <input type="checkbox" checked={c.caseSensitive} onChange={(e) => onChange({ caseSensitive: e.target.checked })} /> case-sensitive
          </label>
          {patternProblem && (
            <span className="mb-error" role="alert">
              {patternProblem}
            </span>
          )}
        </>
      )}
      {c.kind === 'community' && (
        <>
          <select className="mb-select jr-grow" aria-label={`${label}: community`} value={c.communityId} onChange={(e) => onChange({ communityId: e.target.value })}>
            <option value="">Choose a community…</option>
            {communities.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={c.includeSubgroups} onChange={(e) => onChange({ includeSubgroups: e.target.checked })} /> with its sub-groups
          </label>
        </>
      )}
      {c.kind === 'platform' && (
        <span role="group" aria-label={`${label}: platforms`}>
          {CONNECTION_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={c.platforms.includes(kind)}
                onChange={(e) => onChange({ platforms: e.target.checked ? [...c.platforms, kind] : c.platforms.filter((p) => p !== kind) })}
              />{' '}
              {kind}{' '}
            </label>
          ))}
        </span>
      )}
      <label title="The condition holds when this request does NOT have it">
        <input type="checkbox" checked={c.not} onChange={(e) => onChange({ not: e.target.checked })} /> not
      </label>
      {onRemove && (
        <button type="button" className="mb-button jr-small" aria-label={`Remove condition ${index + 1}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </div>
  );
}
