import { useState } from 'react';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { draftToDefinition, EMPTY_DRAFT, type AlertRuleDraft } from './alertRuleDraft';
import { AlertRuleFields } from './AlertRuleFields';
import { BacktestReport } from './BacktestReport';
import { useAlertBacktest } from './useAlertBacktest';

/**
 * A new alert rule: a name and one test. Enter (or "Backtest") runs it over every stored
 * message first; only a backtest of exactly this definition offers "Add and enable". It
 * can also be added off, to enable later from the list (after a backtest there too).
 */
export function AlertRuleForm({ onSave }: { onSave: (definition: AlertRuleDefinition, enabled: boolean) => Promise<boolean> }) {
  const [draft, setDraft] = useState<AlertRuleDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const backtest = useAlertBacktest();
  const parsed = draftToDefinition(draft);
  const definition = 'definition' in parsed ? parsed.definition : null;
  const tested = backtest.testedAs(definition);
  const withDefinition = (then: (definition: AlertRuleDefinition) => void) => {
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    then(parsed.definition);
  };
  const save = (enabled: boolean) =>
    withDefinition((valid) => {
      void onSave(valid, enabled).then((saved) => {
        if (!saved) return;
        setDraft(EMPTY_DRAFT);
        backtest.reset();
      });
    });
  return (
    <form
      className="fl-rule-form"
      aria-label="New alert rule"
      onSubmit={(event) => {
        event.preventDefault();
        withDefinition((valid) => void backtest.run(valid));
      }}
    >
      <fieldset>
        <legend>New alert rule</legend>
        <AlertRuleFields draft={draft} onChange={(change) => setDraft((current) => ({ ...current, ...change }))} />
        <div>
          <button type="submit" className="mb-button" disabled={backtest.state.kind === 'running'}>
            Backtest
          </button>{' '}
          <button
            type="button"
            className="mb-button mb-button--primary"
            disabled={!tested}
            aria-describedby={tested ? undefined : 'fl-rule-untested'}
            onClick={() => save(true)}
          >
            Add and enable
          </button>{' '}
          <button type="button" className="mb-button" onClick={() => save(false)}>
            Add, off
          </button>
        </div>
        {!tested && (
          <p id="fl-rule-untested" className="mb-muted">
            Backtest this rule over the stored messages before enabling it.
          </p>
        )}
        {problem && (
          <p role="alert" className="mb-error">
            {problem}
          </p>
        )}
        <BacktestReport state={backtest.state} stale={backtest.state.kind === 'done' && !tested} />
      </fieldset>
    </form>
  );
}
