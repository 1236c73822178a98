import { alreadyHandled, applied, notFound, parseBody, problem, type ApiResponse } from '../http/respond';
import { decisionBody, resolveBody } from '../http/wire';
import type { Verdict } from '../world/world';
import type { HandledByRecord } from '../world/model';
import type { ApiRoute } from './route';

function verdictResponse<R extends { id: string; status: string; version: number; handledBy: HandledByRecord | null }>(
  verdict: Verdict<R>,
  at: number,
): ApiResponse {
  switch (verdict.kind) {
    case 'applied':
      return applied(at, { id: verdict.item.id });
    case 'already-handled':
      return alreadyHandled(verdict.item.handledBy, verdict.item.status);
    case 'stale-version':
      return problem(409, 'stale_version', 'The item changed since you read it', { current_version: verdict.item.version });
  }
}

export const decisionRoutes: readonly ApiRoute[] = [
  {
    method: 'POST',
    pattern: '/v1/join-requests/:id/decision',
    push: true,
    target: ({ id }, world) => {
      const index = world.joinRequestIndex(id ?? '');
      return index === null ? null : world.joinRequests.get(index).communityId;
    },
    handle: ({ params, body, now }, { world, principal, faults }) => {
      const parsed = parseBody(decisionBody, body);
      if (!parsed.ok) return parsed.response;
      const index = world.joinRequestIndex(params.id ?? '');
      if (index === null) return notFound('request');
      if (faults.fires('handledElsewhere')) world.handleElsewhere('joinRequests', index, now);
      const by = { name: principal, at: now };
      const verdict = world.decideJoinRequest(index, parsed.data.decision, parsed.data.version, by);
      if (verdict.kind === 'applied' && parsed.data.ban) world.moderation.ban(verdict.item.communityId, verdict.item.person.id, null, by);
      return verdictResponse(verdict, now);
    },
  },
  {
    method: 'POST',
    pattern: '/v1/reports/:id/resolve',
    push: true,
    target: ({ id }, world) => {
      const index = world.reportIndex(id ?? '');
      return index === null ? null : world.reports.get(index).message.communityId;
    },
    handle: ({ params, body, now }, { world, principal, faults }) => {
      const parsed = parseBody(resolveBody, body);
      if (!parsed.ok) return parsed.response;
      const index = world.reportIndex(params.id ?? '');
      if (index === null) return notFound('report');
      if (faults.fires('handledElsewhere')) world.handleElsewhere('reports', index, now);
      return verdictResponse(world.resolveReport(index, parsed.data.resolution, parsed.data.version, { name: principal, at: now }), now);
    },
  },
];
