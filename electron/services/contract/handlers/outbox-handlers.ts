import type { ServiceContext } from '../../app/context';
import { discardPush, retryPush } from '../../store/repositories/outbox';
import type { Handlers } from '../dispatch';

type OutboxHandlers = Pick<Handlers, 'outbox.retry' | 'outbox.discard'>;

export function outboxHandlers(context: ServiceContext, wakeDrainer: () => void): OutboxHandlers {
  const by = () => ({ actor: context.actor, device: context.settings.get().deviceId });
  return {
    'outbox.retry': async ({ id }) => {
      const changed = await context.store.writer.transaction((tx) => retryPush(tx, id, by()));
      if (changed) wakeDrainer();
      return { changed };
    },
    'outbox.discard': async ({ id }) => ({
      changed: await context.store.writer.transaction((tx) => discardPush(tx, id, by())),
    }),
  };
}
