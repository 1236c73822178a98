import type { FlagAction } from '@shared/contract/flagged';
import type { DecisionPreview } from '@shared/domain/decisions';
import { Dialog } from '../../ui/dialog';
import { InlineText } from '../join-requests/InlineText';
import { actionVerb } from './actionText';

/** Before a large bulk: how many flags, in which communities. Enter confirms, Escape cancels. */
export function FlagBulkConfirm({ action, preview, onConfirm, onCancel }: { action: FlagAction; preview: DecisionPreview | null; onConfirm: () => void; onCancel: () => void }) {
  const verb = actionVerb(action.kind);
  const title = preview ? `${verb}: ${preview.total.toLocaleString()} flags?` : `${verb}: counting the flags…`;
  return (
    <Dialog title={title} onCancel={onCancel} onConfirm={preview ? onConfirm : undefined} wide>
      {preview ? (
        <div className="jr-preview-scroll">
          <table className="mb-shortcuts">
            <caption className="mb-visually-hidden">Flags per community</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col" className="jr-number">
                  Flags
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
