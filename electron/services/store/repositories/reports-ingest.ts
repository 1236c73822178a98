import type { ReportItem } from '@shared/connectors';
import { newId } from '@shared/ids';
import { applyAlertRules } from '../../flags/alert-rules/apply-alert-rules';
import { enabledAlertRules } from '../../flags/alert-rules/rules-repository';
import { refreshFlagTotals } from '../../flags/flag-totals';
import type { Tx } from '../database';
import { sql } from '../sql';
import { ensureCommunities } from './communities-ingest';
import { sortName } from './community-tree';
import { upsertMembers } from './members-ingest';
import { upsertMessages } from './messages-ingest';

/**
 * Upserts one page of reports, set-based: the reported messages and the conversation
 * around them, one flag per reported message, one row per report; then each touched
 * flag's totals are recomputed from its reports (so a re-pull never double-counts).
 * An open flag whose reports the platform has all resolved becomes `handled-elsewhere`.
 * Last, the console's own alert rules run over the messages that arrived (new or edited).
 */
export async function ingestReports(tx: Tx, connectionId: string, items: readonly ReportItem[], now: number): Promise<void> {
  if (items.length === 0) return;
  const messages = items.flatMap((r) => [...r.context, r.message]);
  await ensureCommunities(
    tx,
    connectionId,
    messages.map((m) => m.communityExternalId),
    now,
  );
  await upsertMembers(
    tx,
    connectionId,
    messages.map((m) => m.author),
    now,
  );
  const rules = await enabledAlertRules(tx);
  const arriving = await upsertMessages(tx, connectionId, messages, now, rules.length > 0);

  const byId = new Map<string, ReportItem>();
  for (const item of items) byId.set(item.externalId, item);
  const reports = [...byId.values()];
  const flagged = [...new Map(reports.map((r) => [r.message.externalId, r.message])).values()].map((m) => ({
    id: newId(now),
    msg: m.externalId,
    author: sortName(m.author.displayName),
  }));
  const flaggedJson = JSON.stringify(flagged);
  await tx.run(sql`INSERT INTO flags (id, message_id, community_id, author_sort, community_sort, source, first_reported_at, last_reported_at, updated_at)
    SELECT e.value ->> 'id', msg.id, msg.community_id, e.value ->> 'author', c.tree_key, 'platform', ${now}, ${now}, ${now}
    FROM json_each(${flaggedJson}) e
    CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
    CROSS JOIN communities c ON c.id = msg.community_id
    WHERE true
    ON CONFLICT (message_id) DO UPDATE SET author_sort = excluded.author_sort, source = 'platform'
    WHERE (flags.author_sort, flags.source) IS NOT (excluded.author_sort, 'platform')`);

  const rows = reports.map((r) => ({
    id: newId(now),
    ext: r.externalId,
    ver: r.version,
    msg: r.message.externalId,
    reporter: r.reporter?.name ?? null,
    reason: r.reason,
    at: r.reportedAt,
    status: r.status,
  }));
  await tx.run(sql`INSERT INTO reports (id, connection_id, external_id, version, flag_id, message_id, reporter_name, reason, reported_at, status, created_at)
    SELECT e.value ->> 'id', ${connectionId}, e.value ->> 'ext', e.value ->> 'ver', f.id, msg.id, e.value ->> 'reporter',
      e.value ->> 'reason', e.value ->> 'at', e.value ->> 'status', ${now}
    FROM json_each(${JSON.stringify(rows)}) e
    CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
    CROSS JOIN flags f ON f.message_id = msg.id
    WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET version = excluded.version, status = excluded.status, reason = excluded.reason
    WHERE (reports.version, reports.status, reports.reason) IS NOT (excluded.version, excluded.status, excluded.reason)`);

  await refreshFlagTotals(
    tx,
    sql`SELECT f.id FROM json_each(${flaggedJson}) e
      CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg'
      CROSS JOIN flags f ON f.message_id = msg.id`,
    now,
  );

  await markHandledElsewhere(tx, connectionId, reports, now);
  await applyAlertRules(tx, connectionId, rules, arriving, now);
  tx.touch('flags');
}

/** The latest platform resolution of each reported message, applied to flags still open here. */
async function markHandledElsewhere(tx: Tx, connectionId: string, reports: readonly ReportItem[], now: number): Promise<void> {
  const latest = new Map<string, { msg: string; by: string | null; at: number | null }>();
  for (const r of reports) {
    if (r.status !== 'resolved') continue;
    const seen = latest.get(r.message.externalId);
    const at = r.handledBy?.at ?? null;
    if (!seen || (at ?? 0) > (seen.at ?? 0)) latest.set(r.message.externalId, { msg: r.message.externalId, by: r.handledBy?.name ?? null, at });
  }
  if (latest.size === 0) return;
  await tx.run(sql`WITH h AS MATERIALIZED (
      SELECT msg.id AS message_id, e.value ->> 'by' AS by, coalesce(e.value ->> 'at', ${now}) AS at
      FROM json_each(${JSON.stringify([...latest.values()])}) e
      CROSS JOIN messages msg ON msg.connection_id = ${connectionId} AND msg.external_id = e.value ->> 'msg')
    UPDATE flags SET status = 'handled-elsewhere', handled_elsewhere_by = h.by, handled_elsewhere_at = h.at, updated_at = ${now}
    FROM h
    WHERE flags.message_id = h.message_id AND +flags.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.flag_id = flags.id AND r.status = 'open')`);
}
