import type { LiftSanctionInput } from '@shared/contract/flagged';
import type { ConnectionCapabilities, LiftResult } from '@shared/domain/flagged';
import { canLift, liftBlock } from '@shared/flags/actions';
import { newId } from '@shared/ids';
import { AppFailure } from '@shared/result';
import type { Store, Tx } from '../store/database';
import { sql } from '../store/sql';
import { identitiesOf } from './person-communities';
import { insertPushes, type PushContext } from './pushes/push-context';

export interface LiftInput extends LiftSanctionInput {
  /** Every connection's connector capabilities, read before the transaction. */
  readonly connections: readonly ConnectionCapabilities[];
  readonly actor: string;
  readonly device: string;
  readonly graceMs: number;
  readonly now: number;
}

const WORDS = { ban: { noun: 'ban', done: 'Lifted the ban on' }, mute: { noun: 'mute', done: 'Lifted the mute of' } } as const;

/** The lifted pairs with what a push needs, from `lift_rows`. */
const LIFT_PAIRS = sql`SELECT l.member_seq, l.community_seq, min(s.member_id) AS member_id, min(i.external_id) AS member_external,
    min(i.display_name) AS member_name, min(c.id) AS community_id, min(c.external_id) AS community_external, min(c.name) AS community_name,
    min(c.connection_id) AS connection_id, min(s.until) AS until
  FROM lift_rows l JOIN member_sanctions s ON s.seq = l.sanction_seq JOIN members i ON i.seq = l.member_seq JOIN communities c ON c.seq = l.community_seq
  GROUP BY l.member_seq, l.community_seq`;

/**
 * Lifts a ban or mute that reached the platform, in ONE transaction: one `unban` or
 * `unmute` push per (identity, community) through the outbox, waiting out the grace
 * period like any action (so `u` takes it back), the sanctions marked lifted (they leave
 * the author's standing, and stay in their history), an audit line per pair, and one
 * Recent actions row. A ban still waiting to leave is undone, not lifted; a platform that
 * cannot lift refuses the action, naming it, except under "all", where its communities
 * are left out as long as one remains.
 */
export async function liftSanctions(store: Store, input: LiftInput): Promise<LiftResult> {
  const actionId = newId(input.now);
  const context: PushContext = { actionId, graceUntil: input.now + input.graceMs, actor: input.actor, now: input.now, connections: input.connections };
  const words = WORDS[input.kind];
  return store.writer.transaction(async (tx) => {
    const person = await tx.get<{ display_name: string }>(sql`SELECT display_name FROM members WHERE id = ${input.personId}`);
    if (!person) throw new AppFailure('not-found', 'That person is not known here any more.');
    const { reached, waiting } = await collectLiftRows(tx, input);
    if (reached === 0) {
      throw new AppFailure(
        'conflict',
        waiting > 0
          ? `That ${words.noun} has not reached the platform yet: undo it in Recent actions instead.`
          : `${person.display_name} has no ${words.noun} in force there to lift.`,
      );
    }
    await keepLiftable(tx, input);

    const id = sql`${actionId} || '.l' || x.community_seq || '-' || x.member_seq`;
    const pushes = await insertPushes(
      tx,
      context,
      sql`SELECT ${id} AS id, x.connection_id, x.community_external || '/' || x.member_external AS target_key, x.member_id AS subject_id,
          json_object('type', ${`un${input.kind}`}, 'communityExternalId', x.community_external, 'personExternalId', x.member_external) AS payload
        FROM (${LIFT_PAIRS}) x`,
      'member',
    );
    await tx.run(sql`UPDATE member_sanctions SET lifted_at = ${input.now}, lift_action_id = ${actionId},
        lift_outbox_id = ${actionId} || '.l' || (SELECT c.seq FROM communities c WHERE c.id = member_sanctions.community_id)
          || '-' || (SELECT i.seq FROM members i WHERE i.id = member_sanctions.member_id)
      WHERE seq IN (SELECT sanction_seq FROM lift_rows)`);
    const communities = await tx.get<{ n: number }>(sql`SELECT count(DISTINCT community_seq) AS n FROM lift_rows`);
    const reach = communities?.n ?? 0;
    const summary = `${words.done} ${person.display_name} in ${reach.toLocaleString('en-US')} ${reach === 1 ? 'community' : 'communities'}`;
    await tx.run(sql`INSERT INTO audit_log (id, at, actor, device, action, subject_type, subject_id, before, after, summary)
      SELECT ${id}, ${input.now}, ${input.actor}, ${input.device}, ${`flag.lift-${input.kind}`}, 'member', x.member_id,
        json_object('sanction', ${input.kind}, 'until', x.until), json_object('lifted', json('true'), 'action', ${actionId}),
        ${words.done} || ' ' || x.member_name || ' in ' || x.community_name
      FROM (${LIFT_PAIRS}) x`);
    await tx.run(sql`INSERT INTO moderation_actions (id, queue, decision, reason, summary, count, actor, device, created_at, grace_until)
      VALUES (${actionId}, 'flags', ${`lift-${input.kind}`}, NULL, ${summary}, ${pushes}, ${input.actor}, ${input.device}, ${input.now}, ${context.graceUntil})`);
    tx.touch('flags', 'audit_log');
    return { actionId, pushes, communities: reach, graceUntil: context.graceUntil };
  });
}

