import type { ReactNode } from 'react';
import type { DecisionPreview } from '@shared/domain/decisions';
import { CommunityName } from '../../CommunityName';
import { Dialog } from '../../dialog';
import { DialogButtons } from './DialogButtons';

interface Props {
  /** "Decline 1,200 requests?" once counted, "Decline: counting the requests…" before. */
  readonly title: string;
  /** The primary button ("Decline"). */
  readonly verb: string;
  /** What the rows are, as the table's column heading ("Requests", "Flags"). */
  readonly rowsHeading: string;
  /** Main's counts per community; null while it counts. */
  readonly preview: DecisionPreview | null;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** Above the counts: what else the decision carries (its reason). */
  readonly children?: ReactNode;
}

/** Before a large bulk: how many rows, in which communities. Enter confirms (once counted), Escape cancels. */
export function BulkConfirmDialog({ title, verb, rowsHeading, preview, onConfirm, onCancel, children }: Props) {
  return (
    <Dialog title={title} onCancel={onCancel} onConfirm={preview ? onConfirm : undefined} wide>
      {children}
      {preview ? (
        <div className="jr-preview-scroll">
          <table className="mb-shortcuts">
            <caption className="mb-visually-hidden">{rowsHeading} per community</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col" className="jr-number">
                  {rowsHeading}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.perCommunity.map((row) => (
                <tr key={row.communityId}>
                  <td>
                    <CommunityName name={row.communityName} parentName={row.parentName} />
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
      <DialogButtons confirmLabel={verb} canConfirm={preview !== null} onConfirm={onConfirm} onCancel={onCancel} autofocus />
    </Dialog>
  );
}
