import type { ServiceContext } from '../../app/context';
import { addManualConnection, addManualGroup, listManualGroups } from '../../manual/manual-groups';
import { recordManualJoinRequest } from '../../manual/record-outcome';
import type { Handlers } from '../dispatch';

type ManualHandlers = Pick<Handlers, 'manual.addConnection' | 'manual.addGroup' | 'manual.groups' | 'manual.recordJoinRequest'>;

export function manualHandlers(context: ServiceContext): ManualHandlers {
  const acting = () => ({ actor: context.actor, device: context.settings.get().deviceId, now: Date.now() });
  return {
    'manual.addConnection': ({ name }) => addManualConnection(context.store, name, acting()),
    'manual.addGroup': async (input) => ({ communityId: await addManualGroup(context.store, input, acting()) }),
    'manual.groups': () => listManualGroups(context.store),
    'manual.recordJoinRequest': async (input) => ({ joinRequestId: await recordManualJoinRequest(context.store, input, acting()) }),
  };
}
