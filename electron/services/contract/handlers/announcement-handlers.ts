import type { Connector } from '@shared/connectors';
import type { ServiceContext } from '../../app/context';
import { loadCommunities, toCandidate } from '../../announcements/candidates';
import { cancelAnnouncement } from '../../announcements/cancel';
import { readProfile, saveProfile } from '../../announcements/community-profile';
import type { AnnouncementDeps } from '../../announcements/deps';
import { createDraft, discardDraft, duplicateAnnouncement, saveDraft } from '../../announcements/drafts';
import { defineField, listFields, removeField } from '../../announcements/fields';
import { deleteEverywhere, editEverywhere, previewEdit } from '../../announcements/follow-up';
import { announcementsWindow } from '../../announcements/list';
import { planSend } from '../../announcements/preview';
import { deliveryCounts, receiptsWindow } from '../../announcements/receipts';
import { requireAnnouncement } from '../../announcements/records';
import { retryDeliveries } from '../../announcements/retry';
import { sendAnnouncement } from '../../announcements/send';
import { deleteTargetList, listTargetLists, saveTargetList } from '../../announcements/target-lists';
import { fetchWindow } from '../../store/window-query';
import type { Handlers } from '../dispatch';

type AnnouncementHandlers = Pick<
  Handlers,
  | 'announcements.window'
  | 'announcements.get'
  | 'announcements.create'
  | 'announcements.saveDraft'
  | 'announcements.discardDraft'
  | 'announcements.duplicate'
  | 'announcements.preview'
  | 'announcements.previewEdit'
  | 'announcements.send'
  | 'announcements.cancel'
  | 'announcements.retry'
  | 'announcements.edit'
  | 'announcements.delete'
  | 'announcements.receipts'
  | 'announcements.progress'
  | 'announcements.targetCandidates'
  | 'announcements.targetLists'
  | 'announcements.saveTargetList'
  | 'announcements.deleteTargetList'
  | 'communities.profile'
  | 'communities.saveProfile'
  | 'communities.fields'
  | 'communities.defineField'
  | 'communities.removeField'
>;

/** The announcement desk and the community values its placeholders read (issue 6). */
export function announcementHandlers(
  context: ServiceContext,
  connections: { connectorFor(connectionId: string): Promise<Connector | null> },
  wakeDrainer: () => void,
): AnnouncementHandlers {
  const { store } = context;
  const deps: AnnouncementDeps = {
    store,
    connectorFor: (id) => connections.connectorFor(id),
    by: () => ({ actor: context.actor, device: context.settings.get().deviceId }),
    confirmOver: () => context.settings.preferences().confirmAnnouncementOver,
    wakeDrainer,
    now: Date.now,
  };
  const windows = { reader: store.reader, versionOf: store.versionOf, cache: context.windows };
  return {
    'announcements.window': (request) => fetchWindow(windows, announcementsWindow, request),
    'announcements.get': ({ id }) => requireAnnouncement(store.reader, id),
    'announcements.create': ({ title }) => createDraft(deps, title),
    'announcements.saveDraft': (draft) => saveDraft(deps, draft),
    'announcements.discardDraft': async ({ id }) => ({ deleted: await discardDraft(deps, id) }),
    'announcements.duplicate': ({ id }) => duplicateAnnouncement(deps, id),
    'announcements.preview': async ({ content, targets, at }) => (await planSend(deps, content, targets, at ?? deps.now())).preview,
    'announcements.previewEdit': ({ id, content }) => previewEdit(deps, id, content),
    'announcements.send': (input) => sendAnnouncement(deps, input),
    'announcements.cancel': ({ id }) => cancelAnnouncement(deps, id),
    'announcements.retry': async ({ id, deliveryIds }) => ({ retried: await retryDeliveries(deps, id, deliveryIds) }),
    'announcements.edit': ({ id, content }) => editEverywhere(deps, id, content),
    'announcements.delete': ({ id }) => deleteEverywhere(deps, id),
    'announcements.receipts': (request) => fetchWindow(windows, receiptsWindow, request),
    'announcements.progress': ({ id }) => deliveryCounts(store.reader, id),
    'announcements.targetCandidates': async () => (await loadCommunities(store.reader)).map(toCandidate),
    'announcements.targetLists': () => listTargetLists(store.reader),
    'announcements.saveTargetList': (input) => saveTargetList(store, input, deps.now()),
    'announcements.deleteTargetList': async ({ id }) => ({ deleted: await deleteTargetList(store, id) }),
    'communities.profile': ({ id }) => readProfile(store.reader, id),
    'communities.saveProfile': (input) => saveProfile(store, input, deps.by(), deps.now()),
    'communities.fields': () => listFields(store.reader),
    'communities.defineField': ({ name }) => defineField(store, name, deps.now()),
    'communities.removeField': ({ name }) => removeField(store, name),
  };
}
