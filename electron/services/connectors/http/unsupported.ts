import { ConnectorFailure } from '@shared/connectors';

/**
 * What a connector throws for a call its descriptor does not declare (the engine
 * never makes one; a bug or a stale UI might): `invalid` with reason `unsupported`.
 */
export function unsupported(what: string): never {
  throw new ConnectorFailure({ class: 'invalid', detail: `${what} is not something this platform allows`, reason: 'unsupported' });
}

/** The same, as a rejected promise, for async interface methods. */
export const rejectUnsupported = async (what: string): Promise<never> => unsupported(what);
