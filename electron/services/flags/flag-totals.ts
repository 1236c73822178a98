import type { Tx } from '../store/database';
import { sql, type SqlQuery } from '../store/sql';

/**
 * Recomputes each flag's merged totals from its reports (count, reasons in order of
 * first appearance, first and last reported), for the flags `flagIds` selects. Rows whose
 * totals did not change are left alone, so a re-pull does not churn the indexes.
 */
export async function refreshFlagTotals(tx: Tx, flagIds: SqlQuery, now: number): Promise<void> {
  await tx.run(sql`UPDATE flags SET report_count = agg.n, reasons = agg.reasons, first_reported_at = agg.first,
      last_reported_at = agg.last, updated_at = ${now}
    FROM (SELECT r.flag_id, count(*) AS n, min(r.reported_at) AS first, max(r.reported_at) AS last,
            (SELECT json_group_array(reason) FROM (SELECT reason FROM reports WHERE flag_id = r.flag_id
               GROUP BY reason ORDER BY min(reported_at), reason)) AS reasons
          FROM reports r WHERE r.flag_id IN (${flagIds}) GROUP BY r.flag_id) agg
    WHERE flags.id = agg.flag_id
      AND (flags.report_count, flags.reasons, flags.first_reported_at, flags.last_reported_at) IS NOT (agg.n, agg.reasons, agg.first, agg.last)`);
}
