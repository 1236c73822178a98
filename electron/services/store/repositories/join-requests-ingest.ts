import type { JoinRequestItem, JoinRequestItemStatus } from '@shared/connectors';
import type { JoinRequestStatus } from '@shared/domain/join-request';
import { newId } from '@shared/ids';
import type { Tx } from '../database';
import { sql } from '../sql';
import { ensureCommunities } from './communities-ingest';
import { sortName } from './community-tree';
import { markBatchSignals } from './join-request-signals';
import { upsertMembers } from './members-ingest';
import { answersTextOf, clusterKeyOf, firstAnswerOf, itemSignals } from './signals';

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
      key: clusterKeyOf(item.answers),
      status,
      by: handled?.name ?? null,
      byAt: handled?.at ?? null,
    };
  });
  await tx.run(sql`INSERT INTO join_requests (id, connection_id, external_id, version, community_id, member_id, person_name, person_sort,
      community_sort, account_created_at, requested_at, answers, answers_text, first_answer, signals, cluster_key, status,
      handled_elsewhere_by, handled_elsewhere_at, created_at, updated_at)
    SELECT r.value ->> 'id', ${connectionId}, r.value ->> 'ext', r.value ->> 'ver', c.id, m.id, r.value ->> 'name', r.value ->> 'sort',
      c.tree_key, r.value ->> 'created', r.value ->> 'at', r.value ->> 'answers', r.value ->> 'text', r.value ->> 'first',
      r.value ->> 'sig', r.value ->> 'key', r.value ->> 'status', r.value ->> 'by', r.value ->> 'byAt', ${now}, ${now}
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
      cluster_key = excluded.cluster_key,
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
  tx.touch('join_requests');
}
