import type { ReportResolution } from '@shared/connectors';
import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { RULE_REPORT_PREFIX } from '../alert-rules/rule-reports';
import { TARGET_ROWS } from '../flag-targets';
import { capableOf, insertPushes, type PushContext } from './push-context';

/**
 * Every open report of the decided flags is resolved here (so three reports of one
 * message are resolved by one dismissal), and the platform's own reports are resolved
 * there too where its connector can. Reports raised by alert rules exist only here.
 * Each report remembers the action, so undo reopens exactly these.
 */
export async function resolveReports(tx: Tx, context: PushContext, resolution: ReportResolution): Promise<void> {
  await insertPushes(
    tx,
    context,
    sql`SELECT ${context.actionId} || '.r' || r.seq AS id, r.connection_id,
        x.community_external || '/' || coalesce(x.member_external, '') AS target_key, x.flag_id AS subject_id,
        json_object('type', 'resolveReport', 'reportExternalId', r.external_id, 'version', r.version, 'resolution', ${resolution}) AS payload
      FROM (${TARGET_ROWS}) x JOIN reports r ON r.flag_id = x.flag_id
      WHERE x.decided AND r.status = 'open' AND substr(r.external_id, 1, ${RULE_REPORT_PREFIX.length}) <> ${RULE_REPORT_PREFIX}
        AND r.connection_id IN ${capableOf(context, ['reports.resolve'])}`,
  );
  await tx.run(sql`UPDATE reports SET status = 'resolved', resolved_by_action = ${context.actionId}
    WHERE status = 'open' AND flag_id IN (SELECT x.flag_id FROM (${TARGET_ROWS}) x WHERE x.decided)`);
}
