import type { BanScope, ConnectionCapabilities } from '@shared/domain/flagged';
import type { ConnectionKind } from '@shared/domain/connection';
import { actionBlock } from '@shared/flags/actions';
import { AppFailure } from '@shared/result';
import { knownCommunitiesOf, MEMBER_COMMUNITY_KINDS, SAME_PERSON } from '../flags/person-communities';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

interface Raw {
  id: string;
  name: string;
  parent_name: string | null;
  connection_id: string;
  connection_name: string;
  platform: ConnectionKind;
  member: number;
}

/**
 * Where a ban of this flag's author can reach: every community on the platforms where
 * the person has an account (linked identities included), those they are known in
 * first, each with whether its connector can ban and, if not, why.
 */
export async function flagBanScope(reader: Reader, flagId: string, connections: readonly ConnectionCapabilities[]): Promise<BanScope> {
  const author = await reader.get<{ member_id: string | null; name: string }>(sql`SELECT m.author_member_id AS member_id, m.author_name AS name
    FROM flags f JOIN messages m ON m.id = f.message_id WHERE f.id = ${flagId}`);
  if (!author) throw new AppFailure('not-found', 'That flagged message is no longer in the store.');
  if (!author.member_id) throw new AppFailure('not-found', 'The author of that message is not known on the platform.');
  const rows = await reader.all<Raw>(sql`WITH ids AS (SELECT i.id, i.connection_id FROM members am JOIN members i ON ${SAME_PERSON} WHERE am.id = ${author.member_id}),
      known AS (${knownCommunitiesOf('ids')})
    SELECT c.id, c.name, p.name AS parent_name, c.connection_id, n.name AS connection_name, n.kind AS platform,
      EXISTS (SELECT 1 FROM known k WHERE k.community_id = c.id) AS member
    FROM communities c JOIN connections n ON n.id = c.connection_id LEFT JOIN communities p ON p.id = c.parent_id
    WHERE c.connection_id IN (SELECT connection_id FROM ids) AND c.kind IN ${MEMBER_COMMUNITY_KINDS}
    ORDER BY member DESC, c.tree_key`);
  const capabilitiesOf = (id: string) => connections.find((c) => c.connectionId === id);
  return {
    memberId: author.member_id,
    displayName: author.name,
    communities: rows.map((r) => {
      const connection = capabilitiesOf(r.connection_id);
      return {
        communityId: r.id,
        communityName: r.name,
        parentName: r.parent_name,
        connectionName: r.connection_name,
        platform: r.platform,
        member: r.member === 1,
        blocked: connection ? actionBlock('ban', [connection]) : 'Its connection is gone.',
      };
    }),
  };
}
