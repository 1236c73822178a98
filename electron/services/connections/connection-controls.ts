import { CAPABILITIES, type Connector, type ConnectorDescriptor } from '@shared/connectors';
import { PLATFORM_NAMES, type ConnectionOptions, type ConnectionState, type ConnectionTest } from '@shared/domain/connection';
import { AppFailure } from '@shared/result';
import { connectorFactory } from '../connectors/registry';
import type { SecretVault } from '../secrets/secret-vault';
import type { Store, Tx } from '../store/database';
import { appendAudit } from '../store/repositories/audit';
import { getConnection, moveConnectionState, updateConnection, type StoredConnection } from './connections-repository';
import { checkCredentials, requireAccepted } from './credential-check';
import { declaredDescriptor } from './declared-descriptor';
import { secretNameOf } from './embedded-sandboxes';
import { isPlatformKind, platformBaseUrl, splitPlatformUrl, type PlatformKind } from './platform-address';

export interface ConnectionControlDeps {
  readonly store: Store;
  readonly vault: SecretVault;
  readonly actor: string;
  readonly device: string;
  readonly now: () => number;
  connectorFor(id: string): Promise<Connector | null>;
}

export const PAUSED_REASON =
  'You paused this connection: nothing is pulled from or sent to the platform until you resume it. Decisions made meanwhile wait in the queue.';

/** Which option each platform takes; any other is refused rather than silently dropped. */
const OPTION_OF: Readonly<Record<PlatformKind, keyof ConnectionOptions>> = { discourse: 'username', telegram: 'chatIds', discord: 'joinRequests' };

