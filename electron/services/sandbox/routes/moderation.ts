import { alreadyHandled, applied, json, notFound, parseBody, type ApiResponse } from '../http/respond';
import { iso } from '../http/serialize';
import { banBody, bulkRemoveBody, kickBody, muteBody, removeBody } from '../http/wire';
import type { Effect } from '../world/moderation';
import type { SandboxWorld } from '../world/world';
import { communityParam, type ApiRequest, type ApiRoute } from './route';

export const effectResponse = (effect: Effect, at: number): ApiResponse =>
  effect.kind === 'applied' ? applied(at) : alreadyHandled(effect.by, effect.state);

/** The community must exist and take members; the person id must be well formed. */
export function member(world: SandboxWorld, { params }: ApiRequest): ApiResponse | { communityId: string; personId: string } {
  const found = world.community(params.community ?? '');
  if (!found || !found.acceptsMembers) return notFound('community');
  if (!world.personExists(params.user ?? '')) return notFound('user');
  return { communityId: found.id, personId: params.user as string };
}

const toTime = (value: string | null) => (value === null ? null : Date.parse(value));

/** Removals, kicks, bans and mutes; warnings and lifts are in `members.ts`. */
export const moderationRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/communities/:community/messages/:message/remove',
    push: true,
    target: communityParam,
    handle: (request, { world, principal }) => {
      const parsed = parseBody(removeBody, request.body);
      if (!parsed.ok) return parsed.response;
      const message = world.message(request.params.message ?? '');
      if (!message || message.communityId !== request.params.community) return notFound('message');
      return effectResponse(world.moderation.removeMessage(message.id, { name: principal, at: request.now }), request.now);
    },
  },
  {
    // Removes what it can; unknown ids come back in `failed`. Already removed counts as removed.
    method: 'POST',
    pattern: '/v1/communities/:community/messages/bulk-remove',
    push: true,
    target: communityParam,
    handle: (request, { world, principal }) => {
      const parsed = parseBody(bulkRemoveBody, request.body);
      if (!parsed.ok) return parsed.response;
      if (!world.community(request.params.community ?? '')) return notFound('community');
      const removed: string[] = [];
      const failed: { id: string; code: 'not_found' }[] = [];
      for (const id of parsed.data.message_ids) {
        const message = world.message(id);
        if (!message || message.communityId !== request.params.community) failed.push({ id, code: 'not_found' });
        else {
          world.moderation.removeMessage(id, { name: principal, at: request.now });
          removed.push(id);
        }
      }
      const result = failed.length === 0 ? 'applied' : 'partial';
      return { ...json(200, { result, at: iso(request.now), removed, failed }), effect: removed.length > 0 ? 'applied' : 'rejected' };
    },
  },
  {
    method: 'POST',
    pattern: '/v1/communities/:community/members/:user/kick',
    push: true,
    target: communityParam,
    handle: (request, { world }) => {
      const parsed = parseBody(kickBody, request.body);
      if (!parsed.ok) return parsed.response;
      const target = member(world, request);
      return 'status' in target ? target : effectResponse(world.moderation.kick(), request.now);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/communities/:community/members/:user/ban',
    push: true,
    target: communityParam,
    handle: (request, { world, principal }) => {
      const parsed = parseBody(banBody, request.body);
      if (!parsed.ok) return parsed.response;
      const target = member(world, request);
      if ('status' in target) return target;
      const by = { name: principal, at: request.now };
      const effect = world.moderation.ban(target.communityId, target.personId, toTime(parsed.data.until), by, parsed.data.delete_history_seconds);
      return effectResponse(effect, request.now);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/communities/:community/members/:user/mute',
    push: true,
    target: communityParam,
    handle: (request, { world, principal }) => {
      const parsed = parseBody(muteBody, request.body);
      if (!parsed.ok) return parsed.response;
      const target = member(world, request);
      if ('status' in target) return target;
      const effect = world.moderation.mute(target.communityId, target.personId, toTime(parsed.data.until), { name: principal, at: request.now });
      return effectResponse(effect, request.now);
    },
  },
];
