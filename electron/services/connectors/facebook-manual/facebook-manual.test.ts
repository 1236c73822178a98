import { isConnectorFailure } from '@shared/connectors';
import { describe, expect, it } from 'vitest';
import { communityFromGroupUrl, createFacebookManualConnector } from './connector';
import { adminLinks } from './deep-links';
import { parseGroupUrl } from './group-url';

const idOf = (input: string) => {
  const result = parseGroupUrl(input);
  return result.ok ? result.value.externalId : null;
};

describe('parseGroupUrl', () => {
  it.each([
    ['https://www.facebook.com/groups/1234567890123456/', '1234567890123456'],
    ['https://www.facebook.com/groups/1234567890123456', '1234567890123456'],
    ['https://facebook.com/groups/1234567890123456/permalink/987654321/', '1234567890123456'],
    ['https://m.facebook.com/groups/1234567890123456?ref=share&mibextid=abc', '1234567890123456'],
    ['https://mbasic.facebook.com/groups/1234567890123456/members/#top', '1234567890123456'],
    ['http://web.facebook.com/groups/1234567890123456/', '1234567890123456'],
    ['  www.facebook.com/groups/Rare.Seeds.Exchange/about  ', 'rare.seeds.exchange'],
    ['HTTPS://WWW.FACEBOOK.COM/GROUPS/MyGardenGroup/', 'mygardengroup'],
    ['facebook.com/groups/old_group-name', 'old_group-name'],
  ])('reads %s', (input, expected) => {
    expect(idOf(input)).toBe(expected);
  });

  it('gives the canonical https address and whether it is an id or a vanity name', () => {
    expect(parseGroupUrl('https://m.facebook.com/groups/1234567890/?ref=x')).toEqual({ ok: true, value: { externalId: '1234567890', kind: 'id', url: 'https://www.facebook.com/groups/1234567890/' } });
    expect(parseGroupUrl('facebook.com/groups/Seeds')).toMatchObject({ ok: true, value: { kind: 'vanity', url: 'https://www.facebook.com/groups/seeds/' } });
  });

  it.each([
    ['javascript:alert(document.cookie)'],
    ['JaVaScRiPt:alert(1)//facebook.com/groups/123456'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['https://facebook.com.evil.example/groups/1234567890'],
    ['https://evilfacebook.com/groups/1234567890'],
    ['https://evil.example/groups/1234567890'],
    ['https://user:secret@www.facebook.com/groups/1234567890'],
    ['https://www.facebook.com@evil.example/groups/1234567890'],
    ['https://www.facebook.com\\@evil.example/groups/1234567890'],
    ['https://www.facebook.com:8443/groups/1234567890'],
    ['https://www.xn--facebok-y0a.com/groups/1234567890'],
    ['https://www.facebook.com/groups/../../evil'],
    ['https://www.facebook.com/groups/%2e%2e/'],
    ['https://www.facebook.com/groups/abc%2Fdef'],
    ['https://www.facebook.com/groups/<script>'],
    ['https://www.facebook.com/groups/feed/'],
    ['https://www.facebook.com/groups/'],
    ['https://www.facebook.com/someone.profile'],
    ['https://www.facebook.com/share/g/AbCdEf123/'],
    ['https://www.facebook.com/groups/...'],
    [''],
    [`https://www.facebook.com/groups/${'a'.repeat(3000)}`],
  ])('refuses %s', (input) => {
    const result = parseGroupUrl(input);
    expect(result.ok).toBe(false);
  });

  it('explains what to do with a share link', () => {
    const result = parseGroupUrl('https://www.facebook.com/share/g/AbCdEf123/');
    expect(!result.ok && result.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('share link') });
  });
});

describe('adminLinks', () => {
  it('builds https://www.facebook.com links to the group’s admin pages', () => {
    const links = adminLinks({ externalId: '1234567890' });
    expect(links).toEqual({
      group: 'https://www.facebook.com/groups/1234567890/',
      memberRequests: 'https://www.facebook.com/groups/1234567890/member-requests/',
      pendingPosts: 'https://www.facebook.com/groups/1234567890/pending_posts/',
      reportedContent: 'https://www.facebook.com/groups/1234567890/member_reported_content/',
      moderationAlerts: 'https://www.facebook.com/groups/1234567890/keyword_alerted_content/',
      adminAssist: 'https://www.facebook.com/groups/1234567890/admin_assistant/',
      members: 'https://www.facebook.com/groups/1234567890/members/',
      adminActivity: 'https://www.facebook.com/groups/1234567890/admin_activities/',
    });
    for (const link of Object.values(links ?? {})) expect(new URL(link).origin).toBe('https://www.facebook.com');
  });

  it.each([['../../evil'], ['a/b'], ['javascript:alert(1)'], ['x?y=1'], ['..'], [''], ['a b']])('builds nothing from a hostile id %s', (externalId) => {
    expect(adminLinks({ externalId })).toBeNull();
  });
});

describe('the manual connector', () => {
  it('declares no capabilities and refuses every pull and push as unsupported', async () => {
    const connector = createFacebookManualConnector();
    expect(connector.describe()).toMatchObject({ kind: 'facebook-manual', capabilities: [], delivery: { joinRequests: { mode: 'none' }, reports: { mode: 'none' }, messages: { mode: 'none' } } });
    const calls = [
      connector.listCommunities(null),
      connector.pullJoinRequests(null),
      connector.pullReports(null),
      connector.pullMessages(null),
      connector.pullUpdates(null),
      connector.decideJoinRequest({ requestExternalId: 'r', communityExternalId: 'c', version: null, decision: 'approve', reason: null, ban: false }, { idempotencyKey: 'k' }),
      connector.moderate({ type: 'kick', communityExternalId: 'c', personExternalId: 'p', reason: null }, { idempotencyKey: 'k' }),
      connector.sendAnnouncement({ communityExternalId: 'c', text: 'x' }, { idempotencyKey: 'k' }),
      connector.reconcile('k'),
    ];
    for (const call of calls) {
      const error = await call.then(() => null, (e: unknown) => e);
      expect(isConnectorFailure(error) && error.error).toMatchObject({ class: 'invalid', reason: 'unsupported' });
    }
    expect((await connector.verifyAuth()).scopesOk).toBe(true);
  });

  it('makes a community row from a pasted address', () => {
    expect(communityFromGroupUrl('https://m.facebook.com/groups/1234567890/', 'Seed savers')).toEqual({
      ok: true,
      value: { externalId: '1234567890', parentExternalId: null, name: 'Seed savers', kind: 'group', memberCount: 0, language: null, tags: ['manual'], url: 'https://www.facebook.com/groups/1234567890/', rulesUrl: null },
    });
    expect(communityFromGroupUrl('https://evil.example/groups/1').ok).toBe(false);
  });
});
