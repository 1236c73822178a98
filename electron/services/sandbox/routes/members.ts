import { notFound, parseBody } from '../http/respond';
import { liftBody, warnBody } from '../http/wire';
import type { SanctionKind } from '../world/moderation';
import { effectResponse, member } from './moderation';
import { communityParam, type ApiRoute } from './route';

/** `unban` / `unmute`: lifting what is not in force answers 409 `already_handled` ("not banned"), which clients read as done. */
const liftRoute = (kind: SanctionKind): ApiRoute => ({
  method: 'POST',
  pattern: `/v1/communities/:community/members/:user/un${kind}`,
  push: true,
  target: communityParam,
  handle: (request, { world }) => {
    const parsed = parseBody(liftBody, request.body);
    if (!parsed.ok) return parsed.response;
    const target = member(world, request);
    if ('status' in target) return target;
    return effectResponse(world.moderation.lift(kind, target.communityId, target.personId, request.now), request.now);
  },
});

/** Warnings to a member, and lifting bans and mutes. */
export const memberRoutes: readonly ApiRoute[] = [
  {
    // A warning is a message to the person; when it names a message, that message must be theirs in this community.
    method: 'POST',
    pattern: '/v1/communities/:community/members/:user/warn',
    push: true,
    target: communityParam,
    handle: (request, { world, principal }) => {
      const parsed = parseBody(warnBody, request.body);
      if (!parsed.ok) return parsed.response;
      const target = member(world, request);
      if ('status' in target) return target;
      const messageId = parsed.data.message_id;
      if (messageId !== null) {
        const message = world.message(messageId);
        if (!message || message.communityId !== target.communityId || message.author.id !== target.personId) return notFound('message');
      }
      const by = { name: principal, at: request.now };
      return effectResponse(world.moderation.warn({ communityId: target.communityId, personId: target.personId, messageId, text: parsed.data.text, by }), request.now);
    },
  },
  liftRoute('ban'),
  liftRoute('mute'),
];
