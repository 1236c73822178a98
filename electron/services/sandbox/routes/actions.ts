import { json, notFound } from '../http/respond';
import { iso } from '../http/serialize';
import type { ApiRoute } from './route';

export const actionRoutes: readonly ApiRoute[] = [
  {
    // What the platform remembers about a push, so a client that crashed mid-push can
    // learn whether it landed before sending it again.
    method: 'GET',
    pattern: '/v1/actions/:key',
    push: false,
    handle: ({ params }, { actions }) => {
      const key = params.key ?? '';
      const found = actions.lookup(key);
      if (!found) return notFound('action');
      return json(200, { key, received_at: iso(found.at), method: found.method, path: found.path, status: found.response.status, response: found.response.body });
    },
  },
];
