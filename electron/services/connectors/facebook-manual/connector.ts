import type { CommunityItem, Connector, ConnectorDescriptor } from '@shared/connectors';
import type { Result } from '@shared/result';
import { rejectUnsupported } from '../http/unsupported';
import { parseGroupUrl } from './group-url';

/**
 * Facebook removed the Groups API on 22 April 2024 (Graph API v19.0 changelog): no
 * listing, no join requests, no reports, no posting, no removal. This connector
 * declares nothing, so the engine never pulls or pushes; a call anyway is refused as
 * `unsupported`. Groups are added by URL (`communityFromGroupUrl`), worked on
 * through `adminLinks` in the browser, and outcomes are recorded by hand.
 * No scraping and no automation of the web UI: both break Meta's terms.
 */
export const FACEBOOK_MANUAL_DESCRIPTOR: ConnectorDescriptor = {
  kind: 'facebook-manual',
  capabilities: [],
  delivery: { joinRequests: { mode: 'none' }, reports: { mode: 'none' }, messages: { mode: 'none' } },
  sendIdempotency: 'none',
  rateHints: [],
  limits: {},
};

/** A community row for a group the admin pasted, ready for the communities ingest. */
export function communityFromGroupUrl(input: string, name?: string): Result<CommunityItem> {
  const parsed = parseGroupUrl(input);
  if (!parsed.ok) return parsed;
  const { externalId, url } = parsed.value;
  return {
    ok: true,
    value: { externalId, parentExternalId: null, name: name?.trim() || externalId, kind: 'group', memberCount: 0, language: null, tags: ['manual'], url, rulesUrl: null },
  };
}

const NO_API = 'Facebook Groups (no API since April 2024; work in the browser and record outcomes in Modboard)';

export function createFacebookManualConnector(): Connector {
  return {
    describe: () => FACEBOOK_MANUAL_DESCRIPTOR,
    // Nothing to authenticate: no token is used or stored.
    verifyAuth: async () => ({ principal: 'Facebook Groups (manual)', scopesOk: true, missing: [] }),
    listCommunities: () => rejectUnsupported(NO_API),
    pullJoinRequests: () => rejectUnsupported(NO_API),
    pullReports: () => rejectUnsupported(NO_API),
    pullMessages: () => rejectUnsupported(NO_API),
    pullUpdates: () => rejectUnsupported(NO_API),
    decideJoinRequest: () => rejectUnsupported(NO_API),
    moderate: () => rejectUnsupported(NO_API),
    sendAnnouncement: () => rejectUnsupported(NO_API),
    editAnnouncement: () => rejectUnsupported(NO_API),
    deleteAnnouncement: () => rejectUnsupported(NO_API),
    reconcile: () => rejectUnsupported(NO_API),
  };
}
