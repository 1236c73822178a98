import type { BacktestCommunity } from '@shared/rules/model';

const SEGMENTS = [
  { key: 'pending', label: 'pending now' },
  { key: 'approved', label: 'approved' },
  { key: 'declined', label: 'declined' },
  { key: 'other', label: 'handled elsewhere or withdrawn' },
] as const;

/** Matches per community as bars (longest first), split by where those requests stand today. */
export function CommunityBars({ rows, others }: { rows: readonly BacktestCommunity[]; others: number }) {
  const widest = Math.max(1, ...rows.map((r) => r.matched));
  return (
    <>
      <div className="jr-legend" aria-hidden="true">
        {SEGMENTS.map((s) => (
          <span key={s.key}>
            <i className={`jr-bar-seg--${s.key}`} />
            {s.label}
          </span>
        ))}
      </div>
      <ul className="jr-bars" aria-label="Matches per community">
        {rows.map((row) => {
          const split = SEGMENTS.filter((s) => row[s.key] > 0).map((s) => `${row[s.key].toLocaleString()} ${s.label}`);
          return (
            <li key={row.communityId} className="jr-bar" aria-label={`${row.communityName}: ${row.matched.toLocaleString()} matches (${split.join(', ')})`}>
              <bdi className="jr-bar-name" title={row.parentName ? `${row.communityName} · ${row.parentName}` : row.communityName}>
                {row.communityName}
              </bdi>
              <span className="jr-bar-track" aria-hidden="true">
                {SEGMENTS.map((s) =>
                  row[s.key] > 0 ? <span key={s.key} className={`jr-bar-seg--${s.key}`} style={{ width: `${(row[s.key] / widest) * 100}%` }} /> : null,
                )}
              </span>
              <span className="jr-number">{row.matched.toLocaleString()}</span>
            </li>
          );
        })}
      </ul>
      {others > 0 && <p className="mb-muted">and {others.toLocaleString()} more in other communities</p>}
    </>
  );
}
