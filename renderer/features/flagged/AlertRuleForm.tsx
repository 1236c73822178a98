import { useState } from 'react';
import { ALERT_MATCH_KINDS, type AlertMatchKind, type AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { ALERT_KIND_LABELS, draftToDefinition, EMPTY_DRAFT, type AlertRuleDraft } from './alertRuleDraft';

/** A new alert rule: a name and one test; saved on, it applies to messages that arrive from then on. */
export function AlertRuleForm({ onSave }: { onSave: (definition: AlertRuleDefinition) => Promise<boolean> }) {
  const [draft, setDraft] = useState<AlertRuleDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (change: Partial<AlertRuleDraft>) => setDraft((current) => ({ ...current, ...change }));
  const needsText = draft.kind === 'keywords' || draft.kind === 'regex' || draft.kind === 'link-domains';
  return (
    <form
      className="fl-rule-form"
      onSubmit={(event) => {
        event.preventDefault();
        const result = draftToDefinition(draft);
        if ('problem' in result) {
          setProblem(result.problem);
          return;
        }
        setProblem(null);
        void onSave(result.definition).then((saved) => saved && setDraft(EMPTY_DRAFT));
      }}
    >
      <fieldset>
        <legend>New alert rule</legend>
        <label className="jr-field">
          <span>Name</span>
          <input className="mb-search" dir="auto" maxLength={80} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="jr-field">
          <span>Flags a message with</span>
          <select className="mb-select" value={draft.kind} onChange={(e) => set({ kind: e.target.value as AlertMatchKind })}>
            {ALERT_MATCH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ALERT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {needsText && (
          <label className="jr-field">
            <span>{draft.kind === 'regex' ? 'Pattern (no backreferences or lookaround)' : draft.kind === 'keywords' ? 'Words, one per line or comma-separated' : 'Domains (subdomains match too)'}</span>
            <textarea className="mb-search" dir="auto" rows={2} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </label>
        )}
        {draft.kind === 'keywords' && (
          <label>
            <input type="checkbox" checked={draft.matchAll} onChange={(e) => set({ matchAll: e.target.checked })} /> all of them (else any)
          </label>
        )}
        {(draft.kind === 'mention-flood' || draft.kind === 'repeated-text') && (
          <label className="jr-field">
            <span>{draft.kind === 'mention-flood' ? 'At least this many mentions' : 'In at least this many communities'}</span>
            <input className="mb-search" type="number" min={2} max={200} value={draft.count} onChange={(e) => set({ count: Number(e.target.value) })} />
          </label>
        )}
        {draft.kind === 'repeated-text' && (
          <label className="jr-field">
            <span>Within minutes</span>
            <input className="mb-search" type="number" min={1} max={10080} value={draft.withinMinutes} onChange={(e) => set({ withinMinutes: Number(e.target.value) })} />
          </label>
        )}
        <button type="submit" className="mb-button">
          Add rule (on)
        </button>
        {problem && (
          <p role="alert" className="mb-error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}
