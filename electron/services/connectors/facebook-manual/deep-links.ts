import type { FacebookGroupRef } from './group-url';
import { groupUrl } from './group-url';

/**
 * Links that open a group's admin pages in the moderator's browser, where they act
 * and then record the outcome in Modboard by hand. Only https://www.facebook.com
 * links are built, from an id `parseGroupUrl` accepted (digits, or a vanity name of
 * letters, digits, dots, underscores, hyphens), so nothing pasted can inject a path,
 * a query or another host.
 *
 * Meta documents none of the page paths. Each one is corroborated by independent public
 * code that opens or recognises it on www.facebook.com (README: "The admin page paths",
 * with the source per path); `member-requests` really is hyphenated while the others use
 * underscores. They may still change without notice: update the README table with them.
 */
export interface FacebookAdminLinks {
  readonly group: string;
  readonly memberRequests: string;
  readonly pendingPosts: string;
  readonly reportedContent: string;
  readonly moderationAlerts: string;
  readonly adminAssist: string;
  readonly members: string;
  readonly adminActivity: string;
}

const SAFE_ID = /^[a-z0-9._-]{2,100}$/i;

export function adminLinks(group: Pick<FacebookGroupRef, 'externalId'>): FacebookAdminLinks | null {
  if (!SAFE_ID.test(group.externalId) || /^\.+$/.test(group.externalId)) return null;
  const base = groupUrl(group.externalId);
  const page = (path: string) => `${base}${path}/`;
  return {
    group: base,
    memberRequests: page('member-requests'),
    pendingPosts: page('pending_posts'),
    reportedContent: page('member_reported_content'),
    moderationAlerts: page('keyword_alerted_content'),
    adminAssist: page('admin_assistant'),
    members: page('members'),
    adminActivity: page('admin_activities'),
  };
}
