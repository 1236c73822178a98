import type { ServiceContext } from '../../app/context';
import { deleteView, listViews, saveView } from '../../views/saved-views';
import type { Handlers } from '../dispatch';

type ViewHandlers = Pick<Handlers, 'views.list' | 'views.save' | 'views.delete'>;

export function viewHandlers(context: ServiceContext): ViewHandlers {
  return {
    'views.list': ({ tableKey }) => listViews(context.store.reader, tableKey),
    'views.save': (input) => saveView(context.store, input, Date.now()),
    'views.delete': async ({ id }) => ({ deleted: await deleteView(context.store, id) }),
  };
}
