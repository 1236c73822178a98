import type { BacktestSample } from '@shared/rules/model';
import { formatAge } from '../../../ui/format';

interface Props<S extends BacktestSample> {
  readonly caption: string;
  readonly rows: readonly S[];
  /** A last column ("failed: account age", "a person approved"). */
  readonly note?: { readonly header: string; readonly text: (row: S) => string };
}

/** A few stored requests from a backtest; every value is text (names and answers come from strangers). */
export function SampleTable<S extends BacktestSample>({ caption, rows, note }: Props<S>) {
  if (rows.length === 0) return null;
  return (
    <table className="jr-samples">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th style={{ width: '22%' }}>Person</th>
          <th style={{ width: '20%' }}>Community</th>
          <th>Answer</th>
          <th style={{ width: '14%' }}>Status</th>
          {note && <th style={{ width: '24%' }}>{note.header}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td dir="auto" title={row.personName.slice(0, 300)}>
              {row.personName.slice(0, 120)}
            </td>
            <td dir="auto">{row.communityName}</td>
            <td dir="auto" title={row.firstAnswer}>
              {row.firstAnswer || '(no answer)'}
            </td>
            <td title={formatAge(row.requestedAt)}>{row.status}</td>
            {note && <td>{note.text(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
