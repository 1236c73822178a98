import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reader, Tx } from '../database';
import type { SqlQuery } from '../sql';
import { ingestCommunities } from './communities-ingest';
import { ingestJoinRequests } from './join-requests-ingest';
import { dueOutbox, inFlightOutbox, nextOutboxDueAt } from './outbox-delivery';
import { ingestReports } from './reports-ingest';
import { addConnection, community, joinRequest, message, openTempStore, report, type TempStore } from './testing';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
  await addConnection(temp.store);
});
afterEach(() => temp.cleanup());

/** Materialised CTEs and derived tables of the ingest statements: small, built from one batch. */
const BATCH_TABLES = new Set(['x', 'h', 'keys', 'agg']);

/** Runs the work, then asks SQLite for the plan of every statement it issued. */
interface Plan {
  readonly text: string;
  readonly plan: readonly { readonly parent: number; readonly detail: string }[];
}

async function explain(issued: readonly SqlQuery[]): Promise<Plan[]> {
  return temp.store.writer.transaction(async (tx) =>
    Promise.all(
      issued.map(async (q) => ({
        text: q.text.replace(/\s+/g, ' '),
        plan: await tx.all<{ parent: number; detail: string }>({ text: `EXPLAIN QUERY PLAN ${q.text}`, values: q.values }),
      })),
    ),
  );
}

async function readerPlansOf(work: (reader: Reader) => Promise<unknown>): Promise<Plan[]> {
  const issued: SqlQuery[] = [];
  const reader = temp.store.reader;
  await work({ all: (q) => (issued.push(q), reader.all(q)), get: (q) => (issued.push(q), reader.get(q)) });
  return explain(issued);
}

async function plansOf(work: (tx: Tx) => Promise<void>): Promise<Plan[]> {
  const issued: SqlQuery[] = [];
  await temp.store.writer.transaction(async (tx) => {
    const recording: Tx = {
      ...tx,
      run: (q) => (issued.push(q), tx.run(q)),
      all: (q) => (issued.push(q), tx.all(q)),
      get: (q) => (issued.push(q), tx.get(q)),
    };
    await work(recording);
  });
  return explain(issued);
}

/**
 * Any step that walks a whole table or index rather than searching it. Not counted:
 * json_each, batch-sized CTEs and subqueries, and foreign-key checks on tables the
 * statement does not name (SQLite plans them, but runs them only when a key changes).
 */
const fullScans = (plans: readonly Plan[]) =>
  plans.flatMap(({ text, plan }) =>
    plan
      .map((step) => step.detail)
      .filter((step) => {
        const table = /^SCAN (\S+)/.exec(step)?.[1];
        if (!table || step.includes('VIRTUAL TABLE') || table.startsWith('(subquery') || BATCH_TABLES.has(table)) return false;
        return new RegExp(`\\b${table}\\b`).test(text);
      })
      .map((step) => `${step}  <-  ${text}`),
  );

/**
 * A batch (json_each) must be the outer loop of its join. Inside, SQLite would walk the
 * whole batch again for every row of the table it joins: quadratic in the page size.
 */
const batchInside = (plans: readonly Plan[]) =>
  plans.flatMap(({ text, plan }) => {
    const levels = new Map<number, string[]>();
    for (const step of plan) levels.set(step.parent, [...(levels.get(step.parent) ?? []), step.detail]);
    return [...levels.values()].flatMap((steps) => {
      const firstBatch = steps.findIndex((step) => step.includes('VIRTUAL TABLE'));
      const firstSearch = steps.findIndex((step) => step.startsWith('SEARCH'));
      return firstBatch > 0 && firstSearch >= 0 && firstSearch < firstBatch ? [`${steps.join(' > ')}  <-  ${text}`] : [];
    });
  });

/** A lookup by status alone walks every row with that status (all pending ones): as bad as a scan. */
const statusOnly = (plans: readonly Plan[]) =>
  plans.flatMap(({ text, plan }) => plan.filter((step) => /^SEARCH .*\((status|state)=\?\)$/.test(step.detail)).map((step) => `${step.detail}  <-  ${text}`));

describe('ingest query plans', () => {
  it('never scan a large table: json_each drives every join and lookups go through indexes', async () => {
    const plans = [
      ...(await plansOf((tx) => ingestCommunities(tx, 'CONN', [community('c1', { tags: ['a'] }), community('c2', { parentExternalId: 'c1' })], 1))),
      ...(await plansOf((tx) => ingestJoinRequests(tx, 'CONN', [joinRequest('r1'), joinRequest('r2'), joinRequest('r3')], 1))),
      ...(await plansOf((tx) => ingestJoinRequests(tx, 'CONN', [joinRequest('r4', { communityExternalId: 'new' })], 1))),
      ...(await plansOf((tx) => ingestReports(tx, 'CONN', [report('p1'), report('p2', { status: 'resolved', message: message('m9') })], 1))),
      ...(await plansOf((tx) => ingestCommunities(tx, 'CONN', [community('new', { name: 'Renamed' })], 1))),
    ];
    expect(plans.length).toBeGreaterThan(20);
    expect(fullScans(plans)).toEqual([]);
    expect(batchInside(plans)).toEqual([]);
    expect(statusOnly(plans)).toEqual([]);
    // The per-person signal lookups probe migration 0002's indexes (the partial one only matches word for word).
    const steps = plans.flatMap((p) => p.plan.map((step) => step.detail)).join('\n');
    expect(steps).toContain('USING INDEX join_requests_member_declined (member_id=?)');
    expect(steps).toMatch(/join_requests_member_time \(member_id=\? AND requested_at>\? AND requested_at<\?\)/);
  });

  it('find due outbox rows through the outbox indexes, not by walking the whole queue per row', async () => {
    const plans = await readerPlansOf(async (reader) => {
      await dueOutbox(reader, 1, 500);
      await nextOutboxDueAt(reader, 1);
      await inFlightOutbox(reader);
    });
    expect(fullScans(plans)).toEqual([]);
    expect(plans[0]?.plan.map((step) => step.detail)).toContainEqual(expect.stringContaining('USING INDEX outbox_target (connection_id=? AND target_key=? AND seq<?)'));
  });
});
