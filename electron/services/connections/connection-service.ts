import { createHash } from 'node:crypto';
import type { Connector } from '@shared/connectors';
import { PLATFORM_NAMES } from '@shared/domain/connection';
import { AppFailure } from '@shared/result';
import type { Logger } from '../app/host';
import { connectorFactory } from '../connectors/registry';
import type { SecretVault } from '../secrets/secret-vault';
import type { Store } from '../store/database';
import { appendAudit } from '../store/repositories/audit';
import {
  deleteConnection,
  getConnection,
  insertConnection,
  listConnections,
  updateConnection,
  type StoredConnection,
} from './connections-repository';
import { createConnectionControls } from './connection-controls';
import { checkCredentials, requireAccepted } from './credential-check';
import { EmbeddedSandboxes, secretNameOf } from './embedded-sandboxes';
import { platformBaseUrl, type PlatformAddressInput } from './platform-address';

export const DEFAULT_SANDBOX_SEED = 1;

/** A standalone Sandbox is a local fixture: only http on this machine's loopback is accepted. */
function loopbackUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid-input', 'The Sandbox URL is not a valid URL.');
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.username || url.password)
    throw new AppFailure('invalid-input', 'A standalone Sandbox must be at http://127.0.0.1:PORT on this machine.');
  return url.origin;
}

export interface ConnectionServiceDeps {
  readonly store: Store;
  readonly vault: SecretVault;
  readonly log: Logger;
  readonly actor: string;
  readonly device: string;
  readonly now?: () => number;
}

/**
 * Connections and their credentials: which connector serves a connection, adding and
 * removing them, and re-authenticating one the sync engine paused. Testing, pausing and
 * editing one are in connection-controls.ts.
 */
