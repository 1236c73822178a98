import type { AlertMatch, AlertRuleDefinition } from '@shared/flags/alert-rule-schema';
import { textMatcher } from '@shared/flags/alert-match';
import type { AlertBacktestResult } from '@shared/domain/flagged-backtest';
import type { Reader } from '../../store/database';
import { sql, type SqlQuery } from '../../store/sql';
import { AlertBacktestTally, type BacktestMessage } from './backtest-tally';

/** Messages read per query. */
export const ALERT_BACKTEST_BATCH = 2_000;
/** JavaScript matches messages for at most this long before the event loop gets a turn. */
const SLICE_MS = 15;
const MINUTE_MS = 60_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const COLUMNS = sql`m.seq, m.id, m.community_id, m.author_name, m.body, m.sent_at, (SELECT f.status FROM flags f WHERE f.message_id = m.id) AS flag_status`;

/** The matched messages of a batch, with what the tally needs (only matches pay for the flag lookup and the extra columns). */
const matchedRows = (seqs: readonly number[]): SqlQuery =>
  sql`SELECT ${COLUMNS} FROM json_each(${JSON.stringify(seqs)}) e CROSS JOIN messages m ON m.seq = e.value ORDER BY m.seq DESC`;

/**
 * The batch's matches for "the same text in N communities within the window": set-based
 * over the text fingerprint index, as the live rule runs (apply-alert-rules.ts).
 */
function repeatedTextQuery(match: Extract<AlertMatch, { kind: 'repeated-text' }>, low: number, high: number): SqlQuery {
  const window = match.withinMinutes * MINUTE_MS;
  return sql`SELECT ${COLUMNS}, count(DISTINCT o.community_id) AS n FROM messages m
    JOIN messages o ON o.text_key = m.text_key AND o.sent_at BETWEEN m.sent_at - ${window} AND m.sent_at + ${window}
    WHERE m.seq > ${low} AND m.seq <= ${high} AND m.text_key IS NOT NULL
    GROUP BY m.seq HAVING count(DISTINCT o.community_id) >= ${match.communities} ORDER BY m.seq DESC`;
}

/**
 * Runs an alert rule over every stored message, latest stored first, on the read
 * connection, before it is enabled: text rules through the same matcher the live rule
 * uses (`shared/flags/alert-match.ts`, regexes bounded), repeated text through the same
 * SQL, so a backtest and the live rule cannot disagree. Rowid ranges of
 * ALERT_BACKTEST_BATCH; the event loop gets a turn after each batch and every SLICE_MS
 * of matching. Matches whose message a moderator dismissed are counted apart: likely
 * false positives.
 */
export async function backtestAlertRule(reader: Reader, definition: AlertRuleDefinition, batch = ALERT_BACKTEST_BATCH): Promise<AlertBacktestResult> {
  const started = performance.now();
  const { match } = definition;
  const matcher = textMatcher(match);
  const bounds = await reader.get<{ top: number | null; n: number }>(sql`SELECT max(seq) AS top, count(*) AS n FROM messages`);
  const tally = new AlertBacktestTally();
  let slice = performance.now();
  for (let high = bounds?.top ?? 0; high > 0; high -= batch) {
    const low = high - batch;
    if (match.kind === 'repeated-text') {
      const rows = await reader.all<BacktestMessage & { n: number }>(repeatedTextQuery(match, low, high));
      for (const row of rows) tally.match(row, `the same text in ${row.n} communities within ${match.withinMinutes} min`);
    } else if (matcher) {
      // Only the text crosses into JavaScript for every message; the rest is read for the matches.
      const rows = await reader.all<{ seq: number; body: string }>(sql`SELECT m.seq, m.body FROM messages m WHERE m.seq > ${low} AND m.seq <= ${high} ORDER BY m.seq DESC`);
      const hits = new Map<number, string>();
      for (const row of rows) {
        if (performance.now() - slice > SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
        const what = matcher(row.body);
        if (what) hits.set(row.seq, what);
      }
      if (hits.size > 0) for (const row of await reader.all<BacktestMessage & { seq: number }>(matchedRows([...hits.keys()]))) tally.match(row, hits.get(row.seq) ?? '');
    }
    await nextTurn();
    slice = performance.now();
  }
  const names = await reader.all<{ id: string; name: string; parent: string | null }>(sql`SELECT c.id, c.name, p.name AS parent
    FROM json_each(${JSON.stringify(tally.communityIds())}) e JOIN communities c ON c.id = e.value LEFT JOIN communities p ON p.id = c.parent_id`);
  return tally.result(new Map(names.map((n) => [n.id, { name: n.name, parent: n.parent }])), {
    scanned: bounds?.n ?? 0,
    elapsedMs: Math.round(performance.now() - started),
  });
}
