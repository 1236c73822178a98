import { alreadyHandled, applied, notFound, parseBody } from '../http/respond';
import { announcementBody } from '../http/wire';
import { communityParam, type ApiRoute } from './route';

export const announcementRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/communities/:community/announcements',
    push: true,
    target: communityParam,
    announce: true,
    handle: ({ params, body, now }, { world }) => {
      const parsed = parseBody(announcementBody, body);
      if (!parsed.ok) return parsed.response;
      if (!world.community(params.community ?? '')) return notFound('community');
      const posted = world.moderation.postAnnouncement(params.community as string, parsed.data.text, now);
      return applied(now, { id: posted.id, url: posted.url }, 201);
    },
  },
  {
    method: 'PATCH',
    pattern: '/v1/communities/:community/announcements/:message',
    push: true,
    target: communityParam,
    announce: true,
    handle: ({ params, body, now }, { world }) => {
      const parsed = parseBody(announcementBody, body);
      if (!parsed.ok) return parsed.response;
      const found = world.moderation.announcement(params.community ?? '', params.message ?? '');
      if (!found || found.deletedBy !== null) return notFound('message');
      const edited = world.moderation.editAnnouncement(found, parsed.data.text, now);
      return applied(now, { id: edited.id, url: edited.url });
    },
  },
  {
    method: 'DELETE',
    pattern: '/v1/communities/:community/announcements/:message',
    push: true,
    target: communityParam,
    announce: true,
    handle: ({ params, now }, { world, principal }) => {
      const found = world.moderation.announcement(params.community ?? '', params.message ?? '');
      if (!found) return notFound('message');
      const effect = world.moderation.deleteAnnouncement(found, { name: principal, at: now });
      return effect.kind === 'applied' ? applied(now, { id: found.id }) : alreadyHandled(effect.by, effect.state);
    },
  },
];
