import { err, ok, type Result } from '@shared/result';

/**
 * Reads the address of a Facebook group that an admin pastes, into a stable id.
 * Pure (no Node, no network): the renderer may use it too. No request is ever made
 * to Facebook; a share link (`/share/g/…`) that needs following is refused with a hint.
 */

export interface FacebookGroupRef {
  /** The numeric group id, or the group's vanity name in lower case (Facebook treats it case-insensitively). */
  readonly externalId: string;
  readonly kind: 'id' | 'vanity';
  /** `https://www.facebook.com/groups/<externalId>/` */
  readonly url: string;
}

const MAX_INPUT = 2_048;
/** Facebook's own web hosts; anything else (look-alikes, other sites, IP addresses) is refused. */
const HOSTS = new Set(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'mbasic.facebook.com', 'web.facebook.com', 'touch.facebook.com']);
/** `/groups/<word>` pages that are not a group. */
const NOT_GROUPS = new Set(['feed', 'discover', 'joins', 'create', 'search', 'notifications', 'your_groups', 'category', 'browse']);
const NUMERIC_ID = /^\d{5,20}$/;
/** Vanity names: letters, digits and dots (underscores and hyphens seen in older groups); not only dots. */
const VANITY = /^(?=.*[a-z0-9])[a-z0-9._-]{2,100}$/i;

export const groupUrl = (externalId: string): string => `https://www.facebook.com/groups/${externalId}/`;

export function parseGroupUrl(input: string): Result<FacebookGroupRef> {
  const text = input.trim();
  if (text === '' || text.length > MAX_INPUT) return err('invalid-input', 'Paste the address of a Facebook group.');
  // "facebook.com/groups/…" without a scheme is how addresses get copied from a phone; any other scheme is refused.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return err('invalid-input', 'That is not a web address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err('invalid-input', 'Only facebook.com addresses are accepted.');
  if (url.username !== '' || url.password !== '') return err('invalid-input', 'The address must not contain a user name or password.');
  if (url.port !== '' || !HOSTS.has(url.hostname.toLowerCase())) return err('invalid-input', 'Only facebook.com group addresses are accepted.');
  const segments = url.pathname.split('/').filter(Boolean).map((s) => safeDecode(s));
  if (segments[0] === 'share') return err('invalid-input', 'This is a share link: open it in your browser, then copy the group’s own address (facebook.com/groups/…).');
  if (segments[0]?.toLowerCase() !== 'groups' || segments[1] === undefined) return err('invalid-input', 'This is not a group address (expected facebook.com/groups/…).');
  const id = segments[1];
  if (NUMERIC_ID.test(id)) return ok({ externalId: id, kind: 'id', url: groupUrl(id) });
  if (!VANITY.test(id) || NOT_GROUPS.has(id.toLowerCase())) return err('invalid-input', 'This address does not name a group.');
  const vanity = id.toLowerCase();
  return ok({ externalId: vanity, kind: 'vanity', url: groupUrl(vanity) });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
