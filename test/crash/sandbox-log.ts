/** One push as the standalone Sandbox's action log records it (`GET /_sandbox/actions`). */
export interface SandboxAction {
  readonly idempotencyKey: string;
  readonly method: string;
  readonly path: string;
  readonly body: { readonly text?: unknown } | null;
  readonly effect: 'applied' | 'already-handled' | 'rejected' | 'duplicate';
}

/** What the platform did with a key: a replay (`duplicate`) or a refusal changed nothing. */
export const EFFECTFUL: ReadonlySet<string> = new Set(['applied', 'already-handled']);

/** What must take effect at most once: a decision on a request; an announcement's text in a community, or on a post. */
export const intentOf = (action: SandboxAction) => (action.path.endsWith('/decision') ? action.path : `${action.method} ${action.path} ${JSON.stringify(action.body?.text ?? null)}`);
