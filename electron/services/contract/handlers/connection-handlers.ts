import type { ConnectionSummary } from '@shared/domain/connection';
import type { SyncControl } from '../../app/sync-control';
import type { ConnectionService } from '../../connections/connection-service';
import type { StoredConnection } from '../../connections/connections-repository';
import type { Handlers } from '../dispatch';

type ConnectionHandlers = Pick<
  Handlers,
  | 'connections.list'
  | 'connections.addSandbox'
  | 'connections.add'
  | 'connections.remove'
  | 'connections.reconnect'
  | 'connections.test'
  | 'connections.pause'
  | 'connections.resume'
  | 'connections.update'
>;

/** The renderer sees a connection's summary, never its config (base URLs, seeds) or secrets. */
const summary = ({ config: _config, ...rest }: StoredConnection): ConnectionSummary => rest;

export function connectionHandlers(connections: ConnectionService, sync: SyncControl): ConnectionHandlers {
  /** A pull in the background; its progress and failures reach the UI through sync events and the connection's state. */
  const pullSoon = (id: string) => void sync.runNow(id).catch(() => undefined);
  return {
    'connections.list': async () =>
      Promise.all(
        (await connections.list()).map(async (connection) => ({
          ...summary(connection),
          capabilities: (await connections.describe(connection))?.capabilities ?? null,
        })),
      ),
    'connections.addSandbox': async (input) => {
      const created = await connections.addSandbox(input);
      pullSoon(created.id);
      return summary(created);
    },
    'connections.add': async (input) => {
      const created = await connections.addPlatform(input);
      pullSoon(created.id);
      return summary(created);
    },
    'connections.remove': async ({ id }) => ({ removed: await connections.remove(id) }),
    'connections.reconnect': async ({ id, token }) => {
      const connection = await connections.reconnect(id, token);
      pullSoon(id);
      return summary(connection);
    },
    'connections.test': ({ id }) => connections.test(id),
    'connections.pause': async ({ id }) => summary(await connections.pause(id)),
    'connections.resume': async ({ id }) => {
      const connection = await connections.resume(id);
      pullSoon(id);
      return summary(connection);
    },
    'connections.update': async ({ id, name, options }) => {
      const { connection, optionsChanged } = await connections.update(id, { name, options });
      if (optionsChanged) pullSoon(id);
      return summary(connection);
    },
  };
}
