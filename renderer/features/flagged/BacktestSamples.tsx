import type { AlertBacktestSample } from '@shared/domain/flagged-backtest';
import type { AlertMatch } from '@shared/flags/alert-rule-schema';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';
import { highlightPieces } from './backtestHighlight';
import { hiddenReason } from './hiddenReason';
import { Reveal } from './Reveal';
import { useWellbeing } from './wellbeingContext';

interface Props {
  readonly label: string;
  readonly samples: readonly AlertBacktestSample[];
  readonly match: AlertMatch;
}

/**
 * Matched messages, latest first: who, where, when, what matched, and the text (inert
 * text nodes, the matched words marked; blurred like any message when the moderator chose).
 */
export function BacktestSamples({ label, samples, match }: Props) {
  const wellbeing = useWellbeing();
  return (
    <ol className="fl-samples" aria-label={label}>
      {samples.map((sample) => {
        const hidden = hiddenReason(sample.excerpt, wellbeing);
        const text = (
          <bdi dir="auto" className="mb-text">
            {highlightPieces(sample.excerpt, match).map((piece, index) => (piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text))}
          </bdi>
        );
        return (
          <li key={sample.messageId}>
            <div className="mb-muted">
              <InlineText text={sample.authorName} max={80} /> in <InlineText text={sample.communityName} max={80} /> · {formatAge(sample.sentAt)} ·{' '}
              <InlineText text={sample.what} max={120} />
              {sample.flagStatus && <span className={sample.flagStatus === 'dismissed' ? 'mb-pill mb-pill--warn' : 'mb-pill'}>{sample.flagStatus}</span>}
            </div>
            {hidden ? (
              <Reveal what={`text (${hidden})`} owner={sample.authorName}>
                {text}
              </Reveal>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ol>
  );
}
