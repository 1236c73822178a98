import { buildContentSecurityPolicy } from '@services/security/csp';
import type { AppOrigin } from './app-origin';

/**
 * The window's Content-Security-Policy. Production is exactly the shared policy.
 * The dev server needs two relaxations, and only there: Vite injects styles and the
 * React refresh preamble inline, and hot reload talks over a WebSocket on its origin.
 */
export function rendererCsp(app: AppOrigin): string {
  if (!app.devServer) return buildContentSecurityPolicy();
  const socketOrigin = app.origin.replace(/^http/, 'ws');
  const policy = buildContentSecurityPolicy({ connectSources: [socketOrigin] });
  return addSources(policy, { 'script-src': ["'unsafe-inline'"], 'style-src': ["'unsafe-inline'"] });
}

function addSources(policy: string, extra: Readonly<Record<string, readonly string[]>>): string {
  return policy
    .split('; ')
    .map((directive) => {
      const name = directive.split(' ', 1)[0] ?? '';
      const sources = extra[name];
      return sources ? `${directive} ${sources.join(' ')}` : directive;
    })
    .join('; ');
}
