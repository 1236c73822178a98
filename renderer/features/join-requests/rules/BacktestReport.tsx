import type { BacktestResult } from '@shared/rules/model';
import type { RuleDefinition } from '@shared/rules/schema';
import { CommunityBars } from './CommunityBars';
import { describeCondition } from './ruleText';
import { SampleTable } from './SampleTable';

interface Props {
  readonly result: BacktestResult;
  readonly definition: RuleDefinition;
  readonly communityName: (id: string) => string;
}

const n = (value: number) => value.toLocaleString();

/** What the rule would have done to the stored history: counts per community, samples, near-misses, disagreements. */
export function BacktestReport({ result, definition, communityName }: Props) {
  const { disagreement } = result;
  const action = definition.action.kind;
  const opposite = action === 'approve' ? 'declined' : 'approved';
  return (
    <section className="jr-backtest" aria-label="Backtest result">
      <p role="status">
        Backtest{result.version !== null ? ` of version ${result.version}` : ' of the draft'}: <strong>{n(result.matched)} would have matched</strong> of{' '}
        {n(result.scanned)} stored requests, {n(result.nearMisses)} near-misses
        {result.inconclusive > 0 && `, ${n(result.inconclusive)} not judged (the pattern ran out of budget on long answers)`}.{' '}
        <span className="mb-muted">({n(result.elapsedMs)} ms)</span>
      </p>
      <h4>Matches per community</h4>
      {result.matched === 0 ? <p className="mb-muted">No stored request matches.</p> : <CommunityBars rows={result.perCommunity} others={result.otherCommunities} />}
      <h4>Against past decisions by people</h4>
      <p>
        People decided {n(disagreement.decidedByPeople)} of the matches: approved {n(disagreement.personApproved)}, declined {n(disagreement.personDeclined)}.{' '}
        {action === 'review' ? (
          'A review rule only marks requests, so it cannot contradict anyone.'
        ) : (
          <strong>
            The rule would {action === 'approve' ? 'approve' : 'decline'} {n(disagreement.count)} that a person {opposite}.
          </strong>
        )}
      </p>
      <SampleTable
        caption={`Disagreements: the rule would ${action === 'approve' ? 'approve' : 'decline'}, a person ${opposite}`}
        rows={disagreement.samples}
        note={{ header: 'Decided by', text: (row) => row.decidedBy ?? '' }}
      />
      <SampleTable caption="Latest matches" rows={result.samples} />
      <SampleTable
        caption={`Near-misses: every condition but one (${n(result.nearMisses)})`}
        rows={result.nearMissSamples}
        note={{
          header: 'Failed',
          text: (row) => {
            const condition = definition.conditions[row.failedCondition];
            return condition ? describeCondition(condition, communityName) : '';
          },
        }}
      />
    </section>
  );
}
