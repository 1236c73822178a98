import { useRef, useState } from 'react';
import type { DecisionReason } from '@shared/domain/decisions';
import type { RuleDefinition } from '@shared/rules/schema';
import { Dialog } from '../../../ui/dialog';
import { RuleDetail } from './RuleDetail';
import { RuleEditor } from './RuleEditor';
import { RuleList } from './RuleList';
import { blankDraft, toDraft } from './ruleDraft';
import { useBacktest } from './useBacktest';
import { useCommunityOptions } from './useCommunityOptions';
import { useRules } from './useRules';
import './rules.css';

type Pane = { readonly kind: 'none' } | { readonly kind: 'rule'; readonly id: string } | { readonly kind: 'edit'; readonly id: string | null };

interface Props {
  readonly reasons: readonly DecisionReason[];
  readonly onClose: () => void;
}

/**
 * Rules that decide new join requests as they arrive: the list with switches, an editor,
 * and the backtest that must run on a version before it can be enabled. Saving runs
 * the new version's backtest at once, so the next step is to look at it and enable.
 */
export function RulesDialog({ reasons, onClose }: Props) {
  const rules = useRules();
  const backtest = useBacktest(rules.reload);
  const { options, communityName } = useCommunityOptions();
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [confirming, setConfirming] = useState<string | null>(null);
  /** Where focus goes when the pane it was in closes, so Escape and Tab keep working inside the dialog. */
  const newRuleRef = useRef<HTMLButtonElement>(null);
  const closePane = () => {
    newRuleRef.current?.focus();
    setPane({ kind: 'none' });
  };
  const selected = pane.kind === 'rule' ? rules.rules.find((rule) => rule.id === pane.id) : undefined;
  const edited = pane.kind === 'edit' && pane.id ? rules.rules.find((rule) => rule.id === pane.id) : undefined;

  const open = (id: string) => {
    setConfirming(null);
    setPane({ kind: 'rule', id });
  };

  const save = async (definition: RuleDefinition): Promise<boolean> => {
    const saved = await rules.save(definition, edited?.id);
    if (!saved) return false;
    open(saved.id);
    void backtest.run({ ruleId: saved.id }, saved.definition);
    return true;
  };

  return (
    <Dialog title="Rules" onCancel={onClose} wide>
      <p className="jr-rules-intro mb-muted">
        Enabled rules act on new requests as they arrive, tried in this order: the first that matches acts. Requests a person already decided are never
        touched, and every hit is in the audit log with the rule’s version.
      </p>
      {rules.loaded && rules.rules.length === 0 && pane.kind !== 'edit' && <p>No rules yet.</p>}
      <RuleList
        rules={rules.rules}
        reasons={reasons}
        selectedId={pane.kind === 'rule' ? pane.id : null}
        onOpen={open}
        onSwitch={(rule) => {
          if (rule.enabled) {
            void rules.setEnabled(rule.id, false);
            return;
          }
          open(rule.id);
          setConfirming(rule.id);
        }}
      />
      <p className="jr-dialog-actions">
        <button ref={newRuleRef} type="button" className="mb-button" data-autofocus="" onClick={() => setPane({ kind: 'edit', id: null })}>
          New rule
        </button>
        <button type="button" className="mb-button" onClick={onClose}>
          Close
        </button>
      </p>
      {rules.error && (
        <p role="alert" className="mb-error">
          {rules.error}
        </p>
      )}
      {pane.kind === 'edit' && (
        <RuleEditor
          key={pane.id ?? 'new'}
          initial={edited ? toDraft(edited.definition) : blankDraft(reasons[0]?.id ?? '')}
          nextVersion={edited ? edited.version + 1 : 1}
          reasons={reasons}
          communities={options}
          communityName={communityName}
          onSave={save}
          onCancel={() => (edited ? open(edited.id) : closePane())}
        />
      )}
      {pane.kind === 'rule' && !selected && <p className="mb-muted">Loading the rule…</p>}
      {selected && (
        <RuleDetail
          rule={selected}
          reasons={reasons}
          communityName={communityName}
          backtest={backtest}
          confirming={confirming === selected.id}
          onConfirmingChange={(on) => setConfirming(on ? selected.id : null)}
          onSetEnabled={(enabled) => void rules.setEnabled(selected.id, enabled)}
          onEdit={() => setPane({ kind: 'edit', id: selected.id })}
          onDelete={() => {
            void rules.remove(selected.id);
            closePane();
          }}
        />
      )}
    </Dialog>
  );
}
