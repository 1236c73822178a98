import type { PersonReport } from '@shared/domain/decisions';
import { formatAge } from '../../format';
import { InlineText } from '../../InlineText';
import { LongText } from '../../LongText';

/** Messages of this person that were reported, in any of your communities. */
export function PersonReports({ reports }: { reports: readonly PersonReport[] }) {
  return (
    <section aria-labelledby="jr-person-reports">
      <h4 id="jr-person-reports">Reports against them ({reports.length})</h4>
      {reports.length === 0 ? (
        <p className="mb-muted">None.</p>
      ) : (
        <ul className="jr-list">
          {reports.map((report) => (
            <li key={report.flagId}>
              <InlineText text={report.communityName} /> · <span className="mb-pill">{report.status}</span>
              <span className="mb-muted">{formatAge(report.reportedAt)}</span>
              <LongText text={report.excerpt} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
