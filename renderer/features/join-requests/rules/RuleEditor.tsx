import { useState, type FormEvent } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import { MAX_CONDITIONS, type RuleDefinition } from '@shared/rules/schema';
import { ActionEditor } from './ActionEditor';
import { BacktestReport } from './BacktestReport';
import { ConditionEditor, type CommunityOption } from './ConditionEditor';
import { blankCondition, toDefinition, type ConditionDraft, type RuleDraft } from './ruleDraft';
import { useBacktest } from './useBacktest';

interface Props {
  readonly initial: RuleDraft;
  /** The version saving makes: 1 for a new rule. */
  readonly nextVersion: number;
  readonly reasons: readonly DecisionReason[];
  readonly communities: readonly CommunityOption[];
  readonly communityName: (id: string) => string;
  readonly onSave: (definition: RuleDefinition) => Promise<boolean>;
  readonly onCancel: () => void;
}

/** The form for a rule's conditions and action; "Try on history" backtests the draft before it is saved. */
export function RuleEditor({ initial, nextVersion, reasons, communities, communityName, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const trial = useBacktest();
  const check = toDefinition(draft);

  const patch = (change: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const patchCondition = (key: number, change: Partial<ConditionDraft>) =>
    setDraft((d) => ({ ...d, conditions: d.conditions.map((c) => (c.key === key ? { ...c, ...change } : c)) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) {
      setShowProblems(true);
      return;
    }
    setSaving(true);
    const saved = await onSave(check.definition);
    if (!saved) setSaving(false);
  };

  const tryIt = () => {
    if (check.ok) void trial.run({ definition: check.definition }, check.definition);
    else setShowProblems(true);
  };

  return (
    <form className="jr-rule-pane" aria-label={nextVersion === 1 ? 'New rule' : `Edit rule (version ${nextVersion})`} onSubmit={(e) => void save(e)}>
      <label className="jr-field">
        <span>Name</span>
        <input className="mb-search" dir="auto" maxLength={80} value={draft.name} onChange={(e) => patch({ name: e.target.value })} data-autofocus="" />
      </label>
      <fieldset className="jr-reasons">
        <legend>When a new request matches all of</legend>
        {draft.conditions.map((condition, index) => (
          <ConditionEditor
            key={condition.key}
            index={index}
            condition={condition}
            communities={communities}
            onChange={(change) => patchCondition(condition.key, change)}
            onRemove={draft.conditions.length > 1 ? () => patch({ conditions: draft.conditions.filter((c) => c.key !== condition.key) }) : null}
          />
        ))}
        {draft.conditions.length < MAX_CONDITIONS && (
          <p>
            <button type="button" className="mb-button jr-small" onClick={() => patch({ conditions: [...draft.conditions, blankCondition('answer-keywords')] })}>
              Add condition
            </button>
          </p>
        )}
      </fieldset>
      <ActionEditor draft={draft} reasons={reasons} onChange={patch} />
      {showProblems && !check.ok && (
        <ul role="alert" className="mb-error">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <p className="jr-dialog-actions">
        <button type="submit" className="mb-button mb-button--primary" disabled={saving}>
          {nextVersion === 1 ? 'Save rule' : `Save as version ${nextVersion}`}
        </button>
        <button type="button" className="mb-button" disabled={trial.running} onClick={tryIt}>
          {trial.running ? 'Trying…' : 'Try on history'}
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel
        </button>
        <span className="mb-muted">Saved rules start paused: run their backtest, then enable them.</span>
      </p>
      {trial.error && (
        <p role="alert" className="mb-error">
          {trial.error}
        </p>
      )}
      {trial.result && trial.definition && <BacktestReport result={trial.result} definition={trial.definition} communityName={communityName} />}
    </form>
  );
}
