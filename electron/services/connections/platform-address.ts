import { AppFailure } from '@shared/result';

export type PlatformKind = 'telegram' | 'discourse' | 'discord';

const DEFAULT_BASE: Readonly<Record<PlatformKind, string | null>> = {
  telegram: 'https://api.telegram.org',
  discord: 'https://discord.com/api/v10',
  discourse: null,
};

export interface PlatformAddressInput {
  readonly kind: PlatformKind;
  readonly baseUrl?: string | undefined;
  readonly username?: string | undefined;
  readonly chatIds?: readonly string[] | undefined;
  readonly joinRequests?: boolean | undefined;
}

const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(host);

/**
 * The connector's `baseUrl`: the platform's address plus the per-connection options the
 * connectors read from its query (Discourse `username`, Telegram `chats`, Discord
 * `joinRequests`). Only https leaves this machine; plain http is accepted for loopback only.
 */
export function platformBaseUrl(input: PlatformAddressInput): string {
  const raw = input.baseUrl?.trim() || DEFAULT_BASE[input.kind];
  if (!raw) throw new AppFailure('invalid-input', 'Enter the address of the Discourse site, e.g. https://forum.example.com.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppFailure('invalid-input', `“${raw.slice(0, 100)}” is not a valid address.`);
  }
  if (url.username || url.password) throw new AppFailure('invalid-input', 'Put the token in the token field, not in the address.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname)))
    throw new AppFailure('invalid-input', 'Platform addresses must use https.');
  if (input.kind === 'discourse') url.searchParams.set('username', input.username ?? 'system');
  if (input.kind === 'telegram' && input.chatIds?.length) url.searchParams.set('chats', input.chatIds.join(','));
  if (input.kind === 'discord' && input.joinRequests) url.searchParams.set('joinRequests', '1');
  return url.toString().replace(/\/(\?|$)/, '$1');
}
