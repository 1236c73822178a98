import { AppFailure } from '@shared/result';
import type { ServiceContext } from '../../app/context';
import type { ConnectionService } from '../../connections/connection-service';
import { previewDecision } from '../../decisions/decision-preview';
import { addNote } from '../../decisions/notes';
import { decideJoinRequests } from '../../decisions/join-decisions';
import { connectionCapabilities } from '../../flags/connection-capabilities';
import { deleteReason, listReasons, reasonText, saveReason } from '../../decisions/reasons';
import { recentActions } from '../../decisions/recent-actions';
import { undoAction } from '../../decisions/undo';
import { joinRequestCommunityCounts } from '../../queries/community-counts';
import { joinRequestDetail } from '../../queries/join-request-detail';
import type { Handlers } from '../dispatch';

type JoinRequestHandlers = Pick<
  Handlers,
  | 'joinRequests.detail'
  | 'joinRequests.preview'
  | 'joinRequests.decide'
  | 'joinRequests.communityCounts'
  | 'actions.recent'
  | 'actions.undo'
  | 'reasons.list'
  | 'reasons.save'
  | 'reasons.delete'
  | 'notes.add'
>;

const SNOOZE_DEFAULT_MINUTES = 24 * 60;

export function joinRequestHandlers(context: ServiceContext, connections: Pick<ConnectionService, 'connectorFor'>, wakeDrainer: () => void): JoinRequestHandlers {
  const { store } = context;
  const acting = () => ({ actor: context.actor, device: context.settings.get().deviceId, now: Date.now() });
  // The gate's source: each connection's connector descriptor, read outside the decision's transaction.
  const capabilities = () => connectionCapabilities(store.reader, (id) => connections.connectorFor(id));
  return {
    'joinRequests.detail': ({ id }) => joinRequestDetail(store.reader, id),
    'joinRequests.preview': async ({ target, decision }) =>
      previewDecision(store.reader, target, Date.now(), decision ? { decision, capabilities: await capabilities() } : null),
    'joinRequests.decide': async (input) => {
      if (input.reasonId && input.reasonText) throw new AppFailure('invalid-input', 'Give either a reason from the library or a typed reason, not both.');
      const reason = input.reasonId ? await reasonText(store.reader, input.reasonId) : (input.reasonText ?? null);
      const gate = await capabilities();
      const { actor, device, now } = acting();
      const snoozeUntil = input.decision === 'snooze' ? now + (input.snoozeMinutes ?? SNOOZE_DEFAULT_MINUTES) * 60_000 : null;
      const result = await decideJoinRequests(store, {
        target: input.target,
        decision: input.decision,
        reason,
        snoozeUntil,
        actor,
        device,
        graceMs: context.settings.preferences().undoGraceSeconds * 1000,
        now,
        capabilities: gate,
      });
      wakeDrainer();
      return result;
    },
    'joinRequests.communityCounts': ({ filters, search }) => joinRequestCommunityCounts(store.reader, filters, search),
    'actions.recent': ({ limit }) => recentActions(store.reader, limit),
    'actions.undo': ({ actionId }) => undoAction(store, { actionId, ...acting() }),
    'reasons.list': () => listReasons(store.reader),
    'reasons.save': (input) => saveReason(store, input, Date.now()),
    'reasons.delete': async ({ id }) => ({ deleted: await deleteReason(store, id, Date.now()) }),
    'notes.add': ({ memberId, body }) => addNote(store, { memberId, body, ...acting() }),
  };
}
