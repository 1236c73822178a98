import type { Connector, ConnectorDescriptor } from '@shared/connectors';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { ConnectionKind } from '@shared/domain/connection';
import { connectorFactory } from '../connectors/registry';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

/** The connection's connector, built with its settings and credentials; null when it cannot be (no credentials). */
export type ConnectorOf = (connectionId: string) => Promise<Connector | null>;

/**
 * What the connector kind declares when the connection's own connector cannot be built
 * (its token is missing): capabilities belong to the platform, not to the credentials,
 * and connectors are stateless, so one made without credentials describes it truly.
 */
function declaredDescriptor(kind: ConnectionKind): ConnectorDescriptor | null {
  return connectorFactory(kind)?.({ baseUrl: 'http://127.0.0.1', token: '' }).describe() ?? null;
}

/**
 * What each connection's connector can do, read from its descriptor. Read before an
 * action's transaction, never inside it: building a connector may itself write (the
 * embedded Sandbox records its address).
 */
export async function connectionCapabilities(reader: Reader, connectorOf: ConnectorOf): Promise<ConnectionCapabilities[]> {
  const rows = await reader.all<{ id: string; name: string; kind: ConnectionKind }>(sql`SELECT id, name, kind FROM connections ORDER BY created_at, id`);
  return Promise.all(
    rows.map(async (row) => {
      const connector = await connectorOf(row.id).catch(() => null);
      const descriptor = connector?.describe() ?? declaredDescriptor(row.kind);
      return {
        connectionId: row.id,
        name: row.name,
        kind: row.kind,
        capabilities: descriptor?.capabilities ?? null,
        bulkRemoveLimit: descriptor?.limits.maxBulkRemove ?? null,
      };
    }),
  );
}
