import type { ConnectionKind, ConnectionOptions } from '@shared/domain/connection';
import { AppFailure } from '@shared/result';

export type PlatformKind = 'telegram' | 'discourse' | 'discord';

export const isPlatformKind = (kind: ConnectionKind): kind is PlatformKind => kind === 'telegram' || kind === 'discourse' || kind === 'discord';

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

/**
 * The reverse of `platformBaseUrl`: a stored connector URL split into the platform's
 * address and the options it carries, so the options can be shown and edited and the
 * URL rebuilt. Rows stored before options were editable read back the same way.
 */
export function splitPlatformUrl(kind: ConnectionKind, baseUrl: string | undefined): { address: string | null; options: ConnectionOptions } {
  if (!baseUrl || !isPlatformKind(kind)) return { address: null, options: {} };
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { address: null, options: {} };
  }
  const query = new URLSearchParams(url.search);
  url.search = '';
  const address = url.toString().replace(/\/$/, '');
  switch (kind) {
    case 'discourse':
      return { address, options: { username: query.get('username') ?? 'system' } };
    case 'telegram':
      return { address, options: { chatIds: (query.get('chats') ?? '').split(',').filter(Boolean) } };
    case 'discord':
      return { address, options: { joinRequests: query.get('joinRequests') === '1' } };
  }
}
