import type { AlertBacktestCommunity } from '@shared/domain/flagged-backtest';
import { CommunityName } from '../../ui/CommunityName';

/** Communities drawn as bars; the rest are summed in one line. */
const SHOWN = 12;

/**
 * Matches per community as a small bar chart, busiest first: a table (community, matches,
 * dismissed before) whose bars are drawn beside the numbers, so the numbers stay readable
 * text for screen readers and the bars are only for the eye.
 */
export function BacktestBars({ communities }: { communities: readonly AlertBacktestCommunity[] }) {
  const top = Math.max(1, ...communities.map((c) => c.matched));
  const rest = communities.slice(SHOWN);
  return (
    <table className="fl-bars" aria-label="Matches per community">
      <thead>
        <tr>
          <th scope="col">Community</th>
          <th scope="col">Matches</th>
          <th scope="col">Dismissed before</th>
          <th scope="col" aria-hidden="true" style={{ width: '40%' }} />
        </tr>
      </thead>
      <tbody>
        {communities.slice(0, SHOWN).map((c) => (
          <tr key={c.communityId}>
            <td>
              <CommunityName name={c.communityName} parentName={c.parentName} />
            </td>
            <td className="fl-num">{c.matched.toLocaleString()}</td>
            <td className="fl-num">{c.dismissed.toLocaleString()}</td>
            <td aria-hidden="true">
              <div style={{ display: 'flex' }}>
                <div className="fl-bar" style={{ width: `${((c.matched - c.dismissed) / top) * 100}%` }} />
                {c.dismissed > 0 && <div className="fl-bar fl-bar--dismissed" style={{ width: `${(c.dismissed / top) * 100}%` }} />}
              </div>
            </td>
          </tr>
        ))}
        {rest.length > 0 && (
          <tr>
            <td>and {rest.length.toLocaleString()} more communities</td>
            <td className="fl-num">{rest.reduce((n, c) => n + c.matched, 0).toLocaleString()}</td>
            <td className="fl-num">{rest.reduce((n, c) => n + c.dismissed, 0).toLocaleString()}</td>
            <td aria-hidden="true" />
          </tr>
        )}
      </tbody>
    </table>
  );
}
