import { AppFailure } from '@shared/result';
import type { ServiceContext } from '../../app/context';
import { addNote } from '../../decisions/notes';
import { decideJoinRequests } from '../../decisions/join-decisions';
import { targetConditions, DECIDABLE } from '../../decisions/join-targets';
import { deleteReason, listReasons, reasonText, saveReason } from '../../decisions/reasons';
import { recentActions } from '../../decisions/recent-actions';
import { undoAction } from '../../decisions/undo';
import { joinRequestCommunityCounts } from '../../queries/community-counts';
import { joinRequestDetail } from '../../queries/join-request-detail';
import { sql, whereAll } from '../../store/sql';
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

export function joinRequestHandlers(context: ServiceContext, wakeDrainer: () => void): JoinRequestHandlers {
  const { store } = context;
  const acting = () => ({ actor: context.actor, device: context.settings.get().deviceId, now: Date.now() });
  return {
    'joinRequests.detail': ({ id }) => joinRequestDetail(store.reader, id),
    'joinRequests.preview': async ({ target }) => {
      const where = whereAll([...targetConditions(target, Date.now()), DECIDABLE]);
      const perCommunity = await store.reader.all<{ community_id: string; community_name: string; parent_name: string | null; count: number }>(
        sql`SELECT j.community_id, c.name AS community_name, p.name AS parent_name, count(*) AS count
          FROM join_requests j JOIN communities c ON c.id = j.community_id LEFT JOIN communities p ON p.id = c.parent_id${where}
          GROUP BY j.community_id ORDER BY count DESC, c.tree_key`,
      );
      return {
        total: perCommunity.reduce((sum, row) => sum + row.count, 0),
        perCommunity: perCommunity.map((r) => ({ communityId: r.community_id, communityName: r.community_name, parentName: r.parent_name, count: r.count })),
      };
    },
    'joinRequests.decide': async (input) => {
      if (input.reasonId && input.reasonText) throw new AppFailure('invalid-input', 'Give either a reason from the library or a typed reason, not both.');
      const reason = input.reasonId ? await reasonText(store.reader, input.reasonId) : (input.reasonText ?? null);
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
