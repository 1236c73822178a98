import type { Connector } from '@shared/connectors';
import type { ConnectionCapabilities } from '@shared/domain/flagged';
import type { ConnectionKind } from '@shared/domain/connection';
import { declaredDescriptor } from '../connections/declared-descriptor';
import type { Reader } from '../store/database';
import { sql } from '../store/sql';

/** The connection's connector, built with its settings and credentials; null when it cannot be (no credentials). */
export type ConnectorOf = (connectionId: string) => Promise<Connector | null>;

/**
 * What each connection's connector can do, read from its descriptor. Read before an
 * action's transaction, never inside it: building a connector may itself write (the
 * embedded Sandbox records its address).
 */
export async function connectionCapabilities(reader: Reader, connectorOf: ConnectorOf): Promise<ConnectionCapabilities[]> {
  const rows = await reader.all<{ id: string; name: string; kind: ConnectionKind; base_url: string | null }>(
    sql`SELECT id, name, kind, config ->> '$.baseUrl' AS base_url FROM connections ORDER BY created_at, id`,
  );
  return Promise.all(
    rows.map(async (row) => {
      const connector = await connectorOf(row.id).catch(() => null);
      // No connector (its token is missing): what the platform declares for the stored options.
      const descriptor = connector?.describe() ?? declaredDescriptor(row.kind, row.base_url ?? undefined);
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
