import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';
import { NO_TRICKLE } from './world/trickle';

/** A fixed instant, so worlds made at different times have identical backlogs. */
export const FIXTURE_EPOCH_MS = Date.UTC(2026, 7, 1, 12, 0, 0);

/**
 * A Sandbox for tests and benchmarks: still (no trickle) unless asked, with a fixed
 * epoch, on a free port. The caller closes it.
 */
export function startQuietSandbox(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  return startSandboxServer({ port: 0, epochMs: FIXTURE_EPOCH_MS, ...options, trickle: { ...NO_TRICKLE, ...options.trickle } });
}
