import type { DecisionReason } from '@shared/domain/decisions';
import type { BacktestResult, RuleSummary } from '@shared/rules/model';
import { describeAction } from './ruleText';

interface Props {
  readonly rule: RuleSummary;
  /** This session's backtest of the current version, if it ran here. */
  readonly result: BacktestResult | null;
  readonly reasons: readonly DecisionReason[];
  readonly onEnable: () => void;
  readonly onCancel: () => void;
}

/** The last question before a rule acts on its own: what its backtest found, and what it will do. */
export function EnableConfirm({ rule, result, reasons, onEnable, onCancel }: Props) {
  const communities = result ? result.perCommunity.length + (result.otherCommunities > 0 ? 1 : 0) : 0;
  return (
    <div className="jr-confirm" role="group" aria-label="Enable this rule?">
      <p>
        <strong>
          Enable “<bdi>{rule.name}</bdi>” (version {rule.version})?
        </strong>{' '}
        From now on it will {describeAction(rule.definition.action, reasons)} every new request that matches, as it arrives. Each action can be undone
        from Recent actions during the grace period, and pausing the rule stops it at once.
      </p>
      {result ? (
        <p>
          In the backtest it matched {result.matched.toLocaleString()} of {result.scanned.toLocaleString()} stored requests in {communities.toLocaleString()}{' '}
          {communities === 1 ? 'community' : 'communities'}, and contradicted people {result.disagreement.count.toLocaleString()} times.
        </p>
      ) : (
        <p className="mb-muted">This version was backtested earlier.</p>
      )}
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" onClick={onEnable}>
          Enable rule
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Not now
        </button>
      </p>
    </div>
  );
}
