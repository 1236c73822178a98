import { BacktestBars } from './BacktestBars';
import { BacktestSamples } from './BacktestSamples';
import type { BacktestState } from './useAlertBacktest';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/**
 * What a rule would have flagged among the stored messages: a progress bar while it runs,
 * then the totals, matches per community, the latest samples and the matches a moderator
 * had dismissed (likely false positives). `stale`: the rule was edited since.
 */
export function BacktestReport({ state, stale }: { state: BacktestState; stale: boolean }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') {
    return (
      <section className="fl-backtest" aria-label="Backtest" aria-busy="true">
        <p role="status">Running the rule over every stored message…</p>
        <progress aria-label="Backtest running" />
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="mb-error">
        The backtest failed: {state.message}
      </p>
    );
  }
  const { result } = state;
  const { match } = state.definition;
  return (
    <section className="fl-backtest" aria-label="Backtest">
      <p role="status">
        {plural(result.matched, 'match', 'matches')} among {plural(result.scanned, 'stored message')} in {plural(result.perCommunity.length, 'community', 'communities')}
        {' · '}
        {plural(result.dismissed, 'match', 'matches')} had been dismissed by a moderator (likely false positives) · {(result.elapsedMs / 1000).toFixed(1)} s
      </p>
      {stale && <p className="mb-error">The rule changed since this backtest: run it again before enabling.</p>}
      {result.perCommunity.length > 0 && <BacktestBars communities={result.perCommunity} />}
      {result.samples.length > 0 && (
        <>
          <h4>Latest {result.samples.length} matches</h4>
          <BacktestSamples label="Latest matches" samples={result.samples} match={match} />
        </>
      )}
      {result.dismissedSamples.length > 0 && (
        <details>
          <summary>Matches a moderator dismissed ({plural(result.dismissed, 'message')})</summary>
          <BacktestSamples label="Dismissed matches" samples={result.dismissedSamples} match={match} />
        </details>
      )}
    </section>
  );
}
