import { signalBit } from '@shared/domain/join-request';
import type { Tx } from '../database';
import { sql, type SqlQuery } from '../sql';

const DAY_MS = 86_400_000;
/** A person asking this many times within a day either side of a request is "many requests today". */
const MANY_REQUESTS = 3;

const DECLINED = signalBit('declined-elsewhere');
const MANY = signalBit('many-requests-today');

/**
 * The signals that depend on other rows, marked for one ingested batch with a few
 * set-based statements (never one per row). Counts stop at the threshold
 * (`LIMIT n` inside `count`), so a person seen a million times costs no more than
 * one seen three times. Bits are only ever added. Clusters: join-request-bursts.ts.
 */
export async function markBatchSignals(tx: Tx, connectionId: string, externalIds: readonly string[]): Promise<void> {
  const ids = JSON.stringify(externalIds);
  const batch = sql`SELECT b.seq FROM join_requests b
    WHERE b.connection_id = ${connectionId} AND b.external_id IN (SELECT value FROM json_each(${ids}))`;
  await markDeclinedHere(tx, batch);
  await markManyRequests(tx, batch);
}

/** The person already had a request declined (by us) or is banned in one of our communities. */
async function markDeclinedHere(tx: Tx, batch: SqlQuery): Promise<void> {
  await tx.run(sql`UPDATE join_requests SET signals = signals | ${DECLINED}
    WHERE seq IN (${batch}) AND signals & ${DECLINED} = 0
      AND (EXISTS (SELECT 1 FROM join_requests o WHERE o.member_id = join_requests.member_id
                     AND (o.status = 'declined' OR o.decision IN ('decline', 'decline-ban')))
        OR EXISTS (SELECT 1 FROM memberships s WHERE s.member_id = join_requests.member_id AND s.role = 'banned'))`);
}

/**
 * Every request of a batch member that has at least MANY_REQUESTS requests of that
 * member within a day of it (its own included): the batch's requests and the older
 * ones they push over the line.
 */
async function markManyRequests(tx: Tx, batch: SqlQuery): Promise<void> {
  await tx.run(sql`UPDATE join_requests SET signals = signals | ${MANY}
    WHERE seq IN (
      SELECT x.seq FROM join_requests b
      JOIN join_requests x ON x.member_id = b.member_id AND x.requested_at BETWEEN b.requested_at - ${DAY_MS} AND b.requested_at + ${DAY_MS}
      WHERE b.seq IN (${batch}) AND x.signals & ${MANY} = 0
        AND (SELECT count(*) FROM (SELECT 1 FROM join_requests y WHERE y.member_id = x.member_id
               AND y.requested_at BETWEEN x.requested_at - ${DAY_MS} AND x.requested_at + ${DAY_MS} LIMIT ${MANY_REQUESTS})) >= ${MANY_REQUESTS})`);
}
