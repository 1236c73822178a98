import type { ActionLog } from '../action-log';
import type { FaultInjector } from '../faults';
import type { ApiResponse } from '../http/respond';
import type { Method } from '../http/router';
import type { SandboxWorld } from '../world/world';

export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  readonly now: number;
}

export interface ApiContext {
  readonly world: SandboxWorld;
  /** The name our token acts as; it shows as `handled_by` on what we decide. */
  readonly principal: string;
  readonly faults: FaultInjector;
  readonly actions: ActionLog;
}

export interface ApiRoute {
  readonly method: Method;
  readonly pattern: string;
  /** Pushes need an Idempotency-Key header and are remembered by it. */
  readonly push: boolean;
  /** The community acted on, for the `target` rate-limit scope. */
  readonly target?: (params: Readonly<Record<string, string>>, world: SandboxWorld) => string | null;
  /** Also draws from the per-community announcement bucket when real limits are on. */
  readonly announce?: boolean;
  readonly handle: (request: ApiRequest, context: ApiContext) => ApiResponse;
}

export const PRINCIPAL = 'modboard_bot';

/** The `:community` path parameter, for routes whose rate-limit target is the community they act on. */
export const communityParam = ({ community }: Readonly<Record<string, string>>): string | null => community ?? null;
