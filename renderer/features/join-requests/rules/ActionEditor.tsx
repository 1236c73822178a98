import type { DecisionReason } from '@shared/domain/decisions';
import type { RuleActionKind } from '@shared/rules/schema';
import type { RuleDraft } from './ruleDraft';

interface Props {
  readonly draft: RuleDraft;
  readonly reasons: readonly DecisionReason[];
  readonly onChange: (patch: Partial<RuleDraft>) => void;
}

/** What the rule does to a matching new request: approve, decline with a library reason (and ban), or mark for review. */
export function ActionEditor({ draft, reasons, onChange }: Props) {
  return (
    <fieldset className="jr-condition">
      <legend>Then</legend>
      <select className="mb-select" aria-label="Action" value={draft.action} onChange={(e) => onChange({ action: e.target.value as RuleActionKind })}>
        <option value="decline">Decline</option>
        <option value="approve">Approve</option>
        <option value="review">Mark for review</option>
      </select>
      {draft.action === 'decline' && (
        <>
          <select className="mb-select jr-grow" aria-label="Reason" value={draft.reasonId} onChange={(e) => onChange({ reasonId: e.target.value })}>
            <option value="">Choose a reason…</option>
            {reasons.map((reason) => (
              <option key={reason.id} value={reason.id}>
                {reason.label}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={draft.ban} onChange={(e) => onChange({ ban: e.target.checked })} /> and ban
          </label>
        </>
      )}
    </fieldset>
  );
}