/**
 * Fills `lift_rows` with the person's sanctions of that kind, in the chosen communities,
 * that are in force (not undone, lifted or expired) and whose push left for the platform;
 * returns those and how many still wait out their grace period.
 */
async function collectLiftRows(tx: Tx, input: LiftInput): Promise<{ reached: number; waiting: number }> {
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS lift_rows (sanction_seq INTEGER PRIMARY KEY, member_seq INTEGER NOT NULL, community_seq INTEGER NOT NULL)`);
  await tx.run(sql`DELETE FROM lift_rows`);
  const chosen = input.communities === 'all' ? sql`` : sql` AND s.community_id IN (SELECT value FROM json_each(${JSON.stringify(input.communities)}))`;
  const inForce = sql`s.member_id IN ${identitiesOf(sql`${input.personId}`)} AND s.kind = ${input.kind} AND s.undone_at IS NULL
    AND s.lifted_at IS NULL AND (s.until IS NULL OR s.until > ${input.now})${chosen}`;
  const { changes } = await tx.run(sql`INSERT INTO lift_rows (sanction_seq, member_seq, community_seq)
    SELECT s.seq, i.seq, c.seq FROM member_sanctions s JOIN members i ON i.id = s.member_id JOIN communities c ON c.id = s.community_id
    JOIN outbox o ON o.id = s.outbox_id WHERE ${inForce} AND o.state IN ('in-flight', 'done')`);
  const waiting = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM member_sanctions s JOIN outbox o ON o.id = s.outbox_id
    WHERE ${inForce} AND o.state = 'queued'`);
  return { reached: changes, waiting: waiting?.n ?? 0 };
}

/** Drops what the platforms cannot lift (under "all"), or refuses (chosen communities), naming them. */
async function keepLiftable(tx: Tx, input: LiftInput): Promise<void> {
  const ids = (await tx.all<{ connection_id: string }>(sql`SELECT DISTINCT c.connection_id FROM lift_rows l JOIN communities c ON c.seq = l.community_seq`)).map(
    (row) => row.connection_id,
  );
  const reached = ids.map(
    (id) => input.connections.find((c) => c.connectionId === id) ?? { connectionId: id, name: 'a removed connection', kind: 'sandbox' as const, capabilities: null, bulkRemoveLimit: null },
  );
  const block = liftBlock(input.kind, reached);
  if (!block) return;
  const able = reached.filter((connection) => canLift(connection, input.kind)).map((c) => c.connectionId);
  if (input.communities !== 'all' || able.length === 0) throw new AppFailure('forbidden', block);
  await tx.run(sql`DELETE FROM lift_rows WHERE community_seq IN (SELECT c.seq FROM communities c
    WHERE c.seq IN (SELECT community_seq FROM lift_rows) AND c.connection_id NOT IN (SELECT value FROM json_each(${JSON.stringify(able)})))`);
}
