import type { AlertRule, AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';
import { describeMatch } from './alertRuleDraft';
import { BacktestReport } from './BacktestReport';
import { useAlertBacktest } from './useAlertBacktest';

interface Props {
  readonly rule: AlertRule;
  readonly onSave: (definition: AlertRuleDefinition, enabled: boolean, id: string) => Promise<boolean>;
  readonly onDelete: (id: string) => void;
}

/**
 * One rule: what it flags, how often it hit, and on/off. Turning it off is immediate;
 * turning it on runs the backtest first and offers "Enable" once it is in.
 */
export function AlertRuleItem({ rule, onSave, onDelete }: Props) {
  const backtest = useAlertBacktest();
  const name = rule.definition.name.slice(0, 80);
  const tested = backtest.testedAs(rule.definition);
  return (
    <li className="jr-recent">
      <strong>
        <InlineText text={rule.definition.name} />
      </strong>{' '}
      <span className="mb-muted">v{rule.version}</span> <span className={rule.enabled ? 'mb-pill mb-pill--warn' : 'mb-pill'}>{rule.enabled ? 'on' : 'off'}</span>
      <div className="mb-muted">
        <InlineText text={describeMatch(rule.definition)} max={300} />
      </div>
      <div className="mb-muted">
        {rule.hits.toLocaleString()} flagged{rule.lastHitAt ? `, last ${formatAge(rule.lastHitAt)}` : ''}
      </div>
      {rule.enabled ? (
        <button type="button" className="mb-button jr-small" aria-label={`Turn off the rule ${name}`} onClick={() => void onSave(rule.definition, false, rule.id)}>
          Turn off
        </button>
      ) : tested ? (
        <button
          type="button"
          className="mb-button mb-button--primary jr-small"
          aria-label={`Enable the rule ${name}`}
          onClick={() => void onSave(rule.definition, true, rule.id).then((saved) => saved && backtest.reset())}
        >
          Enable
        </button>
      ) : (
        <button
          type="button"
          className="mb-button jr-small"
          aria-label={`Backtest the rule ${name} before enabling it`}
          disabled={backtest.state.kind === 'running'}
          onClick={() => void backtest.run(rule.definition)}
        >
          Backtest to enable
        </button>
      )}{' '}
      <button type="button" className="mb-button jr-small" aria-label={`Delete the rule ${name}`} onClick={() => onDelete(rule.id)}>
        Delete
      </button>
      <BacktestReport state={backtest.state} stale={false} />
    </li>
  );
}
