import type { ConnectorDescriptor } from '@shared/connectors';
import type { ConnectionKind } from '@shared/domain/connection';
import { connectorFactory } from '../connectors/registry';

/**
 * What a connector kind declares for a connection's stored address, built with no token.
 * Capabilities belong to the platform and its options (which travel in the address's
 * query: Discord join requests, say), not to the credentials; connectors are stateless
 * and only `describe()` is called, so nothing is started, asked or written.
 */
export function declaredDescriptor(kind: ConnectionKind, baseUrl: string | undefined): ConnectorDescriptor | null {
  return connectorFactory(kind)?.({ baseUrl: baseUrl ?? 'http://127.0.0.1', token: '' }).describe() ?? null;
}