/** Test, pause, resume and edit a connection: what Settings does to one that exists. */
export function createConnectionControls(deps: ConnectionControlDeps) {
  async function require(id: string): Promise<StoredConnection> {
    const connection = await getConnection(deps.store.reader, id);
    if (!connection) throw new AppFailure('not-found', 'That connection no longer exists.');
    return connection;
  }
  const audit = (tx: Tx, connection: StoredConnection, action: string, summary: string, change: { before?: unknown; after?: unknown } = {}) =>
    appendAudit(tx, { actor: deps.actor, device: deps.device, action, subjectType: 'connection', subjectId: connection.id, summary, at: deps.now(), ...change });

  /** The manual connector needs no credentials, so it is built here rather than refused for lacking a token. */
  const connectorOf = (connection: StoredConnection): Promise<Connector | null> =>
    connection.kind === 'facebook-manual'
      ? Promise.resolve(connectorFactory('facebook-manual')?.({ baseUrl: '', token: '' }) ?? null)
      : deps.connectorFor(connection.id);

  /** Whether a connector could be built: the manual one and the embedded Sandbox need no stored token. */
  const hasCredentials = (connection: StoredConnection): boolean =>
    connection.kind === 'facebook-manual' ||
    (connection.kind === 'sandbox' && !connection.config.external) ||
    (Boolean(connection.config.baseUrl) && deps.vault.get(secretNameOf(connection.id)) !== null);

  /**
   * What the connection can do, for Settings' list. Only an active connection's own
   * connector is built (for the embedded Sandbox that starts its server); a paused one or
   * one that needs reconnecting is described from what its platform declares, with no side effect.
   */
  async function describe(connection: StoredConnection): Promise<ConnectorDescriptor | null> {
    if (connection.state === 'active') return (await connectorOf(connection).catch(() => null))?.describe() ?? null;
    return hasCredentials(connection) ? declaredDescriptor(connection.kind, connection.config.baseUrl) : null;
  }

  /**
   * Asks the platform now. A refused token marks the connection "needs reconnecting", as a
   * failed pull would, so Reconnect is offered; a paused one too, since it must be
   * reconnected before it can resume anyway.
   */
  async function test(id: string): Promise<ConnectionTest> {
    const connection = await require(id);
    const connector = await connectorOf(connection);
    if (!connector) return { outcome: 'no-credentials', message: `No token is stored for ${connection.name}: reconnect it with a new token.`, latencyMs: null };
    const token = deps.vault.get(secretNameOf(id)) ?? '';
    const result = await checkCredentials(connection.kind, connector, token, deps.now);
    switch (result.outcome) {
      case 'ok': {
        const capabilities = connector.describe().capabilities;
        const lacking = CAPABILITIES.filter((capability) => !capabilities.includes(capability));
        return { outcome: 'ok', ...result.check, capabilities, lacking, latencyMs: result.latencyMs };
      }
      case 'refused': {
        const reason = `${result.message} Reconnect this account with a new token to resume syncing; nothing queued is lost.`;
        if (connection.state !== 'needs-reauth')
          await deps.store.writer.transaction((tx) => moveConnectionState(tx, id, { from: connection.state, to: 'needs-reauth', reason, now: deps.now() }));
        return { outcome: 'refused', message: result.message, latencyMs: result.latencyMs };
      }
      case 'unreachable':
        return { outcome: 'unreachable', message: result.message, latencyMs: result.latencyMs };
    }
  }

  async function move(id: string, from: ConnectionState, to: ConnectionState, reason: string | null, action: string, verb: string): Promise<StoredConnection> {
    const connection = await require(id);
    if (connection.state !== from) return connection;
    await deps.store.writer.transaction(async (tx) => {
      if (await moveConnectionState(tx, id, { from, to, reason, now: deps.now() })) await audit(tx, connection, action, `${verb} ${connection.name}`);
    });
    return require(id);
  }

  /**
   * The scheduler and the drainer take active connections only, so from this commit on nothing is pulled or pushed.
   * Only an active connection pauses: one that needs reconnecting already sends nothing, and pausing it would
   * overwrite why and let Resume skip the new token.
   */
  async function pause(id: string): Promise<StoredConnection> {
    const connection = await require(id);
    if (connection.state === 'needs-reauth')
      throw new AppFailure('invalid-input', `${connection.name} sends and pulls nothing until it is reconnected: choose Reconnect.`);
    return move(id, 'active', 'paused', PAUSED_REASON, 'connection.pause', 'Paused');
  }

  async function resume(id: string): Promise<StoredConnection> {
    const connection = await require(id);
    if (connection.state === 'needs-reauth')
      throw new AppFailure('invalid-input', `${connection.name} needs a new token before it can resume: choose Reconnect.`);
    return move(id, 'paused', 'active', null, 'connection.resume', 'Resumed');
  }

  /** The connector URL with `options` applied; the platform is asked first when the change decides who the key acts as. */
  async function optionsUrl(connection: StoredConnection, options: ConnectionOptions): Promise<string> {
    const { kind } = connection;
    if (!isPlatformKind(kind)) throw new AppFailure('invalid-input', `${PLATFORM_NAMES[kind]} connections have no options to edit.`);
    const foreign = Object.keys(options).filter((key) => key !== OPTION_OF[kind]);
    if (foreign.length > 0) throw new AppFailure('invalid-input', `${PLATFORM_NAMES[kind]} connections have no ${foreign.join(', ')} option.`);
    const { address, options: current } = splitPlatformUrl(kind, connection.config.baseUrl);
    const baseUrl = platformBaseUrl({ kind, baseUrl: address ?? undefined, ...current, ...options });
    if (kind === 'discourse' && options.username !== undefined && options.username !== current.username) {
      const token = deps.vault.get(secretNameOf(connection.id));
      const factory = connectorFactory(kind);
      if (!token || !factory) throw new AppFailure('invalid-input', `Reconnect ${connection.name} with an API key first.`);
      const kept = 'The username was not changed.';
      const check = requireAccepted(await checkCredentials(kind, factory({ baseUrl, token }), token, deps.now), kept);
      if (!check.scopesOk) throw new AppFailure('invalid-input', `Discourse accepted the key for ${check.principal}, but it needs ${check.missing.join(', ')}. ${kept}`);
    }
    return baseUrl;
  }

  async function update(id: string, input: { name?: string | undefined; options?: ConnectionOptions | undefined }): Promise<{ connection: StoredConnection; optionsChanged: boolean }> {
    const connection = await require(id);
    const baseUrl = input.options ? await optionsUrl(connection, input.options) : connection.config.baseUrl;
    const optionsChanged = baseUrl !== connection.config.baseUrl;
    const name = input.name?.trim() || connection.name;
    if (!optionsChanged && name === connection.name) return { connection, optionsChanged };
    await deps.store.writer.transaction(async (tx) => {
      await updateConnection(tx, id, { name, ...(optionsChanged ? { config: { ...connection.config, baseUrl } } : {}), now: deps.now() });
      const after = (await getConnection(tx, id)) ?? connection;
      await audit(tx, connection, 'connection.update', name === connection.name ? `Changed the options of ${name}` : `Renamed ${connection.name} to ${name}`, {
        before: { name: connection.name, options: connection.options },
        after: { name: after.name, options: after.options },
      });
    });
    return { connection: await require(id), optionsChanged };
  }

  return { describe, test, pause, resume, update };
}

export type ConnectionControls = ReturnType<typeof createConnectionControls>;
