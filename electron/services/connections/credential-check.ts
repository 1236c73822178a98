import { describeConnectorError, isConnectorFailure, type AuthCheck, type Connector, type ConnectorError } from '@shared/connectors';
import { PLATFORM_NAMES, type ConnectionKind } from '@shared/domain/connection';
import { AppFailure } from '@shared/result';

/** How long a check may take before the platform counts as unreachable. */
export const VERIFY_TIMEOUT_MS = 15_000;

export type CredentialCheck =
  | { readonly outcome: 'ok'; readonly check: AuthCheck; readonly latencyMs: number }
  | { readonly outcome: 'refused'; readonly error: Extract<ConnectorError, { class: 'auth' }>; readonly message: string; readonly latencyMs: number }
  | { readonly outcome: 'unreachable'; readonly message: string; readonly latencyMs: number };

/**
 * Asks the platform who the credentials act as. Expected failures come back as values:
 * `refused` (the platform said no to the token) and `unreachable` (anything else the
 * connector classified: network, timeout, 5xx, 429). The token is cut out of every
 * message, because some platforms (Telegram) put it in the request path that an error may quote.
 */
export async function checkCredentials(kind: ConnectionKind, connector: Connector, token: string, now: () => number = Date.now): Promise<CredentialCheck> {
  const platform = PLATFORM_NAMES[kind];
  const started = now();
  try {
    const check = await connector.verifyAuth({ signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS) });
    return { outcome: 'ok', check: { ...check, principal: redact(check.principal, token) }, latencyMs: now() - started };
  } catch (error) {
    if (!isConnectorFailure(error)) throw error;
    const latencyMs = now() - started;
    const why = redact(describeConnectorError(error.error), token);
    if (error.error.class === 'auth')
      return { outcome: 'refused', error: error.error, message: `${platform} refused the token (${why}).`, latencyMs };
    return { outcome: 'unreachable', message: `Could not reach ${platform} (${why}).`, latencyMs };
  }
}

/** For a change that must not be saved unless the platform takes it: a refusal or an unreachable platform becomes a typed failure. */
export function requireAccepted(result: CredentialCheck, nothingChanged: string): AuthCheck {
  switch (result.outcome) {
    case 'ok':
      return result.check;
    case 'refused':
      throw new AppFailure('invalid-input', `${result.message} ${nothingChanged}`);
    case 'unreachable':
      throw new AppFailure('unavailable', `${result.message} ${nothingChanged}`);
  }
}

const redact = (text: string, token: string): string => (token.length >= 4 ? text.split(token).join('[token]') : text);
