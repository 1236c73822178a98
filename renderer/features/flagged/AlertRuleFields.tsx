import { ALERT_MATCH_KINDS, type AlertMatchKind } from '@shared/flags/alert-rule-schema';
import { ALERT_KIND_LABELS, type AlertRuleDraft } from './alertRuleDraft';

/** The rule form's fields: name, the kind of test, and what that kind needs. */
export function AlertRuleFields({ draft, onChange }: { draft: AlertRuleDraft; onChange: (change: Partial<AlertRuleDraft>) => void }) {
  const needsText = draft.kind === 'keywords' || draft.kind === 'regex' || draft.kind === 'link-domains';
  return (
    <>
      <label className="jr-field">
        <span>Name</span>
        <input className="mb-search" dir="auto" maxLength={80} autoFocus value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />
      </label>
      <label className="jr-field">
        <span>Flags a message with</span>
        <select className="mb-select" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as AlertMatchKind })}>
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
          <textarea className="mb-search" dir="auto" rows={2} value={draft.text} onChange={(e) => onChange({ text: e.target.value })} />
        </label>
      )}
      {draft.kind === 'keywords' && (
        <label>
          <input type="checkbox" checked={draft.matchAll} onChange={(e) => onChange({ matchAll: e.target.checked })} /> all of them (else any)
        </label>
      )}
      {(draft.kind === 'mention-flood' || draft.kind === 'repeated-text') && (
        <label className="jr-field">
          <span>{draft.kind === 'mention-flood' ? 'At least this many mentions' : 'In at least this many communities'}</span>
          <input className="mb-search" type="number" min={2} max={200} value={draft.count} onChange={(e) => onChange({ count: Number(e.target.value) })} />
        </label>
      )}
      {draft.kind === 'repeated-text' && (
        <label className="jr-field">
          <span>Within minutes</span>
          <input className="mb-search" type="number" min={1} max={10080} value={draft.withinMinutes} onChange={(e) => onChange({ withinMinutes: Number(e.target.value) })} />
        </label>
      )}
    </>
  );
}
