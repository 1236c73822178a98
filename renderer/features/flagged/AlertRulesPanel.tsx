import { useState, type KeyboardEvent } from 'react';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { formatAge } from '../../ui/format';
import { InlineText } from '../join-requests/InlineText';
import { AlertRuleForm } from './AlertRuleForm';
import { describeMatch } from './alertRuleDraft';

/** The console's own alert rules over arriving messages: what each flags, how often it hit, on or off. */
export function AlertRulesPanel({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const rules = useQuery('alertRules.list', {});
  const [error, setError] = useState<string | null>(null);
  const { reload } = rules;
  const run = async (pending: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const result = await pending;
    setError(result.ok ? null : (result.error?.message ?? 'The change failed.'));
    if (result.ok) reload();
    return result.ok;
  };
  const save = (definition: AlertRuleDefinition, enabled: boolean, id?: string) => run(api.call('alertRules.save', { definition, enabled, ...(id ? { id } : {}) }));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <aside className="jr-drawer" aria-label="Alert rules" onKeyDown={onKeyDown}>
      <div className="jr-detail-head">
        <h2>Alert rules</h2>
        <button type="button" className="mb-icon-button" aria-label="Close Alert rules" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="mb-muted">Run on every message as it syncs; a match is flagged for review, marked as raised by the rule.</p>
      {(error ?? rules.error) && (
        <p role="alert" className="mb-error">
          {error ?? rules.error?.message}
        </p>
      )}
      <ul className="jr-list">
        {rules.data?.map((rule) => (
          <li key={rule.id} className="jr-recent">
            <strong>
              <InlineText text={rule.definition.name} />
            </strong>{' '}
            <span className="mb-muted">v{rule.version}</span>
            <div className="mb-muted">
              <InlineText text={describeMatch(rule.definition)} max={300} />
            </div>
            <div className="mb-muted">
              {rule.hits.toLocaleString()} flagged{rule.lastHitAt ? `, last ${formatAge(rule.lastHitAt)}` : ''}
            </div>
            <button type="button" className="mb-button jr-small" aria-pressed={rule.enabled} onClick={() => void save(rule.definition, !rule.enabled, rule.id)}>
              {rule.enabled ? 'On' : 'Off'}
            </button>{' '}
            <button type="button" className="mb-button jr-small" onClick={() => void run(api.call('alertRules.delete', { id: rule.id }))}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <AlertRuleForm onSave={(definition) => save(definition, true)} />
    </aside>
  );
}
