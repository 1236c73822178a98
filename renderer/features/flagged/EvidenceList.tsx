import type { EvidenceSummary } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';

/** The snapshots kept when this case was decided, each checked against its hash; export offers the file. */
export function EvidenceList({ evidence, onExport }: { evidence: readonly EvidenceSummary[]; onExport: () => void }) {
  return (
    <section aria-labelledby="fl-evidence-title">
      <h3 id="fl-evidence-title">Evidence ({evidence.length})</h3>
      {evidence.length === 0 && <p className="mb-muted">Nothing decided yet: the case is snapshotted when it is.</p>}
      <ul className="jr-list">
        {evidence.map((item) => (
          <li key={item.id}>
            {item.decision} by <InlineText text={item.actor} /> <span className="mb-muted">{formatAge(item.capturedAt)}</span>{' '}
            {item.verified ? <span className="mb-pill mb-pill--good">verified</span> : <span className="mb-pill mb-pill--bad">tampered</span>}
            <div className="mb-muted fl-hash" title={item.sha256}>
              sha256 {item.sha256.slice(0, 16)}…
            </div>
            {item.problem && (
              <p role="alert" className="mb-error">
                {item.problem}
              </p>
            )}
          </li>
        ))}
      </ul>
      <button type="button" className="mb-button jr-small" onClick={onExport}>
        Export case (e)
      </button>
    </section>
  );
}