export function createConnectionService(deps: ConnectionServiceDeps) {
  const now = deps.now ?? Date.now;
  const sandboxes = new EmbeddedSandboxes(deps.vault, deps.log);
  /**
   * One connector per connection while its settings and token stay the same: some keep
   * live platform state between calls (Discord's rate-limit buckets), which a fresh
   * connector per call would forget. Keyed by a digest so no token sits in a key.
   */
  const live = new Map<string, { readonly key: string; readonly connector: Connector }>();
  const reuse = (id: string, parts: readonly string[], make: () => Connector): Connector => {
    const key = createHash('sha256').update(parts.join('\u0000')).digest('hex');
    const cached = live.get(id);
    if (cached?.key === key) return cached.connector;
    const connector = make();
    live.set(id, { key, connector });
    return connector;
  };

  async function require(id: string): Promise<StoredConnection> {
    const connection = await getConnection(deps.store.reader, id);
    if (!connection) throw new AppFailure('not-found', 'That connection no longer exists.');
    return connection;
  }

  async function connectorFor(id: string): Promise<Connector | null> {
    const connection = await getConnection(deps.store.reader, id);
    if (!connection) return null;
    const factory = connectorFactory(connection.kind);
    if (!factory) return null;
    if (connection.kind === 'sandbox' && !connection.config.external) {
      const seed = connection.config.seed ?? DEFAULT_SANDBOX_SEED;
      const { baseUrl, token } = await sandboxes.ensure(id, seed);
      if (connection.config.baseUrl !== baseUrl)
        await deps.store.writer.transaction((tx) => updateConnection(tx, id, { config: { ...connection.config, baseUrl }, now: now() }));
      return reuse(id, [connection.kind, baseUrl, token], () => factory({ baseUrl, token }));
    }
    const token = deps.vault.get(secretNameOf(id));
    const baseUrl = connection.config.baseUrl;
    if (!token || !baseUrl) return null;
    return reuse(id, [connection.kind, baseUrl, token], () => factory({ baseUrl, token }));
  }

  async function addSandbox(input: {
    name?: string | undefined;
    seed?: number | undefined;
    url?: string | undefined;
    token?: string | undefined;
  }): Promise<StoredConnection> {
    const name = input.name ?? 'Sandbox network';
    const baseUrl = input.url === undefined ? undefined : loopbackUrl(input.url);
    const config = baseUrl ? { baseUrl, external: true } : { seed: input.seed ?? DEFAULT_SANDBOX_SEED };
    const id = await deps.store.writer.transaction(async (tx) => {
      const created = await insertConnection(tx, { kind: 'sandbox', name, config, now: now() });
      await appendAudit(tx, {
        actor: deps.actor,
        device: deps.device,
        action: 'connection.add',
        subjectType: 'connection',
        subjectId: created,
        summary: `Added ${name}`,
        at: now(),
      });
      return created;
    });
    if (baseUrl && input.token) deps.vault.set(secretNameOf(id), input.token);
    return require(id);
  }

  /** Checks the credentials with the platform first; nothing is saved when it refuses them. */
  async function addPlatform(input: PlatformAddressInput & { name: string; token: string }): Promise<StoredConnection> {
    const baseUrl = platformBaseUrl(input);
    const factory = connectorFactory(input.kind);
    if (!factory) throw new AppFailure('invalid-input', `Modboard has no ${input.kind} connector.`);
    const check = await checkCredentials(input.kind, factory({ baseUrl, token: input.token }), input.token, now);
    if (check.outcome === 'refused') throw new AppFailure('invalid-input', `${input.kind} refused these credentials (${check.error.reason}).`);
    const { principal } = requireAccepted(check, 'Nothing was saved.');
    const id = await deps.store.writer.transaction(async (tx) => {
      const created = await insertConnection(tx, { kind: input.kind, name: input.name, config: { baseUrl }, now: now() });
      await appendAudit(tx, {
        actor: deps.actor,
        device: deps.device,
        action: 'connection.add',
        subjectType: 'connection',
        subjectId: created,
        after: { kind: input.kind, actingAs: principal },
        summary: `Connected ${input.name} (${input.kind}, acting as ${principal})`,
        at: now(),
      });
      return created;
    });
    deps.vault.set(secretNameOf(id), input.token);
    return require(id);
  }

  async function remove(id: string): Promise<boolean> {
    const connection = await require(id);
    await sandboxes.stop(id);
    const removed = await deps.store.writer.transaction(async (tx) => {
      const gone = await deleteConnection(tx, id);
      await appendAudit(tx, {
        actor: deps.actor,
        device: deps.device,
        action: 'connection.remove',
        subjectType: 'connection',
        subjectId: id,
        before: { name: connection.name, kind: connection.kind },
        summary: `Removed ${connection.name} and everything synced from it`,
        at: now(),
      });
      return gone;
    });
    deps.vault.delete(secretNameOf(id));
    live.delete(id);
    return removed;
  }

  /**
   * A new token (or, for the embedded Sandbox, a freshly issued one), checked with the
   * platform before it replaces the old one: a refused token changes nothing. Then the
   * connection is active again, unless the user had paused it.
   */
  async function reconnect(id: string, token: string | undefined): Promise<StoredConnection> {
    const connection = await require(id);
    let actingAs: string | null = null;
    if (connection.kind === 'sandbox' && !connection.config.external) {
      await sandboxes.reissue(id, connection.config.seed ?? DEFAULT_SANDBOX_SEED);
    } else {
      const factory = connectorFactory(connection.kind);
      const baseUrl = connection.config.baseUrl;
      if (connection.kind === 'facebook-manual' || !factory || !baseUrl)
        throw new AppFailure('invalid-input', `${PLATFORM_NAMES[connection.kind]} connections have no token to replace.`);
      if (!token) throw new AppFailure('invalid-input', `Enter a new token for ${connection.name} to reconnect it.`);
      const check = await checkCredentials(connection.kind, factory({ baseUrl, token }), token, now);
      actingAs = requireAccepted(check, `The old token was kept and ${connection.name} was not changed.`).principal;
      deps.vault.set(secretNameOf(id), token);
    }
    await deps.store.writer.transaction(async (tx) => {
      if (connection.state !== 'paused') await updateConnection(tx, id, { state: 'active', stateReason: null, now: now() });
      await appendAudit(tx, {
        actor: deps.actor,
        device: deps.device,
        action: 'connection.reconnect',
        subjectType: 'connection',
        subjectId: id,
        summary: `Reconnected ${connection.name}${actingAs ? ` (acting as ${actingAs})` : ''}`,
        at: now(),
      });
    });
    return require(id);
  }

  const controls = createConnectionControls({ ...deps, now, connectorFor });

  return {
    list: () => listConnections(deps.store.reader),
    connectorFor,
    addSandbox,
    addPlatform,
    remove,
    reconnect,
    ...controls,
    stop: () => sandboxes.stopAll(),
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
