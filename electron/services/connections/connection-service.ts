import { createHash } from 'node:crypto';
import { describeConnectorError, isConnectorFailure, type Connector } from '@shared/connectors';
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
import { EmbeddedSandboxes, secretNameOf } from './embedded-sandboxes';
import { platformBaseUrl, type PlatformAddressInput } from './platform-address';

const VERIFY_TIMEOUT_MS = 15_000;

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
 * removing them, and re-authenticating one the sync engine paused.
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
  const audit = (action: string, connection: { id: string; name: string }, summary: string) =>
    deps.store.writer.transaction((tx) =>
      appendAudit(tx, {
        actor: deps.actor,
        device: deps.device,
        action,
        subjectType: 'connection',
        subjectId: connection.id,
        summary,
        at: now(),
      }),
    );

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
    let principal: string;
    try {
      const check = await factory({ baseUrl, token: input.token }).verifyAuth({ signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS) });
      principal = check.principal;
    } catch (error) {
      if (!isConnectorFailure(error)) throw error;
      const why = describeConnectorError(error.error);
      if (error.error.class === 'auth') throw new AppFailure('invalid-input', `${input.kind} refused these credentials (${why}).`);
      throw new AppFailure('unavailable', `Could not reach ${input.kind} to check the credentials (${why}). Nothing was saved.`);
    }
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

  /** A new token (or, for the Sandbox, a freshly issued one), then the connection is active again. */
  async function reconnect(id: string, token: string | undefined): Promise<StoredConnection> {
    const connection = await require(id);
    if (connection.kind === 'sandbox' && !connection.config.external)
      await sandboxes.reissue(id, connection.config.seed ?? DEFAULT_SANDBOX_SEED);
    else if (token) deps.vault.set(secretNameOf(id), token);
    else throw new AppFailure('invalid-input', `Enter a new token for ${connection.name} to reconnect it.`);
    await deps.store.writer.transaction((tx) => updateConnection(tx, id, { state: 'active', stateReason: null, now: now() }));
    await audit('connection.reconnect', connection, `Reconnected ${connection.name}`);
    return require(id);
  }

  return {
    list: () => listConnections(deps.store.reader),
    connectorFor,
    addSandbox,
    addPlatform,
    remove,
    reconnect,
    stop: () => sandboxes.stopAll(),
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
