import { checkExternalUrl } from '../../security/external-url';
import { AppFailure } from '@shared/result';
import type { ServiceContext } from '../../app/context';
import { readQueueCounts } from '../../queries/queue-counts';
import type { Handlers } from '../dispatch';

type AppHandlers = Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update' | 'queues.counts' | 'shell.openExternal' | 'app.recovery' | 'app.restoreBackup'>;

export function appHandlers(context: ServiceContext): AppHandlers {
  return {
    'app.info': async () => ({
      version: context.appVersion,
      host: context.host.kind,
      dataDir: context.dataDir,
      schemaVersion: context.store.schemaVersion,
      deviceId: context.settings.get().deviceId,
    }),
    'settings.get': async () => context.settings.preferences(),
    'settings.update': async (patch) => {
      const preferences = context.settings.updatePreferences(patch);
      context.hub.emit('settings.changed', preferences);
      return preferences;
    },
    'queues.counts': () => readQueueCounts(context.store.reader),
    'app.recovery': async () => context.recovery.status(),
    'app.restoreBackup': ({ name }) => context.recovery.restore(name),
    'shell.openExternal': async ({ url }) => {
      const verdict = checkExternalUrl(url);
      if (!verdict.allowed) throw new AppFailure('invalid-input', verdict.reason);
      return { opened: await context.host.openExternal(verdict.url) };
    },
  };
}
