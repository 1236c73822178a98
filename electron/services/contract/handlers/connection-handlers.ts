import type { SyncControl } from '../../app/sync-control';
import type { ConnectionService } from '../../connections/connection-service';
import type { StoredConnection } from '../../connections/connections-repository';
import type { Handlers } from '../dispatch';

type ConnectionHandlers = Pick<
  Handlers,
  'connections.list' | 'connections.addSandbox' | 'connections.add' | 'connections.remove' | 'connections.reconnect'
>;

/** The renderer sees a connection's summary, never its config (base URLs, seeds) or secrets. */
const summary = ({ config: _config, ...rest }: StoredConnection) => rest;

export function connectionHandlers(connections: ConnectionService, sync: SyncControl): ConnectionHandlers {
  return {
    'connections.list': async () => (await connections.list()).map(summary),
    'connections.addSandbox': async (input) => {
      const created = await connections.addSandbox(input);
      void sync.runNow(created.id).catch(() => undefined);
      return summary(created);
    },
    'connections.add': async (input) => {
      const created = await connections.addPlatform(input);
      void sync.runNow(created.id).catch(() => undefined);
      return summary(created);
    },
    'connections.remove': async ({ id }) => ({ removed: await connections.remove(id) }),
    'connections.reconnect': async ({ id, token }) => {
      const connection = await connections.reconnect(id, token);
      void sync.runNow(id).catch(() => undefined);
      return summary(connection);
    },
  };
}
