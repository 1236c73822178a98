import type { DecisionReason } from '@shared/domain/decisions';
import type { RuleSummary } from '@shared/rules/model';
import { describeAction } from './ruleText';

interface Props {
  readonly rules: readonly RuleSummary[];
  readonly reasons: readonly DecisionReason[];
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
  /** Off → on asks for confirmation first (in the rule's pane); on → off pauses at once. */
  readonly onSwitch: (rule: RuleSummary) => void;
}

/** The rules in the order they are tried, each with its switch. */
export function RuleList({ rules, reasons, selectedId, onOpen, onSwitch }: Props) {
  return (
    <ol className="jr-rule-list" aria-label="Rules, in the order they are tried">
      {rules.map((rule) => (
        <li key={rule.id} className="jr-rule-item" aria-current={rule.id === selectedId}>
          <button
            type="button"
            role="switch"
            className="jr-switch"
            aria-checked={rule.enabled}
            aria-label={`${rule.name}: ${rule.enabled ? 'enabled, press to pause' : 'paused, press to enable'}`}
            onClick={() => onSwitch(rule)}
          />
          <button type="button" className="jr-rule-open" aria-label={`Open rule ${rule.name}`} onClick={() => onOpen(rule.id)}>
            <bdi>{rule.name}</bdi> <span className="mb-muted">v{rule.version} · {describeAction(rule.definition.action, reasons)}</span>
          </button>
          <span className="mb-muted jr-number">
            {rule.hits.toLocaleString()} {rule.hits === 1 ? 'hit' : 'hits'}
          </span>
        </li>
      ))}
    </ol>
  );
}
