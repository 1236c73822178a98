import type { ConnectorFactory } from '@shared/connectors';
import type { ConnectionKind } from '@shared/domain/connection';
import { createSandboxConnector } from './sandbox/connector';

/**
 * Connection kind to connector factory. A kind missing here has no connector yet;
 * add one by writing `connectors/<kind>/` and listing its factory.
 */
const FACTORIES: Partial<Record<ConnectionKind, ConnectorFactory>> = {
  sandbox: (config) => createSandboxConnector(config),
};

export function connectorFactory(kind: ConnectionKind): ConnectorFactory | null {
  return FACTORIES[kind] ?? null;
}

export const supportedConnectionKinds = (): ConnectionKind[] => Object.keys(FACTORIES) as ConnectionKind[];
