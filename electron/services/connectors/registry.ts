import type { ConnectorFactory } from '@shared/connectors';
import type { ConnectionKind } from '@shared/domain/connection';
import { createDiscordConnector } from './discord/connector';
import { createDiscourseConnector } from './discourse/connector';
import { createFacebookManualConnector } from './facebook-manual/connector';
import { createSandboxConnector } from './sandbox/connector';
import { createTelegramConnector } from './telegram/connector';

/**
 * Connection kind to connector factory. A kind missing here has no connector yet;
 * add one by writing `connectors/<kind>/` and listing its factory.
 */
const FACTORIES: Partial<Record<ConnectionKind, ConnectorFactory>> = {
  sandbox: (config) => createSandboxConnector(config),
  telegram: (config) => createTelegramConnector(config),
  discourse: (config) => createDiscourseConnector(config),
  discord: (config) => createDiscordConnector(config),
  // No API, no credentials: the config is ignored.
  'facebook-manual': () => createFacebookManualConnector(),
};

export function connectorFactory(kind: ConnectionKind): ConnectorFactory | null {
  return FACTORIES[kind] ?? null;
}

export const supportedConnectionKinds = (): ConnectionKind[] => Object.keys(FACTORIES) as ConnectionKind[];
