import { useState } from 'react';
import type { AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { SideDrawer } from '../../ui/queue/SideDrawer';
import { AlertRuleForm } from './AlertRuleForm';
import { AlertRuleItem } from './AlertRuleItem';

/** The console's own alert rules over arriving messages: what each flags, how often it hit, on or off (on only after a backtest). */
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
  return (
    <SideDrawer title="Alert rules" onClose={onClose}>
      <p className="mb-muted">
        Run on every message as it syncs; a match is flagged for review, marked as raised by the rule. A rule is backtested over the stored messages before it is
        enabled.
      </p>
      {(error ?? rules.error) && (
        <p role="alert" className="mb-error">
          {error ?? rules.error?.message}
        </p>
      )}
      <ul className="jr-list" aria-label="Alert rules">
        {rules.data?.map((rule) => (
          <AlertRuleItem key={`${rule.id}.${rule.version}.${rule.enabled}`} rule={rule} onSave={save} onDelete={(id) => void run(api.call('alertRules.delete', { id }))} />
        ))}
      </ul>
      <AlertRuleForm onSave={save} />
    </SideDrawer>
  );
}
