import { calls, isCallName, type CallName, type CallOutput, type CallParsed } from '@shared/contract';
import { AppFailure, err, ok, type Result } from '@shared/result';
import type { Logger } from '../app/host';

export type Handler<K extends CallName> = (input: CallParsed<K>) => Promise<CallOutput<K>>;

/** One handler per contract call; a missing one is a compile error. */
export type Handlers = { readonly [K in CallName]: Handler<K> };

const MAX_ISSUES_IN_MESSAGE = 3;

/** `String(name)` throws for an object whose toString and valueOf are not functions (any IPC payload can be one). */
const describeName = (name: unknown): string =>
  typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `of type ${name === null ? 'null' : typeof name}`;

/**
 * The single entry point of every call from either transport. Fails closed: an unknown
 * name or a payload that does not match the call's schema never reaches a handler.
 * Handlers signal expected failures by throwing `AppFailure`; anything else is a bug,
 * logged and returned as `internal` so the process keeps serving.
 */
export function createDispatcher(handlers: Handlers, log: Logger) {
  return async function dispatch(name: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) return err('unknown-method', `There is no call named ${describeName(name)}.`);
    const parsed = calls[name].input.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, MAX_ISSUES_IN_MESSAGE)
        .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
        .join('; ');
      return err('invalid-input', `Invalid input for ${name}: ${issues}`);
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof AppFailure) return err(error.code, error.message);
      log.error('Call failed unexpectedly', { call: name, error: error instanceof Error ? error.stack : String(error) });
      return err('internal', `Something went wrong while running ${name}. The details are in the log.`);
    }
  };
}
