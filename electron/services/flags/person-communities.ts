import { sql, trusted, type SqlQuery } from '../store/sql';

/** Every platform identity of the person behind `member` (linked across platforms by `person_id`), as a subquery. */
export const identitiesOf = (member: SqlQuery): SqlQuery =>
  sql`(SELECT i2.id FROM members i2 WHERE i2.id = ${member}
    OR (i2.person_id IS NOT NULL AND i2.person_id = (SELECT p2.person_id FROM members p2 WHERE p2.id = ${member})))`;

/** Joins `i` to every identity of the members row `am`: itself, and those linked to the same person. */
export const SAME_PERSON = trusted('(i.id = am.id OR (am.person_id IS NOT NULL AND i.person_id = am.person_id))');

/**
 * (member_id, community_id) for the identities in `ids` (a CTE or table with an `id`
 * column, named by code): where each is known to be because it posted there, asked to
 * join and was let in, or the platform lists it as a member. Each branch starts from the
 * identities and probes an index, so a person's communities cost their own rows only.
 */
export const knownCommunitiesOf = (ids: 'ids' | 'person_ids'): SqlQuery =>
  trusted(`SELECT m.author_member_id AS member_id, m.community_id FROM ${ids} JOIN messages m ON m.author_member_id = ${ids}.id
  UNION SELECT s.member_id, s.community_id FROM ${ids} JOIN memberships s ON s.member_id = ${ids}.id AND s.role NOT IN ('left', 'banned')
  UNION SELECT j.member_id, j.community_id FROM ${ids} JOIN join_requests j ON j.member_id = ${ids}.id AND j.status = 'approved'`);

/** Announcement channels take no members' posts: there is nobody to mute or ban there. */
export const MEMBER_COMMUNITY_KINDS = trusted(`('community', 'group', 'forum', 'chat', 'server')`);
