import { describe, expect, it } from 'vitest';
import { previewTarget, type TargetFacts } from './preflight';
import { describeProblem } from './problem-text';
import { summarizePreview, canSend, needsTypedConfirmation } from './summary';

const NOON = Date.parse('2026-03-03T12:00:00Z');
const able = { send: true, edit: true, delete: true, unavailable: null, maxLength: 100 };
const facts = (over: Partial<TargetFacts> = {}): TargetFacts => ({
  communityId: 'c1',
  name: 'Bakers',
  depth: 0,
  platform: 'sandbox',
  connectionName: 'Sandbox',
  connectionState: 'active',
  memberCount: 50,
  rulesUrl: null,
  language: 'en',
  fields: {},
  posting: able,
  ...over,
});
const content = { body: 'Hello {{community.name}}', variants: {} };
const send = { purpose: 'send' as const, at: NOON, definedFields: ['venue'] };

describe('previewTarget', () => {
  it('is ready with the exact text when nothing is wrong', () => {
    const row = previewTarget(facts(), content, send, false);
    expect(row).toMatchObject({ status: 'ready', text: 'Hello Bakers', length: 12, limit: 100, variant: 'default', problems: [] });
  });

  it('names every problem at once', () => {
    const row = previewTarget(
      facts({ connectionState: 'needs-reauth', posting: { ...able, send: false, maxLength: 10 } }),
      { body: '{{community.rulesUrl}} {{community.venue}} {{community.x}} and more text', variants: {} },
      send,
      false,
    );
    expect(row.status).toBe('problem');
    expect(row.problems.map((p) => p.kind)).toEqual(['missing-value', 'unknown-placeholder', 'too-long', 'cannot-post', 'connection-paused']);
    expect(row.problems.map(describeProblem)).toEqual([
      'No value for {{community.rulesUrl}}, {{community.venue}} in this community',
      'Unknown placeholder {{community.x}}',
      expect.stringMatching(/^\d+ characters; the platform allows 10$/),
      'Cannot post here: sandbox connections cannot post announcements',
      'Connection needs re-authentication',
    ]);
  });

  it('counts the length of the rendered text, not of the template', () => {
    const long = facts({ name: 'x'.repeat(95) });
    expect(previewTarget(long, content, send, false).problems).toEqual([{ kind: 'too-long', length: 101, limit: 100 }]);
  });

  it('checks quiet hours at the send time, and not for edits', () => {
    const quiet = facts({ fields: { quietHours: '11:00-13:00' } });
    expect(previewTarget(quiet, content, send, false).problems).toEqual([
      { kind: 'quiet-hours', window: '11:00-13:00', endsAt: Date.parse('2026-03-03T13:00:00Z') },
    ]);
    expect(previewTarget(quiet, content, { ...send, at: NOON + 2 * 3_600_000 }, false).status).toBe('ready');
    expect(previewTarget(quiet, content, { ...send, purpose: 'edit' }, false).status).toBe('ready');
    expect(previewTarget(facts({ fields: { quietHours: 'at night' } }), content, send, false).problems).toEqual([
      { kind: 'invalid-quiet-hours', value: 'at night' },
    ]);
  });

  it('uses the variant of the community language', () => {
    const row = previewTarget(facts({ language: 'es' }), { body: 'Hello', variants: { es: 'Hola {{community.name}}' } }, send, false);
    expect(row).toMatchObject({ variant: 'es', text: 'Hola Bakers', status: 'ready' });
  });

  it('marks an excluded target excluded whatever its problems', () => {
    expect(previewTarget(facts({ connectionState: 'paused' }), content, send, true).status).toBe('excluded');
  });
});

describe('summarizePreview', () => {
  it('counts targets, reach and distinct texts over the included rows only', () => {
    const rows = [
      previewTarget(facts({ communityId: 'a', name: 'A', memberCount: 10 }), content, send, false),
      previewTarget(facts({ communityId: 'b', name: 'B', memberCount: 20 }), content, send, false),
      previewTarget(facts({ communityId: 'c', name: 'B', memberCount: 40 }), content, send, false),
      previewTarget(facts({ communityId: 'd', name: 'D', memberCount: 80, connectionState: 'paused' }), content, send, true),
    ];
    const summary = summarizePreview(rows, 1234, 2);
    expect(summary).toMatchObject({ count: 3, reach: 70, ready: 3, problems: 0, excluded: 1, distinctTexts: 2, estimatedMs: 1234 });
    expect(canSend(summary)).toBe(true);
    expect(needsTypedConfirmation(summary)).toBe(true);
    expect(canSend({ count: 0, problems: 0 })).toBe(false);
    expect(canSend({ count: 3, problems: 1 })).toBe(false);
  });
});
