import type { JoinRequestItem, JoinRequestItemStatus } from '@shared/connectors';
import type { JoinRequestStatus } from '@shared/domain/join-request';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';
import { ensureCommunities } from './communities-ingest';
import { sortName } from './community-tree';
import { Fingerprinter } from './cluster-fingerprints';
import { markBursts } from './join-request-bursts';
import { markBatchSignals } from './join-request-signals';
import { upsertMembers } from './members-ingest';
import { answersTextOf, firstAnswerOf, itemSignals } from './signals';

/** What a platform status means for a row we have never seen: decided by someone else, or gone. */
const STATUS_ON_ARRIVAL: Record<JoinRequestItemStatus, JoinRequestStatus> = {
  pending: 'pending',
  approved: 'handled-elsewhere',
  declined: 'handled-elsewhere',
  withdrawn: 'withdrawn',
};

/**
 * Upserts one page of join requests, set-based: placeholders for unknown communities,
 * members, then one INSERT … ON CONFLICT over the page, then the cross-row signals.
 * (`CROSS JOIN` keeps json_each as the outer loop: SQLite would otherwise rescan the
 * whole batch for every row of the joined table, and that is quadratic.)
 *
 * A row already known is updated in place. A platform decision reaches a row only
 * while it is still open here (pending or snoozed): it becomes `handled-elsewhere`
 * (who and when from the platform) or `withdrawn`. A row carrying our own decision
 * keeps it; the outbox settles the difference when it pushes.
 *
 * Requests new to the store are fingerprinted for bursts (clusters), and, while some rule
 * is enabled, the pending ones are queued for the rule runner in the same transaction,
 * so each arrival is judged once.
 */
export async function ingestJoinRequests(tx: Tx, connectionId: string, items: readonly JoinRequestItem[], now: number): Promise<void> {
  if (items.length === 0) return;
  await ensureCommunities(
    tx,
    connectionId,
    items.map((item) => item.communityExternalId),
    now,
  );
  await upsertMembers(
    tx,
    connectionId,
    items.map((item) => item.person),
    now,
  );
  const byId = new Map<string, JoinRequestItem>();
  for (const item of items) byId.set(item.externalId, item);
  const known = await knownExternalIds(tx, connectionId, [...byId.keys()]);
  const fingerprinter = new Fingerprinter();
  const fresh = [...byId.values()].filter((item) => !known.has(item.externalId)).map((item) => ({ item, fingerprints: fingerprinter.of(item) }));
  const fingerprintsOf = new Map(fresh.map(({ item, fingerprints }) => [item.externalId, fingerprints.map((f) => f.value).join(' ')]));
  const rows = [...byId.values()].map((item) => {
    const status = STATUS_ON_ARRIVAL[item.status];
    const handled = status === 'handled-elsewhere' ? item.handledBy : null;
    return {
      id: newId(now),
      ext: item.externalId,
      ver: item.version,
      com: item.communityExternalId,
      mem: item.person.externalId,
      name: item.person.displayName,
      sort: sortName(item.person.displayName),
      created: item.person.accountCreatedAt ?? 0,
      at: item.requestedAt,
      answers: JSON.stringify(item.answers.map((a) => ({ question: a.question, answer: a.answer }))),
      text: answersTextOf(item.answers),
      first: firstAnswerOf(item.answers),
      sig: itemSignals(item),
      fps: fingerprintsOf.get(item.externalId) || null,
      status,
      by: handled?.name ?? null,
      byAt: handled?.at ?? null,
    };
  });
  await tx.run(sql`INSERT INTO join_requests (id, connection_id, external_id, version, community_id, member_id, person_name, person_sort,
      community_sort, account_created_at, requested_at, answers, answers_text, first_answer, signals, cluster_fingerprints, status,
      handled_elsewhere_by, handled_elsewhere_at, created_at, updated_at)
    SELECT r.value ->> 'id', ${connectionId}, r.value ->> 'ext', r.value ->> 'ver', c.id, m.id, r.value ->> 'name', r.value ->> 'sort',
      c.tree_key, r.value ->> 'created', r.value ->> 'at', r.value ->> 'answers', r.value ->> 'text', r.value ->> 'first',
      r.value ->> 'sig', r.value ->> 'fps', r.value ->> 'status', r.value ->> 'by', r.value ->> 'byAt', ${now}, ${now}
    FROM json_each(${JSON.stringify(rows)}) r
    CROSS JOIN communities c ON c.connection_id = ${connectionId} AND c.external_id = r.value ->> 'com'
    CROSS JOIN members m ON m.connection_id = ${connectionId} AND m.external_id = r.value ->> 'mem'
    WHERE true
    ON CONFLICT (connection_id, external_id) DO UPDATE SET
      version = excluded.version,
      person_name = excluded.person_name,
      person_sort = excluded.person_sort,
      account_created_at = excluded.account_created_at,
      answers = excluded.answers,
      answers_text = excluded.answers_text,
      first_answer = excluded.first_answer,
      signals = join_requests.signals | excluded.signals,
      status = iif(join_requests.status IN ('pending', 'snoozed') AND excluded.status <> 'pending', excluded.status, join_requests.status),
      handled_elsewhere_by = iif(join_requests.status IN ('pending', 'snoozed') AND excluded.status = 'handled-elsewhere',
        excluded.handled_elsewhere_by, join_requests.handled_elsewhere_by),
      handled_elsewhere_at = iif(join_requests.status IN ('pending', 'snoozed') AND excluded.status = 'handled-elsewhere',
        excluded.handled_elsewhere_at, join_requests.handled_elsewhere_at),
      updated_at = excluded.updated_at
    WHERE join_requests.version IS NOT excluded.version
      OR join_requests.person_name IS NOT excluded.person_name
      OR join_requests.answers IS NOT excluded.answers
      OR (join_requests.status IN ('pending', 'snoozed') AND excluded.status <> 'pending')`);
  await markBatchSignals(
    tx,
    connectionId,
    rows.map((row) => row.ext),
  );
  await markBursts(
    tx,
    fresh.map(({ item, fingerprints }) => ({ requestedAt: item.requestedAt, fingerprints })),
    now,
  );
  if (await rulesEnabled(tx))
    await queueArrivalsForRules(
      tx,
      connectionId,
      fresh.map(({ item }) => item.externalId),
      now,
    );
  tx.touch('join_requests');
}

const rulesEnabled = async (tx: Tx): Promise<boolean> =>
  (await tx.get(sql`SELECT 1 AS enabled FROM rules WHERE kind = 'join' AND mode = 'auto' AND deleted_at IS NULL LIMIT 1`)) !== undefined;

async function knownExternalIds(tx: Tx, connectionId: string, externalIds: readonly string[]): Promise<Set<string>> {
  const rows = await tx.all<{ ext: string }>(sql`SELECT j.external_id AS ext FROM json_each(${JSON.stringify(externalIds)}) e
    CROSS JOIN join_requests j ON j.connection_id = ${connectionId} AND j.external_id = e.value`);
  return new Set(rows.map((row) => row.ext));
}

/** Hands new pending requests to the rule runner (electron/services/rules), which empties the inbox after commit. */
async function queueArrivalsForRules(tx: Tx, connectionId: string, fresh: readonly string[], now: number): Promise<void> {
  if (fresh.length === 0) return;
  await tx.run(sql`INSERT OR IGNORE INTO rule_inbox (seq, arrived_at)
    SELECT j.seq, ${now} FROM json_each(${JSON.stringify(fresh)}) e
    CROSS JOIN join_requests j ON j.connection_id = ${connectionId} AND j.external_id = e.value
    WHERE j.status = 'pending'`);
}
