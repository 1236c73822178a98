import type { DecisionPreview, JoinDecisionKind } from '@shared/domain/decisions';
import { Dialog } from '../../ui/dialog';
import { decisionVerb } from './decisionText';
import type { ReasonChoice } from './useDecisionFlow';
import { InlineText } from './InlineText';

interface Props {
  readonly decision: JoinDecisionKind;
  readonly reason: ReasonChoice | null;
  readonly preview: DecisionPreview | null;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Before a large bulk: how many requests, in which communities. Enter confirms, Escape cancels. */
export function BulkConfirmDialog({ decision, reason, preview, onConfirm, onCancel }: Props) {
  const verb = decisionVerb(decision);
  const title = preview ? `${verb} ${preview.total.toLocaleString()} requests?` : `${verb}: counting the requests…`;
  return (
    <Dialog title={title} onCancel={onCancel} onConfirm={preview ? onConfirm : undefined} wide>
      {reason && (
        <p>
          Reason: <InlineText text={'reasonId' in reason ? reason.label : reason.reasonText} />
        </p>
      )}
      {preview ? (
        <div className="jr-preview-scroll">
          <table className="mb-shortcuts">
            <caption className="mb-visually-hidden">Requests per community</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col" className="jr-number">
                  Requests
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.perCommunity.map((row) => (
                <tr key={row.communityId}>
                  <td>
                    <InlineText text={row.communityName} />
                    {row.parentName && (
                      <span className="mb-muted">
                        {' '}
                        in <InlineText text={row.parentName} />
                      </span>
                    )}
                  </td>
                  <td className="jr-number">{row.count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p role="status">Counting what this reaches…</p>
      )}
      <p className="jr-dialog-actions">
        <button type="button" className="mb-button mb-button--primary" data-autofocus="" disabled={!preview} onClick={onConfirm}>
          {verb} (Enter)
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel (Escape)
        </button>
      </p>
    </Dialog>
  );
}
