import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '@services/security/csp';
import { PRODUCTION_ORIGIN, resolveAppOrigin } from './app-origin';
import { rendererCsp } from './renderer-csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('rendererCsp', () => {
  it('is the strict shared policy in production', () => {
    const policy = rendererCsp(PRODUCTION_ORIGIN);
    expect(policy).toBe(buildContentSecurityPolicy());
    expect(policy).not.toContain('unsafe');
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
  });

  it('lets the dev server inline its preamble and open its hot-reload socket, nothing more', () => {
    const dev = resolveAppOrigin({ devServerUrl: 'http://localhost:5173', isPackaged: false }).appOrigin;
    const policy = rendererCsp(dev);
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' ws://localhost:5173");
    expect(directive(policy, 'default-src')).toBe("default-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
  });
});
