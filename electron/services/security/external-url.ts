/**
 * Decides whether a link may leave the app for the user's browser.
 * Only absolute http(s) URLs without credentials qualify; everything else
 * (file:, javascript:, data:, custom schemes) is refused outright.
 */
export type ExternalUrlVerdict =
  | { readonly allowed: true; readonly url: string; readonly host: string }
  | { readonly allowed: false; readonly reason: string };

export function checkExternalUrl(raw: string): ExternalUrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { allowed: false, reason: 'Not a valid absolute URL.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { allowed: false, reason: `Links with the ${url.protocol} scheme are not opened.` };
  if (url.username || url.password)
    return { allowed: false, reason: 'Links that carry credentials are not opened.' };
  return { allowed: true, url: url.href, host: url.host };
}
