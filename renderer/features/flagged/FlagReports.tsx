import type { FlagReport } from '@shared/domain/flagged';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';

/** Every report merged into this flag: who (or which alert rule), why, when, and whether it is resolved. */
export function FlagReports({ reports }: { reports: readonly FlagReport[] }) {
  return (
    <section aria-labelledby="fl-reports-title">
      <h3 id="fl-reports-title">Reports ({reports.length})</h3>
      <ul className="jr-list">
        {reports.map((report) => (
          <li key={report.id}>
            {report.ruleName ? <span className="mb-pill mb-pill--warn">alert rule</span> : <InlineText text={report.reporterName ?? 'anonymous'} max={120} />}{' '}
            <InlineText text={report.reason} max={500} /> <span className="mb-muted">{formatAge(report.reportedAt)}</span> <span className="mb-pill">{report.status}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
