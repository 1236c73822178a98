import { useEffect, useRef, useState } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import type { RuleSummary } from '@shared/rules/model';
import { formatAge } from '../../../ui/format';
import { BacktestReport } from './BacktestReport';
import { EnableConfirm } from './EnableConfirm';
import { describeAction, describeCondition } from './ruleText';
import type { Backtest } from './useBacktest';

interface Props {
  readonly rule: RuleSummary;
  readonly reasons: readonly DecisionReason[];
  readonly communityName: (id: string) => string;
  readonly backtest: Backtest;
  /** The enable confirmation is showing (from here or from the list's switch). */
  readonly confirming: boolean;
  readonly onConfirmingChange: (confirming: boolean) => void;
  readonly onSetEnabled: (enabled: boolean) => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

/** One rule: what it does, its backtest, and the switch (enabling asks first; pausing does not). */
export function RuleDetail({ rule, reasons, communityName, backtest, confirming, onConfirmingChange, onSetEnabled, onEdit, onDelete }: Props) {
  const [deleting, setDeleting] = useState(false);
  // Keyboard focus lands here when the rule opens and whenever the control it was on goes away (Enable…, Delete…).
  const sectionRef = useRef<HTMLElement>(null);
  const refocus = () => sectionRef.current?.focus();
  useEffect(() => sectionRef.current?.focus(), []);
  const result = backtest.result?.ruleId === rule.id && backtest.result.version === rule.version ? backtest.result : null;
  const backtested = rule.backtestedVersion === rule.version;
  return (
    <section ref={sectionRef} tabIndex={-1} className="jr-rule-pane" aria-label={`Rule ${rule.name}`}>
      <h3>
        <bdi>{rule.name}</bdi> <span className="mb-muted">version {rule.version}</span>{' '}
        <span className={rule.enabled ? 'mb-pill mb-pill--good' : 'mb-pill'}>{rule.enabled ? 'enabled' : 'paused'}</span>
      </h3>
      <p>When a new request matches all of:</p>
      <ol className="jr-rule-conditions">
        {rule.definition.conditions.map((condition, index) => (
          <li key={index}>{describeCondition(condition, communityName)}</li>
        ))}
      </ol>
      <p>
        then <strong>{describeAction(rule.definition.action, reasons)}</strong>.{' '}
        <span className="mb-muted">
          {rule.hits.toLocaleString()} {rule.hits === 1 ? 'hit' : 'hits'}
          {rule.lastHitAt ? `, last ${formatAge(rule.lastHitAt)}` : ''}
        </span>
      </p>
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button" disabled={backtest.running} onClick={() => void backtest.run({ ruleId: rule.id }, rule.definition)}>
          {backtest.running ? 'Running backtest…' : 'Run backtest'}
        </button>
        {rule.enabled ? (
          <button
            type="button"
            className="mb-button"
            onClick={() => {
              refocus();
              onSetEnabled(false);
            }}
          >
            Pause
          </button>
        ) : (
          <button
            type="button"
            className="mb-button mb-button--primary"
            disabled={!backtested}
            title={backtested ? undefined : 'Run a backtest of this version first'}
            onClick={() => onConfirmingChange(true)}
          >
            Enable…
          </button>
        )}
        <button type="button" className="mb-button" onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="mb-button" aria-expanded={deleting} onClick={() => setDeleting((open) => !open)}>
          Delete…
        </button>
      </p>
      {!rule.enabled && !backtested && !backtest.running && <p className="mb-muted">Run a backtest of version {rule.version} before enabling it.</p>}
      {deleting && (
        <p className="jr-confirm">
          Delete “<bdi>{rule.name}</bdi>”? It stops acting at once; what it did stays in the audit log.{' '}
          <button type="button" className="mb-button" onClick={onDelete}>
            Delete rule
          </button>{' '}
          <button
            type="button"
            className="mb-button"
            onClick={() => {
              refocus();
              setDeleting(false);
            }}
          >
            Keep
          </button>
        </p>
      )}
      {confirming && !rule.enabled && backtested && (
        <EnableConfirm
          rule={rule}
          result={result}
          reasons={reasons}
          onEnable={() => {
            refocus();
            onConfirmingChange(false);
            onSetEnabled(true);
          }}
          onCancel={() => {
            refocus();
            onConfirmingChange(false);
          }}
        />
      )}
      {backtest.error && (
        <p role="alert" className="mb-error">
          {backtest.error}
        </p>
      )}
      {result && <BacktestReport result={result} definition={rule.definition} communityName={communityName} />}
    </section>
  );
}
