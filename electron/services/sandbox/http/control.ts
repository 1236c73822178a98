import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultPatchSchema } from '../faults';
import type { SandboxPlatform } from '../platform';
import { readBody, sendJson } from './io';
import { problem, type ApiResponse } from './respond';
import { Router, type Method } from './router';

const MAX_ADVANCE = 1_000_000;
const count = z.number().int().min(0).max(MAX_ADVANCE).optional();
const advanceBody = z.object({ joinRequests: count, reports: count, messages: count }).strict();
/** Sandbox ids are short (`c_12`, `u_7`, `jr_999999`); the bound keeps a hostile body from pushing megabytes through lookups. */
const id = z.string().min(1).max(64);
const postBody = z.object({ communityId: id, personId: id, body: z.string().min(1).max(4_000) }).strict();
const handleElsewhereBody = z.object({ joinRequestIds: z.array(id).max(10_000).optional(), reportIds: z.array(id).max(10_000).optional() }).strict();

interface ControlRoute {
  readonly method: Method;
  readonly pattern: string;
  readonly handle: (platform: SandboxPlatform, body: unknown, query: URLSearchParams) => ApiResponse;
}

const ok = (body: unknown): ApiResponse => ({ status: 200, body });

function withBody<S extends z.ZodType>(schema: S, run: (platform: SandboxPlatform, data: z.output<S>) => ApiResponse) {
  return (platform: SandboxPlatform, body: unknown): ApiResponse => {
    const parsed = schema.safeParse(body ?? {});
    return parsed.success ? run(platform, parsed.data) : problem(422, 'invalid_body', z.prettifyError(parsed.error));
  };
}

/** Log entries after `?since=<seq>`, so a test can look at only what its own step caused. */
const since = (query: URLSearchParams) => Number(query.get('since') ?? 0) || 0;

/**
 * Test and inspection endpoints. Not part of the simulated platform's API: they are
 * how tests, benchmarks and the app's developer menu look inside and turn knobs.
 * camelCase, like the programmatic helpers they mirror.
 */
const controlRouter = new Router<ControlRoute>([
  { method: 'GET', pattern: '/_sandbox/state', handle: (p) => ok(p.state()) },
  { method: 'GET', pattern: '/_sandbox/actions', handle: (p, _, q) => ok({ actions: p.actions.entries().filter((a) => a.seq > since(q)) }) },
  { method: 'GET', pattern: '/_sandbox/requests', handle: (p, _, q) => ok({ requests: p.requests.entries().filter((r) => r.seq > since(q)) }) },
  { method: 'GET', pattern: '/_sandbox/faults', handle: (p) => ok({ faults: p.faults.current }) },
  // What is posted now, with edits and deletions: the crash harness compares it with the app's delivery records.
  { method: 'GET', pattern: '/_sandbox/announcements', handle: (p) => ok({ announcements: p.world.moderation.announcementList() }) },
  { method: 'POST', pattern: '/_sandbox/faults', handle: withBody(faultPatchSchema, (p, patch) => ok({ faults: p.faults.update(patch) })) },
  {
    method: 'POST',
    pattern: '/_sandbox/advance',
    handle: withBody(advanceBody, (p, add) => {
      p.advance(add);
      return ok(p.state());
    }),
  },
  {
    // A member posts a given text now, so a test can aim an alert rule at it.
    method: 'POST',
    pattern: '/_sandbox/messages',
    handle: withBody(postBody, (p, input) => {
      const message = p.post(input);
      return message ? ok({ id: message.id }) : problem(404, 'not_found', 'No such member community or person');
    }),
  },
  {
    method: 'POST',
    pattern: '/_sandbox/handle-elsewhere',
    handle: withBody(handleElsewhereBody, (p, ids) =>
      ok({ joinRequests: p.handleElsewhere('joinRequests', ids.joinRequestIds ?? []), reports: p.handleElsewhere('reports', ids.reportIds ?? []) }),
    ),
  },
  {
    method: 'POST',
    pattern: '/_sandbox/token/expire',
    handle: (p) => {
      p.tokens.expire();
      return ok({ expired: true });
    },
  },
  { method: 'POST', pattern: '/_sandbox/token', handle: (p) => ok({ token: p.tokens.reissue() }) },
  {
    method: 'POST',
    pattern: '/_sandbox/reset',
    handle: (p) => {
      p.reset();
      return ok(p.state());
    },
  },
]);

export async function serveControl(platform: SandboxPlatform, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const reply = (response: ApiResponse) => sendJson(res, response.status, response.body, response.headers);
  if (!platform.tokens.checkControl(req.headers.authorization)) return reply(problem(401, 'invalid_token', 'The launch token is required'));
  const match = controlRouter.match(req.method ?? 'GET', url.pathname);
  if (typeof match === 'string') return reply(problem(match === 'not-found' ? 404 : 405, match.replaceAll('-', '_'), 'No such control endpoint'));
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    return reply(problem(400, 'bad_json', 'Request body is not JSON'));
  }
  reply(match.route.handle(platform, body, url.searchParams));
}
