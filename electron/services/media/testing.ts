import type { Connector, ConnectorDescriptor } from '@shared/connectors';
import type { Logger } from '../app/host';
import { fetchBytes } from '../connectors/http/bytes';
import { rejectUnsupported } from '../connectors/http/unsupported';

/**
 * Test support for the media service (imported by *.test.ts only): a connector that
 * downloads files the way Telegram does, with the token in the file URL, from a loopback
 * server; and a logger that keeps every line so a test can look for the token in them.
 */
export const FILE_TOKEN = '123456:SECRET-bot-token-in-the-url';

const DESCRIPTOR: ConnectorDescriptor = {
  kind: 'telegram',
  capabilities: ['media.fetch'],
  delivery: { joinRequests: { mode: 'none' }, reports: { mode: 'none' }, messages: { mode: 'none' } },
  sendIdempotency: 'none',
  rateHints: [],
  limits: {},
};

export function fileUrlConnector(baseUrl: string): Connector {
  const no = () => rejectUnsupported('this call');
  return {
    describe: () => DESCRIPTOR,
    verifyAuth: no,
    listCommunities: no,
    pullJoinRequests: no,
    pullReports: no,
    pullMessages: no,
    pullUpdates: no,
    decideJoinRequest: no,
    moderate: no,
    sendAnnouncement: no,
    editAnnouncement: no,
    deleteAnnouncement: no,
    reconcile: no,
    fetchMedia: (ref, options) =>
      fetchBytes({ url: `${baseUrl}/file/bot${FILE_TOKEN}/${ref}`, timeoutMs: 2_000, maxBytes: options.maxBytes, redirect: 'error', ...(options.signal ? { signal: options.signal } : {}) }),
  };
}

export function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}
