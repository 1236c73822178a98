/**
 * A connection's `baseUrl` as connectors need it: the path kept with a trailing
 * slash, so a relative request path appends to it (`new URL('guilds/1',
 * 'https://discord.com/api/v10')` would drop `v10`), and the query string split off,
 * because the contract's factory config has no other place for per-connection options
 * (e.g. `?chats=…` for Telegram, `?username=…` for Discourse).
 */
export interface BaseUrl {
  /** Absolute http(s) URL ending in "/", or null when `raw` is not one. */
  readonly base: string | null;
  readonly options: URLSearchParams;
}

export function splitBaseUrl(raw: string, fallback: string): BaseUrl {
  const text = raw.trim() === '' ? fallback : raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { base: null, options: new URLSearchParams() };
  }
  const options = new URLSearchParams(url.search);
  // Credentials in the URL would be sent by nobody and logged by someone: refuse them.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return { base: null, options };
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return { base: url.toString(), options };
}

/** Items per page: what the engine asked for, within 1..max. */
export const clampPage = (limit: number | undefined, fallback: number, max: number): number =>
  Math.max(1, Math.min(max, Math.floor(limit ?? fallback)));
