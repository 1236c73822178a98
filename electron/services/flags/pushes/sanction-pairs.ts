import type { BanScopeChoice } from '@shared/contract/flagged';
import { assertNever } from '@shared/assert-never';
import { AppFailure } from '@shared/result';
import type { Tx } from '../../store/database';
import { sql } from '../../store/sql';
import { TARGET_ROWS } from '../flag-targets';
import { identitiesOf, knownCommunitiesOf, MEMBER_COMMUNITY_KINDS, SAME_PERSON } from '../person-communities';

/**
 * Fills the temp table `sanction_pairs` with who to sanction where: one row per
 * (platform identity, community), with the flag it comes from (the subject whose sync
 * state shows the outcome). Returns how many pairs there are.
 */
export async function collectSanctionPairs(tx: Tx, scope: BanScopeChoice): Promise<number> {
  await tx.run(sql`CREATE TEMP TABLE IF NOT EXISTS sanction_pairs (member_seq INTEGER NOT NULL, community_seq INTEGER NOT NULL,
    flag_seq INTEGER NOT NULL, PRIMARY KEY (member_seq, community_seq))`);
  await tx.run(sql`DELETE FROM sanction_pairs`);
  switch (scope.kind) {
    case 'flag-community':
      await tx.run(sql`INSERT OR IGNORE INTO sanction_pairs SELECT x.member_seq, x.community_seq, min(x.flag_seq)
        FROM (${TARGET_ROWS}) x WHERE x.member_seq IS NOT NULL GROUP BY x.member_seq, x.community_seq`);
      break;
    case 'member-communities':
      // Every identity of each author (linked across platforms), in each community they are known in.
      await tx.run(sql`INSERT OR IGNORE INTO sanction_pairs
        WITH authors AS (SELECT x.member_id, min(x.flag_seq) AS flag_seq FROM (${TARGET_ROWS}) x WHERE x.member_id IS NOT NULL GROUP BY x.member_id),
          ids AS (SELECT a.flag_seq, i.id, i.seq FROM authors a JOIN members am ON am.id = a.member_id JOIN members i ON ${SAME_PERSON}),
          known AS (${knownCommunitiesOf('ids')})
        SELECT ids.seq, c.seq, min(ids.flag_seq) FROM ids JOIN known k ON k.member_id = ids.id
        JOIN communities c ON c.id = k.community_id AND c.kind IN ${MEMBER_COMMUNITY_KINDS}
        GROUP BY ids.seq, c.seq`);
      break;
    case 'communities': {
      const authors = await tx.get<{ n: number; member_id: string | null; flag_seq: number }>(
        sql`SELECT count(DISTINCT x.member_id) AS n, min(x.member_id) AS member_id, min(x.flag_seq) AS flag_seq FROM (${TARGET_ROWS}) x`,
      );
      if (!authors?.member_id || authors.n !== 1) throw new AppFailure('invalid-input', 'Choosing communities works for one author at a time.');
      const chosen = JSON.stringify(scope.communityIds);
      const missing = await tx.all<{ name: string }>(sql`SELECT coalesce(c.name, e.value) AS name FROM json_each(${chosen}) e
        LEFT JOIN communities c ON c.id = e.value
        WHERE c.id IS NULL OR NOT EXISTS (SELECT 1 FROM members i WHERE i.connection_id = c.connection_id AND i.id IN ${identitiesOf(sql`${authors.member_id}`)})`);
      if (missing.length > 0)
        throw new AppFailure('invalid-input', `The author has no account known on the platform of ${missing.map((m) => `“${m.name}”`).join(', ')}.`);
      await tx.run(sql`INSERT OR IGNORE INTO sanction_pairs SELECT i.seq, c.seq, ${authors.flag_seq}
        FROM json_each(${chosen}) e JOIN communities c ON c.id = e.value
        JOIN members i ON i.connection_id = c.connection_id AND i.id IN ${identitiesOf(sql`${authors.member_id}`)}`);
      break;
    }
    default:
      assertNever(scope, 'ban scope');
  }
  const count = await tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM sanction_pairs`);
  return count?.n ?? 0;
}

/** The pairs with what a push needs. */
export const PAIR_ROWS = sql`SELECT p.member_seq, p.community_seq, i.id AS member_id, i.external_id AS member_external,
    c.id AS community_id, c.external_id AS community_external, c.connection_id, c.name AS community_name, f.id AS flag_id
  FROM sanction_pairs p JOIN members i ON i.seq = p.member_seq JOIN communities c ON c.seq = p.community_seq JOIN flags f ON f.seq = p.flag_seq`;
